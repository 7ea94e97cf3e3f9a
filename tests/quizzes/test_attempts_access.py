"""Every quiz and attempt page for every role: the right page, 403, 404 or the login page."""

import json

import pytest
from django.urls import reverse

from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.quizzes.attempt_setup import assigned_quiz, every_role

ROLES = ["anonymous", "student", "other_student", "teacher", "other_teacher", "admin"]


def _cases(expected: list) -> list[tuple]:
    return list(zip(ROLES, expected, strict=True))


@pytest.fixture
def roles(db):
    roles = every_role(assigned_quiz(question_count=2))
    roles.attempt = attempt_start(assignment=roles.assignment, student=roles.student)
    return roles


@pytest.fixture
def submitted(roles):
    attempt_save_answer(
        attempt=roles.attempt, question_id=roles.attempt.question_ids[0], given="Metternich"
    )
    attempt_submit(attempt=roles.attempt)
    return roles


def _client_for(client, roles, role):
    if role != "anonymous":
        client.force_login(getattr(roles, role))
    return client


def _expect(response, expected):
    if expected == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    elif expected == "redirect":
        assert response.status_code == 302
        assert not response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    _cases(["login", 200, 404, "redirect", 404, "redirect"]),
)
def test_assignment_start_page(client, roles, role, expected):
    url = reverse("quizzes:attempt_start", args=[roles.assignment.pk])

    response = _client_for(client, roles, role).get(url)

    _expect(response, expected)


@pytest.mark.parametrize(("role", "expected"), _cases(["login", "redirect", 404, 404, 404, 404]))
def test_assignment_start_button(client, roles, role, expected):
    url = reverse("quizzes:attempt_start", args=[roles.assignment.pk])

    response = _client_for(client, roles, role).post(url)

    if role in ("teacher", "admin"):
        expected = "redirect"  # to the quiz preview; nothing is started
    _expect(response, expected)
    assert roles.assignment.attempts.count() == 1


@pytest.mark.parametrize(("role", "expected"), _cases(["login", 200, 404, 404, 404, 404]))
def test_take_page(client, roles, role, expected):
    url = reverse("quizzes:attempt_take", args=[roles.attempt.pk])

    response = _client_for(client, roles, role).get(url)

    _expect(response, expected)


@pytest.mark.parametrize(("role", "expected"), _cases(["login", 200, 404, 404, 404, 404]))
def test_answer_save(client, roles, role, expected):
    url = reverse("quizzes:attempt_answer_save", args=[roles.attempt.pk])
    body = json.dumps({"question": roles.attempt.question_ids[0], "given": "Metternich"})

    response = _client_for(client, roles, role).post(url, body, content_type="application/json")

    _expect(response, expected)


@pytest.mark.parametrize(("role", "expected"), _cases(["login", 200, 404, 404, 404, 404]))
def test_submit_confirmation_page(client, roles, role, expected):
    url = reverse("quizzes:attempt_submit", args=[roles.attempt.pk])

    response = _client_for(client, roles, role).get(url)

    _expect(response, expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    _cases(["login", "redirect", 404, 404, 404, 404]),
)
def test_submit_button(client, roles, role, expected):
    url = reverse("quizzes:attempt_submit", args=[roles.attempt.pk])

    response = _client_for(client, roles, role).post(url)

    _expect(response, expected)
    roles.attempt.refresh_from_db()
    assert (roles.attempt.submitted_at is not None) == (role == "student")


@pytest.mark.parametrize(("role", "expected"), _cases(["login", 200, 404, 200, 404, 200]))
def test_review_page(client, submitted, role, expected):
    url = reverse("quizzes:attempt_review", args=[submitted.attempt.pk])

    response = _client_for(client, submitted, role).get(url)

    _expect(response, expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    _cases(["login", 404, 404, "redirect", 404, "redirect"]),
)
def test_mark_override(client, submitted, role, expected):
    answer = submitted.attempt.answers.order_by("pk").last()
    url = reverse("quizzes:answer_mark", args=[submitted.attempt.pk, answer.pk])

    response = _client_for(client, submitted, role).post(url, {f"a{answer.pk}-mark": "1"})

    _expect(response, expected)
    answer.refresh_from_db()
    assert (answer.override_mark == 1.0) == (role in ("teacher", "admin"))


@pytest.mark.parametrize(
    ("role", "expected"),
    _cases(["login", 404, 404, "redirect", 404, "redirect"]),
)
def test_rescore(client, submitted, role, expected):
    url = reverse("quizzes:attempt_rescore", args=[submitted.attempt.pk])

    response = _client_for(client, submitted, role).post(url)

    _expect(response, expected)


@pytest.mark.parametrize(("role", "expected"), _cases(["login", 200, 200, 200, 200, 200]))
def test_progress_page(client, roles, role, expected):
    response = _client_for(client, roles, role).get(reverse("quizzes:progress"))

    _expect(response, expected)


@pytest.mark.parametrize(("role", "expected"), _cases(["login", 403, 403, 200, 200, 200]))
@pytest.mark.parametrize("url_name", ["quizzes:quiz_list", "quizzes:quiz_new"])
def test_quiz_list_and_new_pages(client, roles, role, expected, url_name):
    response = _client_for(client, roles, role).get(reverse(url_name))

    _expect(response, expected)


@pytest.mark.parametrize(("role", "expected"), _cases(["login", 403, 403, 200, 404, 200]))
@pytest.mark.parametrize("url_name", ["quizzes:quiz_preview", "quizzes:quiz_edit"])
def test_quiz_preview_and_edit_pages(client, roles, role, expected, url_name):
    url = reverse(url_name, args=[roles.assignment.quiz.pk])

    response = _client_for(client, roles, role).get(url)

    _expect(response, expected)


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:quizzes_quiz_changelist",
        "admin:quizzes_quiz_change",
        "admin:quizzes_attempt_changelist",
        "admin:quizzes_attempt_change",
    ],
)
def test_admin_pages_for_quizzes_and_attempts_open(client, submitted, url_name):
    client.force_login(submitted.admin)
    args = []
    if url_name.endswith("_change"):
        target = submitted.attempt if "attempt" in url_name else submitted.assignment.quiz
        args = [target.pk]

    response = client.get(reverse(url_name, args=args))

    assert response.status_code == 200

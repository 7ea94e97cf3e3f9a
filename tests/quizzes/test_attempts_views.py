import json
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Answer, AnswerVisibility, Assignment, AssignmentExtension, Attempt
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.quizzes.attempt_setup import EVERY_KIND, assigned_quiz, enrol
from tests.quizzes.factories import FillBlankQuestionFactory, ShortAnswerQuestionFactory


def _start(client, question_count=3, factories=None, **settings):
    assignment = assigned_quiz(question_count=question_count, factories=factories, **settings)
    student = enrol(assignment)
    client.force_login(student)
    return attempt_start(assignment=assignment, student=student)


def _save(client, attempt, body):
    url = reverse("quizzes:attempt_answer_save", args=[attempt.pk])
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, data, content_type="application/json")


@pytest.fixture
def attempt(client, db):
    return _start(client)


def test_take_page_shows_every_kind_of_question(client, db):
    attempt = _start(client, factories=EVERY_KIND)

    response = client.get(reverse("quizzes:attempt_take", args=[attempt.pk]))

    html = response.content.decode()
    assert html.count('class="card mb-3 question"') == len(EVERY_KIND)
    assert 'type="radio"' in html and 'type="checkbox"' in html and 'type="text"' in html
    assert "data-left=" in html and "data-ordering" in html


def test_take_page_holds_no_answer_key(client, db):
    attempt = _start(
        client,
        factories=[
            lambda lesson: FillBlankQuestionFactory(lesson=lesson, accepted=["eighteen fifteen"]),
            lambda lesson: ShortAnswerQuestionFactory(lesson=lesson, explanation="He wrote it."),
        ],
    )

    html = client.get(reverse("quizzes:attempt_take", args=[attempt.pk])).content.decode()

    assert "1815" not in html
    assert "eighteen fifteen" not in html
    assert "Talleyrand" not in html
    assert "He wrote it." not in html
    assert "Right answer" not in html


def test_resumed_page_shows_the_answers_saved_before(client, attempt):
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Castlereagh")

    html = client.get(reverse("quizzes:attempt_take", args=[attempt.pk])).content.decode()

    assert 'value="Castlereagh" checked' in html
    assert "<span data-answered>1</span> of 3 answered" in html


def test_autosave_reply_holds_no_key_and_no_mark(client, attempt):
    question_id = attempt.question_ids[0]

    response = _save(client, attempt, {"question": question_id, "given": "Talleyrand"})

    assert response.status_code == 200
    assert response.json() == {"saved": True, "question": question_id, "answered": 1, "total": 3}
    assert b"Metternich" not in response.content


def test_autosave_check_returns_the_key_for_that_question_when_allowed(client, db):
    attempt = _start(client, answers_visible=AnswerVisibility.AFTER_EACH)
    question_id = attempt.question_ids[0]

    response = _save(
        client, attempt, {"question": question_id, "given": "Talleyrand", "check": True}
    )

    feedback = response.json()["feedback"]
    assert feedback["correct"] is False
    assert feedback["right_answer"] == "Metternich"


def test_autosave_after_submit_is_refused_with_409_and_a_message(client, attempt):
    attempt_submit(attempt=attempt)

    response = _save(client, attempt, {"question": attempt.question_ids[0], "given": "Metternich"})

    assert response.status_code == 409
    assert "already submitted" in response.json()["error"]
    assert not Answer.objects.filter(attempt=attempt, given="Metternich").exists()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        b"\xff\xfe",
        "[1, 2]",
        {"question": "1", "given": "Metternich"},
        {"question": True, "given": "Metternich"},
        {"question": 999999, "given": "Metternich"},
    ],
)
def test_tampered_autosave_gets_400(client, attempt, body):
    response = _save(client, attempt, body)

    assert response.status_code == 400
    assert response.json()["saved"] is False


@pytest.mark.parametrize("given", [["Metternich"], {"a": 1}, 42, "Napoleon"])
def test_autosave_of_a_wrong_shape_gets_400(client, attempt, given):
    response = _save(client, attempt, {"question": attempt.question_ids[0], "given": given})

    assert response.status_code == 400


def test_autosave_to_another_students_attempt_gets_404(client, attempt):
    others = attempt_start(assignment=attempt.assignment, student=enrol(attempt.assignment))

    response = _save(client, others, {"question": others.question_ids[0], "given": "Metternich"})

    assert response.status_code == 404


def test_plain_form_post_saves_and_moves_to_the_next_question(client, db):
    attempt = _start(client, one_question_per_page=True)
    first = attempt.question_ids[0]
    url = reverse("quizzes:attempt_take", args=[attempt.pk]) + "?page=1"

    response = client.post(url, {"questions": [first], f"q{first}": "Metternich", "action": "next"})

    assert response.status_code == 302
    assert response.url.endswith("?page=2")
    assert Answer.objects.get(attempt=attempt, question_id=first).given == "Metternich"


def test_one_question_per_page_shows_one_question(client, db):
    attempt = _start(client, one_question_per_page=True)

    html = client.get(reverse("quizzes:attempt_take", args=[attempt.pk])).content.decode()

    assert html.count('class="card mb-3 question"') == 1


def test_plain_form_ordering_with_repeated_places_is_refused(client, db):
    attempt = _start(client, factories=EVERY_KIND[-1:])
    question_id = attempt.question_ids[0]
    places = {f"q{question_id}-o{index}": "1" for index in range(4)}

    response = client.post(
        reverse("quizzes:attempt_take", args=[attempt.pk]), {"questions": [question_id], **places}
    )

    assert response.status_code == 400
    assert "different position" in response.content.decode()


@pytest.mark.parametrize("questions", [["abc"], ["999999"]])
def test_plain_form_with_tampered_question_ids_gets_400(client, attempt, questions):
    response = client.post(
        reverse("quizzes:attempt_take", args=[attempt.pk]), {"questions": questions}
    )

    assert response.status_code == 400


def test_submit_twice_gives_one_graded_attempt(client, attempt):
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])

    client.post(url)
    response = client.post(url, follow=True)

    assert Attempt.objects.submitted().count() == 1
    assert "already submitted" in response.content.decode()


def test_returning_after_the_deadline_finds_the_attempt_graded(client, db):
    attempt = _start(client, time_limit_minutes=5)
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Metternich")

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        response = client.get(reverse("quizzes:attempt_take", args=[attempt.pk]), follow=True)

    attempt.refresh_from_db()
    assert attempt.score == 1.0
    assert "Time ran out" in response.content.decode()


def test_take_page_shows_the_countdown_from_the_server_deadline(client, db):
    attempt = _start(client, time_limit_minutes=20)

    html = client.get(reverse("quizzes:attempt_take", args=[attempt.pk])).content.decode()

    assert 'data-seconds-left="1199"' in html or 'data-seconds-left="1200"' in html


@pytest.mark.parametrize("size", [5, 40])
def test_take_page_query_count_does_not_grow_with_questions(
    client, db, size, django_assert_max_num_queries
):
    attempt = _start(client, question_count=size)
    for question_id in attempt.question_ids:
        attempt_save_answer(attempt=attempt, question_id=question_id, given="Metternich")

    # Session, user, attempt with its quiz and the student's own due date, questions with
    # their answers.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("quizzes:attempt_take", args=[attempt.pk]))

    assert response.status_code == 200


def test_take_page_shows_the_due_date_the_student_works_to(client, db):
    class_due = timezone.now().replace(year=2031, month=5, day=1, hour=9, minute=0)
    attempt = _start(client)
    assignment = attempt.assignment
    Assignment.objects.filter(pk=assignment.pk).update(due_at=class_due)
    url = reverse("quizzes:attempt_take", args=[attempt.pk])

    assert "Thursday 1 May 2031, 09:00" in client.get(url).content.decode()

    AssignmentExtension.objects.create(
        assignment=assignment,
        student=attempt.student,
        due_at=class_due + timedelta(days=7),
        granted_by=assignment.classroom.teacher,
    )
    html = client.get(url).content.decode()

    assert "Thursday 8 May 2031, 09:00" in html
    assert "Thursday 1 May 2031" not in html


def test_review_shows_the_key_why_and_source_after_submitting(client, db):
    attempt = _start(client, factories=[ShortAnswerQuestionFactory])
    question = attempt.assignment.quiz.questions.get()
    question.explanation = "Talleyrand represented Louis XVIII."
    question.save()
    attempt_submit(attempt=attempt)

    html = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()

    assert "Talleyrand (also accepted: Charles-Maurice de Talleyrand)" in html
    assert "Talleyrand represented Louis XVIII." in html
    assert question.source_sentence.get_absolute_url() in html


@pytest.mark.parametrize("setting", [AnswerVisibility.NEVER, AnswerVisibility.AFTER_DUE])
def test_review_hides_the_key_until_the_setting_allows(client, db, setting):
    attempt = _start(client, factories=[ShortAnswerQuestionFactory], answers_visible=setting)
    attempt_submit(attempt=attempt)

    html = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()

    assert "Talleyrand" not in html
    assert "Right answer" not in html


def test_review_shows_the_key_once_the_due_date_has_passed(client, db):
    attempt = _start(
        client, factories=[ShortAnswerQuestionFactory], answers_visible=AnswerVisibility.AFTER_DUE
    )
    attempt_submit(attempt=attempt)

    with time_machine.travel(attempt.assignment.due_at + timedelta(minutes=1)):
        html = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()

    assert "Right answer" in html


def test_teacher_sees_the_key_and_overrides_a_mark(client, db):
    attempt = _start(client, answers_visible=AnswerVisibility.NEVER)
    attempt_submit(attempt=attempt)
    client.force_login(attempt.assignment.classroom.teacher)
    answer = attempt.answers.first()

    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()
    response = client.post(
        reverse("quizzes:answer_mark", args=[attempt.pk, answer.pk]),
        {f"a{answer.pk}-mark": "0.5"},
        follow=True,
    )

    assert "Right answer" in review and "Save mark" in review
    assert "now scores 0.5 / 3" in response.content.decode()


@pytest.mark.parametrize("mark", ["abc", "2", "-1"])
def test_tampered_mark_gets_400(client, db, mark):
    attempt = _start(client)
    attempt_submit(attempt=attempt)
    client.force_login(attempt.assignment.classroom.teacher)
    answer = attempt.answers.first()

    response = client.post(
        reverse("quizzes:answer_mark", args=[attempt.pk, answer.pk]), {f"a{answer.pk}-mark": mark}
    )

    assert response.status_code == 400


def test_start_button_twice_opens_one_attempt(client, db):
    assignment = assigned_quiz()
    client.force_login(enrol(assignment))
    url = reverse("quizzes:attempt_start", args=[assignment.pk])

    first = client.post(url)
    second = client.post(url)

    assert first.url == second.url
    assert assignment.attempts.count() == 1


def test_start_when_the_quiz_is_closed_explains_why(client, db):
    assignment = assigned_quiz(closes_at=timezone.now() - timedelta(hours=1))
    client.force_login(enrol(assignment))

    response = client.post(reverse("quizzes:attempt_start", args=[assignment.pk]), follow=True)

    assert "This quiz is closed." in response.content.decode()
    assert assignment.attempts.count() == 0


@pytest.mark.parametrize("size", [5, 40])
def test_autosave_query_count_does_not_grow_with_questions(
    client, db, size, django_assert_max_num_queries
):
    attempt = _start(client, question_count=size)
    for question_id in attempt.question_ids:
        attempt_save_answer(attempt=attempt, question_id=question_id, given="Metternich")

    # Session, user, the locked attempt with this answer, the question, the write, and the
    # savepoint around them (the test's own transaction turns BEGIN/COMMIT into one).
    with django_assert_max_num_queries(7):
        response = _save(
            client, attempt, {"question": attempt.question_ids[0], "given": "Talleyrand"}
        )

    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 40])
def test_submit_query_count_does_not_grow_with_questions(
    client, db, size, django_assert_max_num_queries
):
    attempt = _start(client, question_count=size)
    for question_id in attempt.question_ids[::2]:
        attempt_save_answer(attempt=attempt, question_id=question_id, given="Talleyrand")

    # Session, user, attempt; under the lock the attempt with its student, answers,
    # questions, marks that moved, rows for the unanswered, the close; then the wrong
    # answers and the study queue (4 of them savepoints, in the test's own transaction).
    with django_assert_max_num_queries(15):
        response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]))

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.answers.count() == size


@pytest.mark.parametrize("size", [5, 40])
def test_review_query_count_does_not_grow_with_questions(
    client, db, size, django_assert_max_num_queries
):
    attempt = _start(client, question_count=size)
    attempt_submit(attempt=attempt)

    # One of them counts the student's attempts: the key waits while another can start.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("quizzes:attempt_review", args=[attempt.pk]))

    assert response.content.decode().count("review-item") == size


def test_question_buttons_save_the_page_and_jump_without_javascript(client, db):
    attempt = _start(client, one_question_per_page=True)
    first = attempt.question_ids[0]

    response = client.post(
        reverse("quizzes:attempt_take", args=[attempt.pk]) + "?page=1",
        {"questions": [first], f"q{first}": "Hardenberg", "goto": "3"},
    )

    assert response.url.endswith("?page=3")
    assert Answer.objects.get(attempt=attempt, question_id=first).given == "Hardenberg"


def test_typed_answer_with_a_nul_character_is_saved_without_it(client, db):
    attempt = _start(client, factories=[ShortAnswerQuestionFactory])

    response = _save(client, attempt, {"question": attempt.question_ids[0], "given": "Tal\x00ley"})

    assert response.status_code == 200
    assert Answer.objects.get(attempt=attempt).given == "Talley"


def test_check_button_without_javascript_shows_that_questions_answer(client, db):
    attempt = _start(client, answers_visible=AnswerVisibility.AFTER_EACH)
    first = attempt.question_ids[0]
    url = reverse("quizzes:attempt_take", args=[attempt.pk])

    response = client.post(
        url, {"questions": attempt.question_ids, f"q{first}": "Talleyrand", "check": str(first)}
    )
    html = client.get(response.url).content.decode()

    assert "Not right." in html and "The answer: Metternich" in html
    assert Answer.objects.get(attempt=attempt, question_id=first).checked_at is not None


@pytest.mark.parametrize(
    "body",
    [
        '{"question": QID, "given": "\\ud800"}',
        '{"question": QID, "given": "fine", "\\udfff": true}',
        '{"question": QID, "given": ' + "[" * 9_000 + "]" * 9_000 + "}",
        "[" * 9_000 + "]" * 9_000,
    ],
    ids=["lone-surrogate", "surrogate-key", "nested-given", "nested-body"],
)
def test_malformed_autosave_bodies_get_400_with_a_message(client, db, body):
    attempt = _start(client, question_count=1, factories=[ShortAnswerQuestionFactory])

    # Issue 13, fault 3: these reached a 500.
    response = _save(client, attempt, body.replace("QID", str(attempt.question_ids[0])))

    assert response.status_code == 400
    assert response.json() == {"saved": False, "error": "The answer could not be read."}
    assert not Answer.objects.filter(attempt=attempt).exists()


def test_the_timers_own_hand_in_says_time_ran_out(client, db):
    # The page's countdown reaches 0:00 and hands the attempt in a moment before the
    # server's deadline (its clock rounds to whole seconds).
    attempt = _start(client, time_limit_minutes=5)

    with time_machine.travel(attempt.deadline_at - timedelta(seconds=1)):
        response = client.post(
            reverse("quizzes:attempt_submit", args=[attempt.pk]), {"time_up": "1"}, follow=True
        )

    page = response.content.decode()
    assert "Time ran out" in page
    assert "Attempt submitted." not in page

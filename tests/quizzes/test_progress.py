import pytest
from django.urls import reverse

from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.quizzes.attempt_setup import assigned_quiz, enrol


def _graded_attempt(student, right: int, of: int):
    assignment = assigned_quiz(question_count=of)
    enrol(assignment, student)
    attempt = attempt_start(assignment=assignment, student=student)
    for question_id in attempt.question_ids[:right]:
        attempt_save_answer(attempt=attempt, question_id=question_id, given="Metternich")
    return attempt_submit(attempt=attempt)


def test_progress_chart_data_lists_scores_oldest_first(client, student):
    _graded_attempt(student, right=1, of=4)
    _graded_attempt(student, right=3, of=4)
    client.force_login(student)

    response = client.get(reverse("quizzes:progress"))

    chart = response.context["chart"]
    assert chart["scores"] == [25.0, 75.0]
    assert 'id="score-chart-data"' in response.content.decode()


def test_progress_shows_mastery_per_lesson(client, student):
    attempt = _graded_attempt(student, right=1, of=2)
    client.force_login(student)

    html = client.get(reverse("quizzes:progress")).content.decode()

    lesson = attempt.assignment.quiz.lessons.get()
    assert lesson.title in html
    assert 'value="50"' in html


def test_progress_shows_only_the_students_own_attempts(client, student):
    other = enrol(assigned_quiz())
    _graded_attempt(other, right=1, of=1)
    client.force_login(student)

    response = client.get(reverse("quizzes:progress"))

    assert response.context["attempts"] == []
    assert "No graded quizzes yet" in response.content.decode()


@pytest.mark.parametrize("count", [2, 12])
def test_progress_query_count_is_fixed(client, student, count, django_assert_max_num_queries):
    for _ in range(count):
        _graded_attempt(student, right=1, of=3)
    client.force_login(student)

    # Session, user, expiry check, attempts, then mastery's five (answers, cards, lessons,
    # key points, flashcard counts).
    with django_assert_max_num_queries(9):
        client.get(reverse("quizzes:progress"))

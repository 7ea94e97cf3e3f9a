"""A finished attempt's review and score never change under the student (issue 11, fault 3)."""

import pytest
from django.urls import reverse

from quizzes.models import Question
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import ShortAnswerQuestionFactory


@pytest.mark.django_db
def test_editing_a_used_questions_key_leaves_the_finished_review_as_it_was(client):
    assignment = assigned_quiz(factories=[ShortAnswerQuestionFactory])
    lesson = assignment.quiz.lessons.get()
    lesson.owner = assignment.classroom.teacher
    lesson.save(update_fields=["owner"])
    student = enrol(assignment)
    attempt = attempt_start(assignment=assignment, student=student)
    question = Question.objects.get(pk=attempt.question_ids[0])
    attempt_save_answer(attempt=attempt, question_id=question.pk, given="Talleyrand")
    attempt_submit(attempt=attempt)
    client.force_login(lesson.owner)

    client.post(
        reverse("quizzes:bank_question_edit", args=[lesson.slug, question.pk]),
        {"prompt": question.prompt, "answer": "Charles-Maurice de Talleyrand", "accepted": ""},
    )

    attempt.refresh_from_db()
    assert attempt.score == 1.0
    client.force_login(student)
    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()
    assert "Right answer" in review or "right answer" in review.lower()
    assert "Talleyrand (also accepted: Charles-Maurice de Talleyrand)" in review

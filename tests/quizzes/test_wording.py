"""Words a student or teacher reads: no false cheer, plain marks, nothing said twice."""

from django.urls import reverse

from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import ShortAnswerQuestionFactory


def test_a_student_in_no_class_is_told_how_to_join_one_not_well_done(client, student):
    client.force_login(student)

    page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert "Well done" not in page
    assert "Join a class" in page and "code your teacher gave you" in page


def submitted_review(client, explanation=None, given="Metternich"):
    assignment = assigned_quiz(factories=[ShortAnswerQuestionFactory])
    student = enrol(assignment)
    question = assignment.quiz.questions.get()
    if explanation is not None:
        question.explanation = explanation(question)
        question.save()
    attempt = attempt_start(assignment=assignment, student=student)
    attempt_save_answer(attempt=attempt, question_id=question.pk, given=given)
    attempt_submit(attempt=attempt)
    client.force_login(student)
    return client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()


def test_review_badges_say_right_or_not_right_instead_of_a_mark_number(client, db):
    page = submitted_review(client, given="Metternich")

    assert "Mark 0" not in page and "Mark 1" not in page
    assert "Not right" in page


def test_review_does_not_repeat_the_source_sentence_under_why(client, db):
    page = submitted_review(client, explanation=lambda question: question.source_text + " ")

    assert '<dt class="col-sm-3">Why</dt>' not in page
    assert "From the lesson" in page

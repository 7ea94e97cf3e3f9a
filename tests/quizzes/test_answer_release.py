"""Keys stay closed until the quiz's review settings open them, on every path (issue 11,
fault 5)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from quizzes.models import AnswerVisibility, Assignment, AssignmentExtension, Attempt, SelectionMode
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import FlashcardFactory, QuestionFactory, QuizFactory

pytestmark = pytest.mark.django_db


def _after_due_quiz(**settings):
    assignment = assigned_quiz(
        question_count=3, answers_visible=AnswerVisibility.AFTER_DUE, **settings
    )
    return assignment, enrol(assignment)


def test_practice_never_asks_a_question_of_the_students_quiz_before_its_answers_are_out(client):
    assignment, student = _after_due_quiz()
    lesson = assignment.quiz.lessons.get()
    QuestionFactory.create_batch(3, lesson=lesson)
    quiz_ids = set(assignment.quiz.quiz_questions.values_list("question_id", flat=True))
    client.force_login(student)

    client.get(reverse("quizzes:practice_question", args=[lesson.slug]))

    practised = set(client.session["practice_rounds"][str(lesson.pk)]["questions"])
    assert practised and not practised & quiz_ids


def test_a_wrong_answer_queues_no_card_of_its_sentence_until_the_answers_are_out(client):
    assignment, student = _after_due_quiz()
    lesson = assignment.quiz.lessons.get()
    FlashcardFactory(lesson=lesson)
    attempt = attempt_start(assignment=assignment, student=student)
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Talleyrand")
    attempt_submit(attempt=attempt)
    client.force_login(student)

    page = client.get(reverse("quizzes:study_due"))

    assert page.context["item"] is None


def test_after_the_due_date_cannot_be_chosen_for_an_assignment_without_a_due_date(client):
    quiz = QuizFactory(answers_visible=AnswerVisibility.AFTER_DUE, question_count=1)
    classroom = assigned_quiz(question_count=1).classroom
    quiz.owner = classroom.teacher
    quiz.save(update_fields=["owner"])
    client.force_login(classroom.teacher)

    response = client.post(
        reverse("quizzes:assignment_new", args=[classroom.pk]), {"kind": "quiz", "quiz": quiz.pk}
    )

    assert response.status_code == 400
    assert not Assignment.objects.filter(quiz=quiz).exists()


def test_with_no_due_date_the_key_of_an_after_the_due_date_quiz_stays_hidden(client):
    assignment, student = _after_due_quiz()
    Assignment.objects.filter(pk=assignment.pk).update(due_at=None)
    attempt = attempt_submit(attempt=attempt_start(assignment=assignment, student=student))
    client.force_login(student)

    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk]))

    assert "Right answer" not in review.content.decode()


def test_no_attempt_can_be_started_once_the_key_is_shown_after_the_due_date(client):
    assignment, student = _after_due_quiz(attempts_allowed=2)
    attempt = attempt_submit(attempt=attempt_start(assignment=assignment, student=student))
    client.force_login(student)

    with time_machine.travel(assignment.due_at + timedelta(minutes=1)):
        review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk]))
        client.post(reverse("quizzes:attempt_start", args=[assignment.pk]))

    assert "Right answer" in review.content.decode()
    assert Attempt.objects.filter(assignment=assignment, student=student).count() == 1


def test_the_key_after_submitting_waits_while_another_attempt_can_be_started(client):
    assignment = assigned_quiz(question_count=2, attempts_allowed=2)
    student = enrol(assignment)
    first = attempt_submit(attempt=attempt_start(assignment=assignment, student=student))
    client.force_login(student)

    before = client.get(reverse("quizzes:attempt_review", args=[first.pk])).content.decode()
    second = attempt_submit(attempt=attempt_start(assignment=assignment, student=student))
    after = client.get(reverse("quizzes:attempt_review", args=[second.pk])).content.decode()

    assert "Right answer" not in before
    assert "Right answer" in after


def test_once_the_answers_are_out_the_mistake_cards_come_due_and_practice_asks_them(client):
    assignment, student = _after_due_quiz()
    lesson = assignment.quiz.lessons.get()
    card = FlashcardFactory(lesson=lesson)
    attempt = attempt_start(assignment=assignment, student=student)
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Talleyrand")
    attempt_submit(attempt=attempt)
    client.force_login(student)

    with time_machine.travel(assignment.due_at + timedelta(minutes=1)):
        study = client.get(reverse("quizzes:study_due"))
        client.get(reverse("quizzes:practice_question", args=[lesson.slug]))

    assert study.context["item"].flashcard == card
    practised = set(client.session["practice_rounds"][str(lesson.pk)]["questions"])
    assert practised == set(attempt.question_ids)


def test_an_attempt_at_an_after_the_due_date_quiz_ends_at_the_due_date(db):
    assignment, student = _after_due_quiz()

    attempt = attempt_start(assignment=assignment, student=student)

    assert attempt.deadline_at == assignment.due_at


def test_a_random_draw_keeps_its_lessons_questions_out_of_practice(client):
    assignment, student = _after_due_quiz()
    quiz = assignment.quiz
    quiz.selection_mode, quiz.random_count = SelectionMode.RANDOM, 2
    quiz.save()
    lesson = quiz.lessons.get()
    QuestionFactory.create_batch(3, lesson=lesson)
    client.force_login(student)

    page = client.get(reverse("quizzes:practice_question", args=[lesson.slug]))

    assert page.context["has_questions"] is False


def test_a_teacher_sees_every_answer_of_their_class_at_once(client):
    assignment, student = _after_due_quiz()
    attempt = attempt_submit(attempt=attempt_start(assignment=assignment, student=student))
    client.force_login(assignment.classroom.teacher)

    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk]))

    assert "Right answer" in review.content.decode()


def test_a_classmates_extension_keeps_the_answers_closed_and_lets_only_them_start(client):
    assignment, student = _after_due_quiz()
    lesson = assignment.quiz.lessons.get()
    QuestionFactory(lesson=lesson)
    extended = enrol(assignment)
    AssignmentExtension.objects.create(
        assignment=assignment,
        student=extended,
        due_at=assignment.due_at + timedelta(days=3),
        granted_by=assignment.classroom.teacher,
    )
    quiz_ids = set(assignment.quiz.quiz_questions.values_list("question_id", flat=True))
    client.force_login(student)

    with time_machine.travel(assignment.due_at + timedelta(days=1)):
        client.get(reverse("quizzes:practice_question", args=[lesson.slug]))
        own_start = client.post(reverse("quizzes:attempt_start", args=[assignment.pk]))
        extended_attempt = attempt_start(assignment=assignment, student=extended)

    practised = set(client.session["practice_rounds"][str(lesson.pk)]["questions"])
    assert not practised & quiz_ids
    assert not Attempt.objects.filter(assignment=assignment, student=student).exists()
    assert own_start.status_code == 302
    assert extended_attempt.deadline_at == assignment.due_at + timedelta(days=3)

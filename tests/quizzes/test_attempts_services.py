from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from quizzes.models import Answer, AnswerVisibility, Attempt, QuestionStatus, SelectionMode
from quizzes.services.attempts import (
    AttemptClosed,
    QuestionNotInAttempt,
    answer_override_mark,
    attempt_autosave,
    attempt_rescore,
    attempt_save_answer,
    attempt_start,
    attempt_submit,
    attempts_submit_expired,
)
from tests.lessons.factories import LessonFactory
from tests.quizzes.attempt_setup import EVERY_KIND, assigned_quiz, enrol
from tests.quizzes.factories import QuestionFactory, QuizFactory


@pytest.fixture
def assignment(db):
    return assigned_quiz(question_count=3)


@pytest.fixture
def student(assignment):
    return enrol(assignment)


@pytest.fixture
def attempt(assignment, student):
    return attempt_start(assignment=assignment, student=student)


def test_start_pressed_twice_gives_one_attempt(assignment, student):
    first = attempt_start(assignment=assignment, student=student)
    second = attempt_start(assignment=assignment, student=student)

    assert first.pk == second.pk
    assert Attempt.objects.filter(assignment=assignment, student=student).count() == 1


def test_start_refuses_a_student_of_another_class(assignment):
    outsider = enrol(assigned_quiz())

    with pytest.raises(ValidationError, match="not in this class"):
        attempt_start(assignment=assignment, student=outsider)


def test_start_refuses_before_the_quiz_opens(assignment, student):
    assignment.quiz.opens_at = timezone.now() + timedelta(hours=1)
    assignment.quiz.save()

    with pytest.raises(ValidationError, match="not open yet"):
        attempt_start(assignment=assignment, student=student)


def test_start_refuses_after_the_quiz_closes(assignment, student):
    assignment.quiz.closes_at = timezone.now() - timedelta(minutes=1)
    assignment.quiz.save()

    with pytest.raises(ValidationError, match="closed"):
        attempt_start(assignment=assignment, student=student)


def test_start_refuses_when_no_attempts_are_left(attempt, assignment, student):
    attempt_submit(attempt=attempt)

    with pytest.raises(ValidationError, match="used all your attempts"):
        attempt_start(assignment=assignment, student=student)


def test_a_second_attempt_gets_the_next_number(attempt, assignment, student):
    assignment.quiz.attempts_allowed = 0
    assignment.quiz.save()
    attempt_submit(attempt=attempt)

    second = attempt_start(assignment=assignment, student=student)

    assert second.number == 2


def test_hand_picked_quiz_asks_every_picked_question(attempt, assignment):
    picked = set(assignment.quiz.quiz_questions.values_list("question_id", flat=True))

    assert set(attempt.question_ids) == picked


def test_random_draw_differs_between_students_but_stays_for_the_attempt(db):
    assignment = assigned_quiz(question_count=0)
    lesson = LessonFactory(owner=assignment.quiz.owner)
    pool = [QuestionFactory(lesson=lesson) for _ in range(30)]
    QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED)
    quiz = QuizFactory(
        selection_mode=SelectionMode.RANDOM, random_count=10, owner=assignment.quiz.owner
    )
    quiz.lessons.add(lesson)
    assignment.quiz = quiz
    assignment.save()
    draws = [
        attempt_start(assignment=assignment, student=enrol(assignment)).question_ids
        for _ in range(4)
    ]

    assert all(len(draw) == 10 for draw in draws)
    assert all(set(draw) <= {q.pk for q in pool} for draw in draws)
    assert len({tuple(sorted(draw)) for draw in draws}) > 1
    first = Attempt.objects.order_by("pk").first()
    assert attempt_start(assignment=assignment, student=first.student).question_ids == draws[0]


def test_random_draw_takes_ready_and_approved_questions_never_ones_needing_review(db):
    lesson = LessonFactory()
    ready = [QuestionFactory(lesson=lesson) for _ in range(4)]
    approved = QuestionFactory(lesson=lesson, status=QuestionStatus.APPROVED, ready=False)
    for _ in range(6):
        QuestionFactory(lesson=lesson, ready=False)
    quiz = QuizFactory(selection_mode=SelectionMode.RANDOM, random_count=5)
    quiz.lessons.add(lesson)
    assignment = assigned_quiz(question_count=0)
    assignment.quiz = quiz
    assignment.save()

    draw = attempt_start(assignment=assignment, student=enrol(assignment)).question_ids

    assert set(draw) == {q.pk for q in [*ready, approved]}


def test_option_order_is_a_permutation_fixed_per_attempt(attempt):
    for question_id in attempt.question_ids:
        assert sorted(attempt.option_orders[str(question_id)]) == [0, 1, 2, 3]


def test_save_answer_keeps_the_latest_value(attempt):
    question_id = attempt.question_ids[0]

    attempt_save_answer(attempt=attempt, question_id=question_id, given="Talleyrand")
    saved = attempt_save_answer(attempt=attempt, question_id=question_id, given="Metternich")

    assert Answer.objects.get(attempt=attempt, question_id=question_id).given == "Metternich"
    assert saved.answered_count == 1
    assert saved.answer.mark is None


def test_autosave_counts_and_finds_this_students_answers_only(assignment, attempt, student):
    classmate = enrol(assignment)
    theirs = attempt_start(assignment=assignment, student=classmate)
    first, second = attempt.question_ids[:2]
    attempt_save_answer(attempt=theirs, question_id=first, given="Talleyrand")
    attempt_save_answer(attempt=theirs, question_id=second, given="Talleyrand")

    one = attempt_autosave(student=student, attempt_id=attempt.pk, question_id=first,
                           given="Metternich")  # fmt: skip
    two = attempt_autosave(student=student, attempt_id=attempt.pk, question_id=second,
                           given="Metternich")  # fmt: skip
    again = attempt_autosave(student=student, attempt_id=attempt.pk, question_id=first,
                             given="Castlereagh")  # fmt: skip

    assert (one.answered_count, two.answered_count, again.answered_count) == (1, 2, 2)
    assert again.answer.pk == one.answer.pk
    assert Answer.objects.get(attempt=attempt, question_id=first).given == "Castlereagh"
    assert Answer.objects.filter(attempt=theirs, given="Talleyrand").count() == 2
    with pytest.raises(Attempt.DoesNotExist):
        attempt_autosave(student=classmate, attempt_id=attempt.pk, question_id=first, given="x")


def test_save_answer_refuses_a_question_of_another_attempt(attempt):
    stranger = QuestionFactory()

    with pytest.raises(QuestionNotInAttempt):
        attempt_save_answer(attempt=attempt, question_id=stranger.pk, given="Metternich")


def test_save_after_submit_is_refused_with_a_message(attempt):
    attempt_submit(attempt=attempt)

    with pytest.raises(AttemptClosed, match="already submitted"):
        attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="x")
    assert not Answer.objects.filter(attempt=attempt, given="x").exists()


def test_submit_grades_the_saved_answers(attempt):
    right, wrong, _unanswered = attempt.question_ids
    attempt_save_answer(attempt=attempt, question_id=right, given="Metternich")
    attempt_save_answer(attempt=attempt, question_id=wrong, given="Talleyrand")

    graded = attempt_submit(attempt=attempt)

    assert graded.score == 1.0
    assert graded.max_score == 3.0
    assert graded.answers.count() == 3


def test_submit_sent_twice_grades_once(attempt):
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Metternich")
    first = attempt_submit(attempt=attempt)

    second = attempt_submit(attempt=attempt)

    assert second.submitted_at == first.submitted_at
    assert second.score == first.score == 1.0
    assert Attempt.objects.submitted().count() == 1


def test_expired_attempt_is_graded_with_what_was_saved_in_time(assignment, student):
    assignment.quiz.time_limit_minutes = 10
    assignment.quiz.save()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = attempt_start(assignment=assignment, student=student)
        first, second, _ = attempt.question_ids
        clock.shift(timedelta(minutes=9))
        attempt_save_answer(attempt=attempt, question_id=first, given="Metternich")
        clock.shift(timedelta(minutes=2))

        with pytest.raises(AttemptClosed, match="Time ran out"):
            attempt_save_answer(attempt=attempt, question_id=second, given="Metternich")

    attempt.refresh_from_db()
    assert attempt.score == 1.0
    assert attempt.submitted_at == attempt.deadline_at


def test_expired_attempts_are_submitted_when_the_student_returns(assignment, student):
    assignment.quiz.time_limit_minutes = 5
    assignment.quiz.save()
    attempt = attempt_start(assignment=assignment, student=student)
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Metternich")

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        count = attempts_submit_expired(Attempt.objects.all())

    attempt.refresh_from_db()
    assert count == 1
    assert attempt.score == 1.0


def test_attempts_within_their_time_are_left_open(assignment, student):
    assignment.quiz.time_limit_minutes = 5
    assignment.quiz.save()
    attempt_start(assignment=assignment, student=student)

    assert attempts_submit_expired(Attempt.objects.all()) == 0


def test_checking_an_answer_marks_and_locks_it_when_answers_show_after_each(assignment, student):
    assignment.quiz.answers_visible = AnswerVisibility.AFTER_EACH
    assignment.quiz.save()
    attempt = attempt_start(assignment=assignment, student=student)
    question_id = attempt.question_ids[0]

    saved = attempt_save_answer(
        attempt=attempt, question_id=question_id, given="Metternich", check=True
    )

    assert saved.checked and saved.answer.mark == 1.0
    with pytest.raises(ValidationError, match="already checked"):
        attempt_save_answer(attempt=attempt, question_id=question_id, given="Talleyrand")


def test_checking_is_ignored_when_answers_show_only_after_submitting(attempt):
    saved = attempt_save_answer(
        attempt=attempt, question_id=attempt.question_ids[0], given="Metternich", check=True
    )

    assert not saved.checked
    assert saved.answer.mark is None


def test_override_mark_recomputes_the_score(attempt, teacher):
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Talleyrand")
    attempt_submit(attempt=attempt)
    answer = attempt.answers.get(question_id=attempt.question_ids[0])

    answer_override_mark(answer=answer, mark=0.5, by=teacher)

    attempt.refresh_from_db()
    assert attempt.score == 0.5
    answer.refresh_from_db()
    assert answer.final_mark == 0.5
    assert answer.override_by == teacher


def test_clearing_an_override_restores_the_automatic_mark(attempt, teacher):
    attempt_submit(attempt=attempt)
    answer = attempt.answers.first()
    answer_override_mark(answer=answer, mark=1.0, by=teacher)

    answer_override_mark(answer=answer, mark=None, by=teacher)

    attempt.refresh_from_db()
    assert attempt.score == 0.0


def test_override_refuses_a_mark_above_one(attempt, teacher):
    attempt_submit(attempt=attempt)

    with pytest.raises(ValidationError):
        answer_override_mark(answer=attempt.answers.first(), mark=2, by=teacher)


def test_rescore_follows_a_corrected_answer_key(attempt):
    question_id = attempt.question_ids[0]
    attempt_save_answer(attempt=attempt, question_id=question_id, given="Talleyrand")
    attempt_submit(attempt=attempt)
    question = attempt.answers.get(question_id=question_id).question
    question.answer = "Talleyrand"
    question.save()

    rescored = attempt_rescore(attempt=attempt)

    assert rescored.score == 1.0


def test_every_kind_is_graded_right_when_answered_with_its_key(db):
    assignment = assigned_quiz(factories=EVERY_KIND)
    student = enrol(assignment)
    attempt = attempt_start(assignment=assignment, student=student)
    for answer_key in assignment.quiz.questions.all():
        given = answer_key.answer
        if answer_key.kind == "matching":
            given = dict(given)
        attempt_save_answer(attempt=attempt, question_id=answer_key.pk, given=given)

    graded = attempt_submit(attempt=attempt)

    assert graded.score == len(EVERY_KIND)


def test_start_refuses_a_quiz_without_questions(db):
    assignment = assigned_quiz(question_count=0)

    with pytest.raises(ValidationError, match="no questions yet"):
        attempt_start(assignment=assignment, student=enrol(assignment))

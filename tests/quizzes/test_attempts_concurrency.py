"""Races a classroom produces: everyone submitting when the bell rings, double clicks, two
tabs, an autosave arriving as the attempt is handed in, a teacher's gradebook handing in an
attempt whose time ran out while its student comes back. Real threads on PostgreSQL (SQLite
serialises writers, so these races cannot happen there)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Answer, Attempt
from quizzes.services.attempts import (
    AttemptClosed,
    attempt_save_answer,
    attempt_start,
    attempt_submit,
)
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.threads import run_together

pytestmark = [
    # Each test opens 40-80 connections at once: two such tests on two workers ran
    # PostgreSQL out of client slots ('sorry, too many clients already').
    pytest.mark.xdist_group("many-connections"),
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_forty_students_submitting_at_once_get_forty_graded_attempts():
    assignment = assigned_quiz(question_count=4)
    attempts = []
    for _ in range(40):
        attempt = attempt_start(assignment=assignment, student=enrol(assignment))
        for question_id in attempt.question_ids[:3]:
            attempt_save_answer(attempt=attempt, question_id=question_id, given="Metternich")
        attempts.append(attempt)

    results = run_together([lambda a=a: attempt_submit(attempt=a) for a in attempts])

    assert not [r for r in results if isinstance(r, Exception)]
    assert Attempt.objects.submitted().count() == 40
    assert set(Attempt.objects.values_list("score", flat=True)) == {3.0}
    assert Answer.objects.filter(given="Metternich").count() == 120


def test_the_same_attempt_submitted_twice_at_once_is_graded_once():
    assignment = assigned_quiz(question_count=2)
    attempt = attempt_start(assignment=assignment, student=enrol(assignment))
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Metternich")

    results = run_together([lambda: attempt_submit(attempt=attempt)] * 2)

    assert not [r for r in results if isinstance(r, Exception)]
    assert {r.submitted_at for r in results} == {results[0].submitted_at}
    assert Answer.objects.filter(attempt=attempt).count() == 2
    attempt.refresh_from_db()
    assert attempt.score == 1.0


def test_start_pressed_in_two_tabs_at_once_opens_one_attempt():
    assignment = assigned_quiz(question_count=2)
    student = enrol(assignment)

    results = run_together([lambda: attempt_start(assignment=assignment, student=student)] * 4)

    assert not [r for r in results if isinstance(r, Exception)]
    assert len({r.pk for r in results}) == 1
    assert Attempt.objects.count() == 1


@pytest.mark.parametrize("round_number", range(5))
def test_autosave_racing_submit_is_graded_or_refused_never_lost(round_number):
    assignment = assigned_quiz(question_count=2)
    attempt = attempt_start(assignment=assignment, student=enrol(assignment))
    question_id = attempt.question_ids[round_number % 2]

    saved, submitted = run_together(
        [
            lambda: attempt_save_answer(
                attempt=attempt, question_id=question_id, given="Metternich"
            ),
            lambda: attempt_submit(attempt=attempt),
        ]
    )

    assert isinstance(submitted, Attempt)
    answer = Answer.objects.get(attempt=attempt, question_id=question_id)
    if isinstance(saved, AttemptClosed):
        assert answer.given is None and answer.mark == 0.0
    else:
        assert not isinstance(saved, Exception), saved
        assert answer.given == "Metternich" and answer.mark == 1.0
        attempt.refresh_from_db()
        assert attempt.score == 1.0


def _expired_attempt_with_one_saved_answer() -> Attempt:
    """An attempt whose time ran out a minute ago, one answer saved while there was time."""
    assignment = assigned_quiz(question_count=3, time_limit_minutes=10)
    attempt = attempt_start(assignment=assignment, student=enrol(assignment))
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Metternich")
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=1))
    attempt.refresh_from_db()
    return attempt


def test_teacher_and_returning_student_at_once_grade_an_expired_attempt_once():
    attempt = _expired_attempt_with_one_saved_answer()
    teacher, student = Client(), Client()
    teacher.force_login(attempt.assignment.classroom.teacher)
    student.force_login(attempt.student)
    gradebook = reverse("quizzes:gradebook", args=[attempt.assignment.classroom_id])
    take = reverse("quizzes:attempt_take", args=[attempt.pk])

    pages = run_together([lambda: teacher.get(gradebook), lambda: student.get(take)] * 2)

    assert [page.status_code for page in pages] == [200, 302] * 2
    attempt.refresh_from_db()
    assert attempt.score == 1.0
    assert attempt.submitted_at == attempt.deadline_at
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_an_answer_saved_after_the_deadline_is_refused_while_the_gradebook_grades():
    attempt = _expired_attempt_with_one_saved_answer()
    teacher = Client()
    teacher.force_login(attempt.assignment.classroom.teacher)
    gradebook = reverse("quizzes:gradebook", args=[attempt.assignment.classroom_id])

    saved, page = run_together(
        [
            lambda: attempt_save_answer(
                attempt=attempt, question_id=attempt.question_ids[1], given="Metternich"
            ),
            lambda: teacher.get(gradebook),
        ]
    )

    assert isinstance(saved, AttemptClosed)
    assert page.status_code == 200
    attempt.refresh_from_db()
    assert attempt.score == 1.0
    assert Answer.objects.get(attempt=attempt, question_id=attempt.question_ids[1]).given is None

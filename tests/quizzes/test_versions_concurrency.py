"""Races between a teacher changing a bank and students using it, on PostgreSQL with real
threads: editing a question's key while students submit it, and editing (so regenerating) a
lesson while a class sits a random draw from it. Each test prints its figures."""

import time

import pytest
from django.conf import settings
from django.db import connection

from lessons.parsing import parse_lesson
from lessons.services import lesson_import_file
from lessons.uploads import lesson_document_text, lesson_update_uploaded
from quizzes.models import Answer, Attempt, Question, SelectionMode
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from quizzes.services.bank import bank_generate
from quizzes.services.quizzes import quiz_create
from quizzes.services.versions import question_revise
from tests.accounts.factories import TeacherFactory
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import AssignmentFactory, ClassroomFactory, ShortAnswerQuestionFactory
from tests.threads import run_together

pytestmark = [
    # Each test opens 40-80 connections at once: two such tests on two workers ran
    # PostgreSQL out of client slots ('sorry, too many clients already').
    pytest.mark.xdist_group("many-connections"),
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

STUDENTS = 30


def test_editing_a_questions_key_while_students_submit_marks_each_with_the_version_seen():
    assignment = assigned_quiz(factories=[ShortAnswerQuestionFactory, ShortAnswerQuestionFactory])
    first = assignment.quiz.quiz_questions.order_by("position").first().question
    attempts = []
    for _ in range(STUDENTS):
        attempt = attempt_start(assignment=assignment, student=enrol(assignment))
        for question_id in attempt.question_ids:
            attempt_save_answer(attempt=attempt, question_id=question_id, given="Talleyrand")
        attempts.append(attempt)
    teacher = assignment.classroom.teacher
    late_students = [enrol(assignment) for _ in range(10)]

    started = time.perf_counter()
    results = run_together(
        [lambda a=a: attempt_submit(attempt=a) for a in attempts]
        + [lambda s=s: attempt_start(assignment=assignment, student=s) for s in late_students]
        + [
            lambda: question_revise(
                question=first, by=teacher, answer="Prince Talleyrand", accepted=[]
            )
        ]
    )
    seconds = time.perf_counter() - started

    errors = [r for r in results if isinstance(r, Exception)]
    new = results[-1]
    scores = sorted(
        Attempt.objects.filter(pk__in=[a.pk for a in attempts]).values_list("score", flat=True)
    )
    late = list(results[STUDENTS:-1])
    late_versions = sorted(
        {qid for attempt in late for qid in attempt.question_ids} & {first.pk, new.pk}
    )
    print(
        f"\n{STUDENTS} submits and 10 starts racing one key edit: {seconds:.2f} s, "
        f"{len(errors)} errors; scores {scores[0]:g}..{scores[-1]:g} of 2; "
        f"answers on version 1: {Answer.objects.filter(question=first).count()}; "
        f"versions now: {Question.objects.of_families([first]).count()}; "
        f"late starts asked version(s) {[1 if q == first.pk else 2 for q in late_versions]}"
    )
    assert not errors
    assert scores == [2.0] * STUDENTS
    assert Answer.objects.filter(question=first).count() == STUDENTS
    assert (new.version, Question.objects.of_families([first]).count()) == (2, 2)
    assert all(len(attempt.question_ids) == 2 for attempt in late)
    assert assignment.quiz.quiz_questions.filter(question=new).exists()


def _rewritten(lesson) -> str:
    text = lesson_document_text(lesson)
    head, _, rest = text.partition("## What Happened?")
    _, _, tail = rest.partition("## Why Does it Matter?")
    replacement = (
        "## What Happened?\n\nIn August 1936 sixteen defendants stood trial in the October Hall "
        "of the House of the Unions. Andrey Vyshinsky led the prosecution.\n\n"
    )
    return f"{head}{replacement}## Why Does it Matter?{tail}"


def test_editing_a_lesson_while_a_class_sits_a_random_draw_keeps_every_attempt_whole():
    lesson = lesson_import_file(
        path=settings.LESSON_FIXTURES_DIR / "moscow-trials-great-purge.txt"
    ).lesson
    owner = TeacherFactory()
    lesson.owner = owner
    lesson.save(update_fields=["owner"])
    quiz = quiz_create(
        owner=owner,
        lessons=[lesson],
        title="Purge check",
        selection_mode=SelectionMode.RANDOM,
        random_count=10,
    )
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=owner), quiz=quiz)
    attempts = []
    for _ in range(STUDENTS):
        attempt = attempt_start(assignment=assignment, student=enrol(assignment))
        for question_id in attempt.question_ids[:5]:
            attempt_save_answer(attempt=attempt, question_id=question_id, given="Stalin")
        attempts.append(attempt)
    drawn = {pk for attempt in attempts for pk in attempt.question_ids}
    parsed = parse_lesson(_rewritten(lesson))

    def edit_and_regenerate():
        # What the edit page's worker does (lessons/jobs.py): save the edited document,
        # then generate the bank again.
        edited = lesson_update_uploaded(lesson=lesson, parsed=parsed)
        return bank_generate(lesson=edited)

    def save_then_submit(attempt):
        for question_id in attempt.question_ids[5:]:
            attempt_save_answer(attempt=attempt, question_id=question_id, given="Stalin")
        return attempt_submit(attempt=attempt)

    started = time.perf_counter()
    results = run_together(
        [edit_and_regenerate] + [lambda a=a: save_then_submit(a) for a in attempts]
    )
    seconds = time.perf_counter() - started

    errors = [r for r in results if isinstance(r, Exception)]
    kept = Question.objects.filter(pk__in=drawn)
    retired = kept.filter(retired_at__isnull=False).count()
    submitted = Attempt.objects.filter(pk__in=[a.pk for a in attempts]).submitted()
    max_scores = set(submitted.values_list("max_score", flat=True))
    answers = Answer.objects.filter(attempt__in=submitted, given="Stalin").count()
    print(
        f"\nlesson edit + regeneration racing {STUDENTS} students (5 saves and a submit each): "
        f"{seconds:.2f} s, {len(errors)} errors; {len(drawn)} drawn questions all kept "
        f"({kept.count()}), {retired} of them retired from the bank; "
        f"{submitted.count()} attempts graded out of {max_scores}; {answers} answers kept"
    )
    assert not errors
    assert kept.count() == len(drawn)
    assert retired > 0
    assert submitted.count() == STUDENTS and max_scores == {10.0}
    assert answers == STUDENTS * 10

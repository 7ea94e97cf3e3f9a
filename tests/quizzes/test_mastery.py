"""Mastery of a lesson: one computation behind "My progress" and the lesson page."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from quizzes.models import CardPhase
from quizzes.selectors.mastery import lesson_mastery, student_mastery
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import CardStateFactory, FlashcardFactory


def perfect_quiz_and_a_card_forgotten(student):
    """A quiz on the lesson answered all right, and a card of its first key point studied
    once, a long time ago, and rated Again."""
    assignment = assigned_quiz(question_count=2)
    enrol(assignment, student)
    attempt = attempt_start(assignment=assignment, student=student)
    for question_id in attempt.question_ids:
        attempt_save_answer(attempt=attempt, question_id=question_id, given="Metternich")
    attempt_submit(attempt=attempt)
    lesson = assignment.quiz.lessons.get()
    CardStateFactory(
        student=student,
        flashcard=FlashcardFactory(lesson=lesson, key_point=lesson.key_points.first()),
        phase=CardPhase.RELEARNING,
        stability=0.5,
        last_review=timezone.now() - timedelta(days=60),
    )
    return lesson


def test_my_progress_and_the_lesson_page_give_the_same_mastery(client, student):
    lesson = perfect_quiz_and_a_card_forgotten(student)
    client.force_login(student)

    progress = client.get(reverse("quizzes:progress")).content.decode()
    lesson_page = client.get(lesson.get_absolute_url()).content.decode()

    on_progress = re.search(r'data-lesson-mastery="(\d+)"', progress)
    on_lesson = re.search(r'data-lesson-mastery="(\d+)"', lesson_page)
    assert on_progress and on_lesson, "both pages should show the lesson's mastery"
    assert on_progress.group(1) == on_lesson.group(1)
    assert 0 < int(on_progress.group(1)) < 100


def test_a_key_points_mastery_counts_the_cards_studied_and_shows_the_rest_as_coverage(student):
    from tests.lessons.factories import LessonFactory

    lesson = LessonFactory()
    first, second = lesson.key_points.order_by("position")
    known = FlashcardFactory(lesson=lesson, key_point=first)
    FlashcardFactory(lesson=lesson, key_point=first)
    now = timezone.now()
    CardStateFactory(student=student, flashcard=known, last_review=now, due=now + timedelta(days=4))

    mastery = lesson_mastery(student=student, lesson=lesson, now=now)

    studied, untouched = mastery.key_points
    assert (studied.key_point, studied.percent, studied.studied, studied.cards) == (
        first,
        100,
        1,
        2,
    )
    assert (untouched.key_point, untouched.label) == (second, "Not started")


def test_a_question_right_on_the_second_try_counts_as_known(student):
    assignment = assigned_quiz(question_count=1, attempts_allowed=0)
    enrol(assignment, student)
    for given in ("Talleyrand", "Metternich"):
        attempt = attempt_start(assignment=assignment, student=student)
        attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given=given)
        attempt_submit(attempt=attempt)

    mastery = lesson_mastery(
        student=student, lesson=assignment.quiz.lessons.get(), now=timezone.now()
    )

    assert (mastery.percent, mastery.answered) == (100, 1)


def test_mastery_queries_do_not_grow_with_lessons(student, django_assert_max_num_queries):
    for _ in range(4):
        perfect_quiz_and_a_card_forgotten(student)

    with django_assert_max_num_queries(5):
        rows = student_mastery(student=student, now=timezone.now())

    assert len(rows) == 4

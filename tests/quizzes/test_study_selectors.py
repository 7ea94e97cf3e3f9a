from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from quizzes.models import CardState, Flashcard, QuestionStatus, StudyRating
from quizzes.selectors.study import (
    study_counts,
    study_due_cards,
    study_lessons,
    study_new_cards,
    study_next_card,
)
from quizzes.selectors.study_progress import (
    classroom_study_progress,
    study_activity,
)
from quizzes.services.study import study_rate_card
from tests.accounts.factories import StudentFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    CardStateFactory,
    ClassroomFactory,
    EnrolmentFactory,
    FlashcardFactory,
    StudyReviewFactory,
)

NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def lesson(db):
    return LessonFactory()


@pytest.fixture
def enrolment(student):
    return EnrolmentFactory(student=student)


def test_lessons_assigned_to_the_students_class_are_studied(student, enrolment, lesson):
    AssignmentFactory(classroom=enrolment.classroom, lesson=lesson, quiz=None)

    assert list(study_lessons(student=student)) == [lesson]


def test_lessons_quizzed_in_the_students_class_are_studied(student, enrolment, lesson):
    assignment = AssignmentFactory(classroom=enrolment.classroom)
    assignment.quiz.lessons.add(lesson)

    assert list(study_lessons(student=student)) == [lesson]


def test_other_classes_lessons_are_not_studied(student, enrolment, lesson):
    AssignmentFactory(classroom=ClassroomFactory(), lesson=lesson, quiz=None)

    assert list(study_lessons(student=student)) == []


def test_a_lesson_the_student_started_alone_joins_their_cards(student, lesson):
    CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))

    assert list(study_lessons(student=student)) == [lesson]


def test_new_cards_skip_rejected_and_already_started_cards(student, enrolment, lesson):
    AssignmentFactory(classroom=enrolment.classroom, lesson=lesson, quiz=None)
    fresh = FlashcardFactory(lesson=lesson)
    FlashcardFactory(lesson=lesson, status=QuestionStatus.REJECTED)
    CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))

    assert list(study_new_cards(student=student)) == [fresh]


def test_rejected_cards_are_never_due(student, lesson):
    card = FlashcardFactory(lesson=lesson, status=QuestionStatus.REJECTED)
    CardStateFactory(student=student, flashcard=card)

    assert not study_due_cards(student=student, moment=timezone.now()).exists()


def test_due_cards_are_only_the_students_own(student, lesson):
    card = FlashcardFactory(lesson=lesson)
    CardStateFactory(student=StudentFactory(), flashcard=card)

    assert not study_due_cards(student=student, moment=timezone.now()).exists()


def test_the_next_card_is_the_most_overdue_before_any_new_one(student, lesson):
    FlashcardFactory(lesson=lesson)
    older = CardStateFactory(
        student=student, flashcard=FlashcardFactory(lesson=lesson), due=NOON - timedelta(days=3)
    )
    CardStateFactory(
        student=student, flashcard=FlashcardFactory(lesson=lesson), due=NOON - timedelta(days=1)
    )

    item = study_next_card(student=student, now=NOON, lesson=lesson)

    assert item.state == older


def test_new_cards_come_when_nothing_is_due(student, lesson):
    card = FlashcardFactory(lesson=lesson)

    item = study_next_card(student=student, now=NOON, lesson=lesson)

    assert (item.flashcard, item.is_new) == (card, True)


def test_no_new_card_is_offered_past_the_daily_limit(student, lesson, settings):
    settings.STUDY_NEW_CARDS_PER_DAY = 1
    first, _second = FlashcardFactory.create_batch(2, lesson=lesson)
    with time_machine.travel(NOON, tick=False):
        study_rate_card(student=student, flashcard=first, rating=StudyRating.EASY)

    counts = study_counts(student=student, now=NOON, lesson=lesson)
    assert counts.new_available == 0
    assert study_next_card(student=student, now=NOON, lesson=lesson) is None


def test_counts_split_due_now_from_later_today(student, lesson):
    CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson), due=NOON)
    CardStateFactory(
        student=student, flashcard=FlashcardFactory(lesson=lesson), due=NOON + timedelta(hours=5)
    )
    CardStateFactory(
        student=student, flashcard=FlashcardFactory(lesson=lesson), due=NOON + timedelta(days=2)
    )

    counts = study_counts(student=student, now=NOON)

    assert (counts.due_now, counts.due_today) == (1, 2)


def make_due_cards(student, lesson, count: int) -> None:
    cards = Flashcard.objects.bulk_create(
        Flashcard(lesson=lesson, front=f"Front {n}", back="Back", rule="test") for n in range(count)
    )
    now = timezone.now()
    CardState.objects.bulk_create(
        CardState(
            student=student,
            flashcard=card,
            phase=2,
            stability=3.0,
            difficulty=5.0,
            last_review=now - timedelta(days=4),
            due=now - timedelta(hours=n % 48 + 1),
            introduced_at=now - timedelta(days=9),
        )
        for n, card in enumerate(cards)
    )


@pytest.mark.parametrize("cards", [10, 2000])
def test_the_due_cards_query_is_one_query_whatever_the_number(
    student, lesson, cards, django_assert_num_queries
):
    make_due_cards(student, lesson, cards)

    with django_assert_num_queries(1):
        page = list(study_due_cards(student=student, moment=timezone.now())[:50])
        fronts = [state.flashcard.front for state in page]
        lessons = {state.flashcard.lesson.title for state in page}

    assert len(fronts) == min(cards, 50)
    assert lessons == {lesson.title}


def test_the_streak_counts_days_in_a_row_up_to_today(student, lesson):
    state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    for days_ago in (0, 1, 2, 4):
        StudyReviewFactory(card_state=state, reviewed_at=NOON - timedelta(days=days_ago))

    activity = study_activity(student=student, now=NOON)

    assert activity.streak == 3
    assert activity.reviewed_today == 1


def test_the_streak_survives_until_the_day_ends(student, lesson):
    state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    for days_ago in (1, 2):
        StudyReviewFactory(card_state=state, reviewed_at=NOON - timedelta(days=days_ago))

    assert study_activity(student=student, now=NOON).streak == 2


def test_the_chart_counts_reviews_per_day_for_thirty_days(student, lesson):
    state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    StudyReviewFactory.create_batch(3, card_state=state, reviewed_at=NOON - timedelta(hours=1))
    StudyReviewFactory(card_state=state, reviewed_at=NOON - timedelta(days=40))

    chart = study_activity(student=student, now=NOON).chart

    assert len(chart["counts"]) == 30
    assert chart["counts"][-1] == 3
    assert sum(chart["counts"]) == 3


def test_class_progress_counts_reviews_over_7_and_30_days_and_retention(lesson):
    enrolment = EnrolmentFactory()
    state = CardStateFactory(student=enrolment.student, flashcard=FlashcardFactory(lesson=lesson))
    StudyReviewFactory(card_state=state, reviewed_at=NOON - timedelta(days=1))
    StudyReviewFactory(
        card_state=state, reviewed_at=NOON - timedelta(days=2), rating=StudyRating.AGAIN
    )
    StudyReviewFactory(card_state=state, reviewed_at=NOON - timedelta(days=20))
    StudyReviewFactory(card_state=state, reviewed_at=NOON - timedelta(days=60))

    [row] = classroom_study_progress(classroom=enrolment.classroom, now=NOON)

    assert (row.reviews_week, row.reviews_month, row.retention_percent) == (2, 3, 67)


def test_class_progress_leaves_out_removed_students(lesson):
    enrolment = EnrolmentFactory(removed_at=timezone.now())

    assert classroom_study_progress(classroom=enrolment.classroom, now=NOON) == []

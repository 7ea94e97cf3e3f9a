from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from fsrs import Card, Rating, Scheduler

from quizzes.models import CardOrigin, CardState, QuestionStatus, StudyRating, StudyReview
from quizzes.services.study import study_queue_mistakes, study_rate_card
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import CardStateFactory, FlashcardFactory, QuestionFactory

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def lesson(db):
    return LessonFactory()


@pytest.fixture(autouse=True)
def no_fuzz(settings):
    # fsrs spreads long intervals at random; without it the dates can be compared exactly.
    settings.STUDY_FSRS_FUZZING = False


def fsrs_says(ratings_at: list[tuple[Rating, datetime]]) -> Card:
    """What fsrs's own Scheduler makes of a new card rated these ways at these times."""
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card(card_id=1, due=ratings_at[0][1])
    for rating, moment in ratings_at:
        card, _log = scheduler.review_card(card, rating, review_datetime=moment)
    return card


@pytest.mark.parametrize("rating", list(StudyRating))
def test_first_rating_schedules_the_card_as_fsrs_does(student, lesson, rating):
    card = FlashcardFactory(lesson=lesson)

    with time_machine.travel(MONDAY, tick=False):
        state = study_rate_card(student=student, flashcard=card, rating=rating)

    state.refresh_from_db()
    expected = fsrs_says([(Rating(rating), MONDAY)])
    assert state.due == expected.due
    assert state.phase == expected.state
    assert state.stability == pytest.approx(expected.stability)


def test_a_series_of_ratings_follows_fsrs_through_the_stored_state(student, lesson):
    card = FlashcardFactory(lesson=lesson)
    history = [
        (Rating.Good, MONDAY),
        (Rating.Good, MONDAY + timedelta(minutes=12)),
        (Rating.Again, MONDAY + timedelta(days=4)),
        (Rating.Good, MONDAY + timedelta(days=4, minutes=15)),
        (Rating.Easy, MONDAY + timedelta(days=11)),
    ]

    for rating, moment in history:
        with time_machine.travel(moment, tick=False):
            study_rate_card(student=student, flashcard=card, rating=rating)

    state = CardState.objects.get(student=student, flashcard=card)
    expected = fsrs_says(history)
    assert state.due == expected.due
    assert state.difficulty == pytest.approx(expected.difficulty)
    assert state.last_review == history[-1][1]


def test_easy_pushes_a_card_further_than_good_and_good_further_than_hard(student, lesson):
    dues = {}
    for rating in (StudyRating.HARD, StudyRating.GOOD, StudyRating.EASY):
        state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
        dues[rating] = study_rate_card(
            student=student, flashcard=state.flashcard, rating=rating
        ).due

    assert dues[StudyRating.HARD] < dues[StudyRating.GOOD] < dues[StudyRating.EASY]


def test_each_rating_is_logged_with_its_time_and_duration(student, lesson):
    card = FlashcardFactory(lesson=lesson)

    with time_machine.travel(MONDAY, tick=False):
        state = study_rate_card(
            student=student, flashcard=card, rating=StudyRating.HARD, duration_ms=4200
        )

    review = StudyReview.objects.get()
    assert review.card_state == state
    assert (review.rating, review.reviewed_at, review.duration_ms) == (2, MONDAY, 4200)
    assert review.due_after == state.due


def test_new_cards_stop_at_the_daily_limit(student, lesson, settings):
    settings.STUDY_NEW_CARDS_PER_DAY = 2
    first, second, third = FlashcardFactory.create_batch(3, lesson=lesson)

    with time_machine.travel(MONDAY, tick=False):
        study_rate_card(student=student, flashcard=first, rating=StudyRating.GOOD)
        study_rate_card(student=student, flashcard=second, rating=StudyRating.GOOD)
        with pytest.raises(ValidationError):
            study_rate_card(student=student, flashcard=third, rating=StudyRating.GOOD)

    assert not CardState.objects.filter(flashcard=third).exists()


def test_the_new_card_limit_starts_again_the_next_day(student, lesson, settings):
    settings.STUDY_NEW_CARDS_PER_DAY = 1
    first, second = FlashcardFactory.create_batch(2, lesson=lesson)
    with time_machine.travel(MONDAY, tick=False):
        study_rate_card(student=student, flashcard=first, rating=StudyRating.GOOD)

    with time_machine.travel(MONDAY + timedelta(days=1), tick=False):
        study_rate_card(student=student, flashcard=second, rating=StudyRating.GOOD)

    assert CardState.objects.filter(student=student).count() == 2


def test_reviewing_known_cards_ignores_the_new_card_limit(student, lesson, settings):
    settings.STUDY_NEW_CARDS_PER_DAY = 0
    state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))

    study_rate_card(student=student, flashcard=state.flashcard, rating=StudyRating.GOOD)

    assert state.reviews.count() == 1


def test_a_rejected_card_cannot_be_rated(student, lesson):
    card = FlashcardFactory(lesson=lesson, status=QuestionStatus.REJECTED)

    with pytest.raises(ValidationError):
        study_rate_card(student=student, flashcard=card, rating=StudyRating.GOOD)


def test_a_wrong_answer_makes_cards_from_the_same_sentence_due_now(student, lesson):
    question = QuestionFactory(lesson=lesson)
    card = FlashcardFactory(lesson=lesson)
    state = CardStateFactory(
        student=student, flashcard=card, due=MONDAY + timedelta(days=20), last_review=MONDAY
    )

    with time_machine.travel(MONDAY + timedelta(days=1), tick=False):
        queued = study_queue_mistakes(student=student, questions=[question])

    state.refresh_from_db()
    assert queued == 1
    assert state.due == MONDAY + timedelta(days=1)


def test_a_wrong_answer_makes_cards_on_the_same_key_point_due(student, lesson):
    point = lesson.key_points.get(position=2)
    last = lesson.sentences.order_by("position").last()
    question = QuestionFactory(lesson=lesson, key_point=point)
    card = FlashcardFactory(lesson=lesson, key_point=point, source_sentence=last)

    study_queue_mistakes(student=student, questions=[question], now=MONDAY)

    state = CardState.objects.get(student=student, flashcard=card)
    assert state.due == MONDAY


def test_a_wrong_answer_starts_unseen_related_cards_outside_the_new_card_limit(
    student, lesson, settings
):
    settings.STUDY_NEW_CARDS_PER_DAY = 0
    question = QuestionFactory(lesson=lesson)
    card = FlashcardFactory(lesson=lesson)

    study_queue_mistakes(student=student, questions=[question], now=MONDAY)

    state = CardState.objects.get(student=student, flashcard=card)
    assert (state.due, state.origin, state.last_review) == (MONDAY, CardOrigin.MISTAKE, None)


def test_a_wrong_answer_leaves_unrelated_and_rejected_cards_alone(student, lesson):
    question = QuestionFactory(lesson=lesson)
    last = lesson.sentences.order_by("position").last()
    FlashcardFactory(lesson=lesson, source_sentence=last)
    FlashcardFactory(lesson=lesson, status=QuestionStatus.REJECTED)

    queued = study_queue_mistakes(student=student, questions=[question], now=MONDAY)

    assert queued == 0
    assert not CardState.objects.exists()


def test_a_queued_mistake_card_can_then_be_rated(student, lesson):
    question = QuestionFactory(lesson=lesson)
    card = FlashcardFactory(lesson=lesson)
    study_queue_mistakes(student=student, questions=[question], now=MONDAY)

    with time_machine.travel(MONDAY + timedelta(minutes=5), tick=False):
        state = study_rate_card(student=student, flashcard=card, rating=StudyRating.GOOD)

    assert state.due == fsrs_says([(Rating.Good, MONDAY + timedelta(minutes=5))]).due

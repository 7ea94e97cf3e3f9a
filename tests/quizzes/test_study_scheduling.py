from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Card, Rating, Scheduler, State

from quizzes.study_scheduling import (
    card_recall,
    copy_fsrs_card_to_state,
    describe_interval,
    fsrs_card_from_state,
    new_fsrs_card,
    rating_previews,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Row:
    flashcard_id: int = 7
    phase: int = 1
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime = NOW
    last_review: datetime | None = None


def test_a_card_survives_the_trip_to_a_row_and_back():
    card, _log = Scheduler(enable_fuzzing=False).review_card(
        Card(card_id=7, due=NOW), Rating.Easy, review_datetime=NOW
    )
    row = Row()

    copy_fsrs_card_to_state(card, row)

    assert fsrs_card_from_state(row).to_dict() == card.to_dict()


def test_times_in_another_zone_are_handed_to_fsrs_in_utc():
    paris = timezone(timedelta(hours=1))
    row = Row(due=NOW.astimezone(paris), last_review=NOW.astimezone(paris), phase=2, step=None)

    card = fsrs_card_from_state(row)

    assert card.due.tzinfo == UTC and card.due == NOW


def test_previews_match_what_fsrs_would_schedule_for_each_rating():
    previews = rating_previews(new_fsrs_card(card_id=1, now=NOW), now=NOW)

    scheduler = Scheduler(enable_fuzzing=False)
    for rating in Rating:
        card, _log = scheduler.review_card(Card(card_id=1, due=NOW), rating, review_datetime=NOW)
        assert previews[int(rating)] == card.due - NOW


def test_a_card_still_being_learnt_counts_as_not_yet_recalled():
    learning = Card(card_id=1, state=State.Learning, stability=3.0, difficulty=5.0, last_review=NOW)

    assert card_recall(learning, now=NOW) == 0.0
    assert card_recall(None, now=NOW) == 0.0


def test_recall_of_a_learnt_card_fades_with_time():
    card = Card(
        card_id=1, state=State.Review, step=None, stability=5.0, difficulty=5.0, last_review=NOW
    )

    fresh = card_recall(card, now=NOW)
    later = card_recall(card, now=NOW + timedelta(days=10))

    assert fresh == pytest.approx(1.0)
    assert 0 < later < fresh


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (timedelta(seconds=20), "<1 min"),
        (timedelta(minutes=10), "10 min"),
        (timedelta(hours=5), "5 h"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=12), "12 days"),
        (timedelta(days=95), "3 mo"),
        (timedelta(days=550), "1.5 yr"),
    ],
)
def test_intervals_read_as_short_phrases(interval, text):
    assert describe_interval(interval) == text

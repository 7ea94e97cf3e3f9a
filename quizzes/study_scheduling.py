"""FSRS scheduling for flashcards: the `fsrs` package's Scheduler, and card states turned
into `fsrs.Card` objects and back. Pure functions: no queries, no request.

Every interval comes from `fsrs`; nothing here computes one by hand.
"""

from datetime import UTC, datetime, timedelta
from typing import Protocol

from django.conf import settings
from fsrs import Card, Rating, Scheduler, State


class CardFields(Protocol):
    flashcard_id: int
    phase: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


def as_utc(moment: datetime) -> datetime:
    """fsrs insists on datetimes in UTC; Django may hand us another zone."""
    return moment.astimezone(UTC)


def study_scheduler(*, fuzzing: bool | None = None) -> Scheduler:
    """The scheduler every rating goes through (fsrs defaults: 90% desired retention).

    Fuzzing spreads cards learnt together over nearby days; settings.STUDY_FSRS_FUZZING
    turns it off (tests compare dates with fsrs's own result for the same inputs)."""
    if fuzzing is None:
        fuzzing = getattr(settings, "STUDY_FSRS_FUZZING", True)
    return Scheduler(enable_fuzzing=fuzzing)


def new_fsrs_card(*, card_id: int, now: datetime) -> Card:
    """A card the student has never rated."""
    return Card(card_id=card_id, due=as_utc(now))


def fsrs_card_from_state(state: CardFields) -> Card:
    """The fsrs.Card a stored card state describes."""
    return Card(
        card_id=state.flashcard_id,
        state=State(state.phase),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=as_utc(state.due),
        last_review=as_utc(state.last_review) if state.last_review else None,
    )


def copy_fsrs_card_to_state(card: Card, state) -> None:
    """Write an fsrs.Card's fields onto a card state (not saved)."""
    state.phase = int(card.state)
    state.step = card.step
    state.stability = card.stability
    state.difficulty = card.difficulty
    state.due = card.due
    state.last_review = card.last_review


def rating_previews(card: Card, *, now: datetime) -> dict[int, timedelta]:
    """How far each rating would push the card, as fsrs computes it (without fuzz)."""
    scheduler = study_scheduler(fuzzing=False)
    moment = as_utc(now)
    return {
        int(rating): scheduler.review_card(card, rating, review_datetime=moment)[0].due - moment
        for rating in Rating
    }


def card_recall(card: Card | None, *, now: datetime) -> float:
    """How likely the student recalls the card now, 0 to 1: fsrs's retrievability for a
    card that has graduated to review; 0 for a card still being learnt or never seen."""
    if card is None or card.state != State.Review:
        return 0.0
    return float(study_scheduler(fuzzing=False).get_card_retrievability(card, as_utc(now)))


def card_retrievability(card: Card, *, now: datetime) -> float:
    """fsrs's estimate, 0 to 1, that a card studied at least once is recalled now, in
    whatever phase it is (learning, review or relearning); 0 for a card never reviewed."""
    if card.last_review is None:
        return 0.0
    return float(study_scheduler(fuzzing=False).get_card_retrievability(card, as_utc(now)))


def describe_interval(interval: timedelta) -> str:
    """A short human interval: "<1 min", "10 min", "5 h", "3 days", "2 mo", "1.5 yr"."""
    minutes = interval.total_seconds() / 60
    if minutes < 1:
        return "<1 min"
    if minutes < 60:
        return f"{round(minutes)} min"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)} h"
    days = hours / 24
    if days < 31:
        whole = round(days)
        return f"{whole} day" if whole == 1 else f"{whole} days"
    if days < 365:
        return f"{round(days / 30.4)} mo"
    return f"{days / 365:.1f} yr"

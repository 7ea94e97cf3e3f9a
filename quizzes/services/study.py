"""Writes for studying: rating a card (through fsrs) and queueing cards after mistakes."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from fsrs import Rating

from quizzes.models import (
    CardOrigin,
    CardState,
    Flashcard,
    Question,
    QuestionStatus,
    StudyRating,
    StudyReview,
)
from quizzes.selectors.study import study_new_cards_left_today
from quizzes.study_scheduling import (
    as_utc,
    copy_fsrs_card_to_state,
    fsrs_card_from_state,
    new_fsrs_card,
    study_scheduler,
)

# A longer look is a student who left the tab open, not a measure of effort.
LONGEST_REVIEW_MS = 10 * 60 * 1000


@transaction.atomic
def study_rate_card(
    *,
    student,
    flashcard: Flashcard,
    rating: int,
    now: datetime | None = None,
    duration_ms: int | None = None,
) -> CardState:
    """Record the student's rating of a card and let fsrs schedule its next review.

    A card the student has never rated counts against the daily new-card limit."""
    if rating not in StudyRating.values:
        raise ValidationError("Unknown rating.")
    if flashcard.status == QuestionStatus.REJECTED or flashcard.retired_at is not None:
        raise ValidationError("This card was withdrawn from the lesson.")
    now = as_utc(now or timezone.now())
    # Lock the row: two quick ratings from two tabs must go through fsrs one after the other.
    state = CardState.objects.select_for_update().filter(student=student, flashcard=flashcard)
    state = state.first()
    if state is None:
        if study_new_cards_left_today(student=student, now=now) <= 0:
            raise ValidationError("You have met all your new cards for today.")
        state = CardState(student=student, flashcard=flashcard, introduced_at=now)
        card = new_fsrs_card(card_id=flashcard.pk, now=now)
    else:
        card = fsrs_card_from_state(state)
    if duration_ms is not None:
        duration_ms = max(0, min(int(duration_ms), LONGEST_REVIEW_MS))
    card, _log = study_scheduler().review_card(
        card, Rating(rating), review_datetime=now, review_duration=duration_ms
    )
    copy_fsrs_card_to_state(card, state)
    try:
        with transaction.atomic():
            state.save()
    except IntegrityError as clash:
        # Another tab rated this new card a moment ago; let the student reload.
        raise ValidationError("This card was just rated elsewhere.") from clash
    StudyReview.objects.create(
        card_state=state,
        rating=rating,
        reviewed_at=now,
        duration_ms=duration_ms,
        due_after=state.due,
    )
    return state


def related_flashcards(questions: Iterable[Question]) -> "Iterable[Flashcard]":
    """Usable flashcards from the same source sentence (or its kept text) or key point as
    any of the questions."""
    questions = list(questions)
    sentence_ids = {q.source_sentence_id for q in questions if q.source_sentence_id}
    key_point_ids = {q.key_point_id for q in questions if q.key_point_id}
    same_text = Q()
    for question in questions:
        # The sentence link is lost when a lesson is re-imported; its text is kept.
        if question.source_text:
            same_text |= Q(lesson_id=question.lesson_id, source_text=question.source_text)
    match = Q(source_sentence_id__in=sentence_ids) | Q(key_point_id__in=key_point_ids) | same_text
    if not sentence_ids and not key_point_ids and same_text == Q():
        return Flashcard.objects.none()
    return Flashcard.objects.usable().filter(match)


@transaction.atomic
def study_queue_mistakes(*, student, questions, now: datetime | None = None) -> int:
    """Make due now the flashcards that share a source sentence or key point with these
    wrongly answered questions; return how many cards are now due.

    Cards the student has never studied get a state due now; they skip the new-card limit,
    since a wrong answer shows the student needs them."""
    now = as_utc(now or timezone.now())
    card_ids = set(related_flashcards(questions).values_list("pk", flat=True))
    if not card_ids:
        return 0
    existing = CardState.objects.filter(student=student, flashcard_id__in=card_ids)
    existing.filter(due__gt=now).update(due=now)
    missing = card_ids - set(existing.values_list("flashcard_id", flat=True))
    CardState.objects.bulk_create(
        [
            CardState(
                student=student,
                flashcard_id=card_id,
                step=0,
                due=now,
                introduced_at=now,
                origin=CardOrigin.MISTAKE,
            )
            for card_id in sorted(missing)
        ],
        ignore_conflicts=True,
    )
    return len(card_ids)

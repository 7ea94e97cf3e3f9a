"""Reads for studying: which cards a student may study, what is due, what comes next.

Each function runs a fixed number of queries whatever the number of cards. A card whose
back would give away the answers of one of the student's quizzes before its answers are
released (quizzes.selectors.release) is kept back, mistake cards included, until then.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lessons.models import Lesson
from quizzes.models import Assignment, CardOrigin, CardState, Flashcard, Quiz
from quizzes.selectors.release import withheld_flashcards

# A card still being learnt may come back this early when nothing else is left (as Anki).
LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True)
class StudyItem:
    """The card to show next: a flashcard and the student's state for it (None if new)."""

    flashcard: Flashcard
    state: CardState | None

    @property
    def is_new(self) -> bool:
        return self.state is None or self.state.is_new


@dataclass(frozen=True)
class StudyCounts:
    due_now: int
    due_today: int
    new_available: int

    @property
    def to_study_today(self) -> int:
        return self.due_today + self.new_available


def new_cards_per_day() -> int:
    """The daily new-card limit (settings.STUDY_NEW_CARDS_PER_DAY, 20 by default)."""
    return int(getattr(settings, "STUDY_NEW_CARDS_PER_DAY", 20))


def end_of_day(moment: datetime) -> datetime:
    """The last instant of the moment's day in the site's time zone."""
    day = timezone.localdate(moment)
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min)) - timedelta(
        microseconds=1
    )


def start_of_day(moment: datetime) -> datetime:
    """The first instant of the moment's day in the site's time zone."""
    return timezone.make_aware(datetime.combine(timezone.localdate(moment), time.min))


def study_lessons(*, student) -> QuerySet[Lesson]:
    """Lessons whose cards the student studies: those assigned to (or quizzed in) their
    classes, and any lesson they have started studying on their own."""
    assignments = Assignment.objects.for_student(student)
    quiz_lessons = Quiz.lessons.through.objects.filter(quiz__assignments__in=assignments)
    studied = CardState.objects.filter(student=student)
    return Lesson.objects.filter(
        Q(pk__in=assignments.values("lesson"))
        | Q(pk__in=quiz_lessons.values("lesson"))
        | Q(pk__in=studied.values("flashcard__lesson"))
    )


def studied_states(*, student) -> QuerySet[CardState]:
    """The student's card states that study may show: none of a retired or withheld card."""
    return (
        CardState.objects.for_student(student)
        .exclude(flashcard__retired_at__isnull=False)
        .exclude(flashcard__in=withheld_flashcards(student=student))
    )


def study_due_cards(
    *, student, moment: datetime, lesson: Lesson | None = None
) -> QuerySet[CardState]:
    """The student's card states due by the moment, most overdue first, cards included."""
    states = (
        studied_states(student=student)
        .due_by(moment)
        .select_related("flashcard__lesson", "flashcard__source_sentence")
        .order_by("due", "pk")
    )
    return states.filter(flashcard__lesson=lesson) if lesson is not None else states


def study_new_cards(*, student, lesson: Lesson | None = None) -> QuerySet[Flashcard]:
    """Usable flashcards the student has never met, lesson by lesson in lesson order."""
    lessons = [lesson.pk] if lesson is not None else study_lessons(student=student)
    return (
        Flashcard.objects.usable()
        .filter(lesson__in=lessons)
        .exclude(card_states__student=student)
        .exclude(pk__in=withheld_flashcards(student=student))
        .select_related("lesson", "source_sentence")
        .order_by("lesson_id", "pk")
    )


def study_new_cards_left_today(*, student, now: datetime) -> int:
    """How many more new cards the daily limit lets the student start today."""
    started = CardState.objects.filter(
        student=student, origin=CardOrigin.STUDY, introduced_at__gte=start_of_day(now)
    ).count()
    return max(0, new_cards_per_day() - started)


def study_next_card(*, student, now: datetime, lesson: Lesson | None = None) -> StudyItem | None:
    """What to show next: a due card, else a new card (within the daily limit), else a card
    still being learnt that comes due in the next few minutes; None when all is done."""
    due = study_due_cards(student=student, moment=now, lesson=lesson).first()
    if due is not None:
        return StudyItem(flashcard=due.flashcard, state=due)
    if study_new_cards_left_today(student=student, now=now) > 0:
        new = study_new_cards(student=student, lesson=lesson).first()
        if new is not None:
            return StudyItem(flashcard=new, state=None)
    soon = study_due_cards(student=student, moment=now + LEARN_AHEAD, lesson=lesson).first()
    if soon is not None:
        return StudyItem(flashcard=soon.flashcard, state=soon)
    return None


def study_counts(*, student, now: datetime, lesson: Lesson | None = None) -> StudyCounts:
    """Cards due now, due by the end of today, and new cards the student may start today."""
    states = studied_states(student=student).exclude(flashcard__status="rejected")
    if lesson is not None:
        states = states.filter(flashcard__lesson=lesson)
    totals = states.aggregate(
        due_now=Count("pk", filter=Q(due__lte=now)),
        due_today=Count("pk", filter=Q(due__lte=end_of_day(now))),
    )
    allowance = study_new_cards_left_today(student=student, now=now)
    new = 0
    if allowance:
        new = min(allowance, study_new_cards(student=student, lesson=lesson)[:allowance].count())
    return StudyCounts(due_now=totals["due_now"], due_today=totals["due_today"], new_available=new)


def study_next_due_at(*, student, lesson: Lesson | None = None) -> datetime | None:
    """When the student's next card comes due (for the "all done" message)."""
    states = studied_states(student=student).exclude(flashcard__status="rejected")
    if lesson is not None:
        states = states.filter(flashcard__lesson=lesson)
    return states.order_by("due").values_list("due", flat=True).first()

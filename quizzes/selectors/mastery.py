"""A student's mastery of lessons and their key points: one computation, used by "My
progress" and by the lesson page alike, so the two always agree.

Mastery is the mean of the evidence the student has given, each item from 0 to 1:
- every question they answered in a handed-in quiz, by its latest mark (a teacher's own
  mark first), so a question got right on a second try counts as known;
- every flashcard they have studied, by fsrs's estimate that they recall it now.
Cards never studied and questions never met are not evidence either way: they show as
coverage ("3 of 5 cards studied"), not as zeros. A key point's mastery uses the items tied
to it; the lesson's uses all of its items. Three queries for any number of lessons.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F

from lessons.models import KeyPoint, Lesson
from quizzes.models import Answer, CardState, Flashcard
from quizzes.study_scheduling import card_retrievability, fsrs_card_from_state

STRONG, GETTING_THERE = 0.8, 0.4


def mastery_label(score: float | None) -> str:
    if score is None:
        return "Not started"
    if score >= STRONG:
        return "Strong"
    if score >= GETTING_THERE:
        return "Getting there"
    return "Learning"


@dataclass
class Evidence:
    """What one student showed on a lesson or a key point."""

    marks: list[float] = field(default_factory=list)  # latest mark per question answered
    recalls: list[float] = field(default_factory=list)  # recall now per card studied

    @property
    def score(self) -> float | None:
        items = self.marks + self.recalls
        return sum(items) / len(items) if items else None

    @property
    def percent(self) -> int:
        return round(100 * (self.score or 0.0))

    @property
    def label(self) -> str:
        return mastery_label(self.score)

    @property
    def answered(self) -> int:
        return len(self.marks)

    @property
    def studied(self) -> int:
        return len(self.recalls)


@dataclass
class KeyPointMastery(Evidence):
    key_point: KeyPoint | None = None
    cards: int = 0  # the key point's usable flashcards, studied or not


@dataclass
class LessonMastery(Evidence):
    lesson: Lesson | None = None
    key_points: list[KeyPointMastery] = field(default_factory=list)
    cards: int = 0

    @property
    def key_points_started(self) -> int:
        return sum(1 for row in self.key_points if row.score is not None)


def _latest_marks(student, lesson_ids: list[int] | None) -> list[dict]:
    """Each question's answer from the student's latest handed-in attempt containing it."""
    answers = Answer.objects.filter(attempt__student=student, attempt__submitted_at__isnull=False)
    if lesson_ids is not None:
        answers = answers.filter(question__lesson_id__in=lesson_ids)
    rows = answers.order_by("question_id", F("attempt__submitted_at").desc(), "-pk").values(
        "question_id", "question__lesson_id", "question__key_point_id", "mark", "override_mark"
    )
    latest: dict[int, dict] = {}
    for row in rows:
        latest.setdefault(row["question_id"], row)
    return list(latest.values())


def student_mastery(
    *, student, now: datetime, lessons: list[Lesson] | None = None
) -> list[LessonMastery]:
    """Mastery of the given lessons (all with any evidence, when None), by title."""
    lesson_ids = [lesson.pk for lesson in lessons] if lessons is not None else None
    marks = _latest_marks(student, lesson_ids)
    states = (
        CardState.objects.for_student(student)
        .filter(last_review__isnull=False)
        .exclude(flashcard__status="rejected")
    )
    if lesson_ids is not None:
        states = states.filter(flashcard__lesson_id__in=lesson_ids)
    states = list(states.select_related("flashcard"))
    if lessons is None:
        wanted = {row["question__lesson_id"] for row in marks}
        wanted |= {state.flashcard.lesson_id for state in states}
        lessons = list(Lesson.objects.filter(pk__in=wanted).order_by("title"))
        lesson_ids = [lesson.pk for lesson in lessons]
    key_points = defaultdict(list)
    for point in KeyPoint.objects.filter(lesson_id__in=lesson_ids).order_by("position"):
        key_points[point.lesson_id].append(point)
    card_counts = defaultdict(int)
    for lesson_id, point_id in (
        Flashcard.objects.usable()
        .filter(lesson_id__in=lesson_ids)
        .values_list("lesson_id", "key_point_id")
    ):
        card_counts[(lesson_id, point_id)] += 1
        card_counts[("lesson", lesson_id)] += 1

    result = {
        lesson.pk: LessonMastery(lesson=lesson, cards=card_counts[("lesson", lesson.pk)])
        for lesson in lessons
    }
    points = {
        point.pk: KeyPointMastery(key_point=point, cards=card_counts[(lesson_id, point.pk)])
        for lesson_id, lesson_points in key_points.items()
        for point in lesson_points
    }
    for row in marks:
        mark = row["override_mark"] if row["override_mark"] is not None else row["mark"]
        value = float(mark or 0.0)
        result[row["question__lesson_id"]].marks.append(value)
        if row["question__key_point_id"] in points:
            points[row["question__key_point_id"]].marks.append(value)
    for state in states:
        recall = card_retrievability(fsrs_card_from_state(state), now=now)
        result[state.flashcard.lesson_id].recalls.append(recall)
        if state.flashcard.key_point_id in points:
            points[state.flashcard.key_point_id].recalls.append(recall)
    for lesson_id, mastery in result.items():
        mastery.key_points = [points[point.pk] for point in key_points[lesson_id]]
    return [result[lesson.pk] for lesson in lessons]


def lesson_mastery(*, student, lesson: Lesson, now: datetime) -> LessonMastery:
    """The student's mastery of one lesson, with a row per key point."""
    return student_mastery(student=student, now=now, lessons=[lesson])[0]

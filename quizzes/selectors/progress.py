"""A student's progress: scores over time and mastery per lesson, two queries."""

from dataclasses import dataclass

from django.db.models import Avg, Count, F, FloatField
from django.db.models.functions import Coalesce

from quizzes.models import Answer, Attempt


@dataclass(frozen=True)
class LessonMastery:
    lesson_title: str
    lesson_url_slug: str
    mastery: float  # share of marks earned on that lesson's questions, 0 to 1
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.mastery)


def student_submitted_attempts(*, student) -> list[Attempt]:
    """The student's graded attempts, oldest first, with their quiz titles."""
    return list(
        Attempt.objects.for_student(student)
        .submitted()
        .select_related("assignment__quiz", "assignment__classroom")
        .order_by("submitted_at", "pk")
    )


def score_chart_data(attempts: list[Attempt]) -> dict:
    """Chart.js-ready points: one per graded attempt, percent scored."""
    return {
        "labels": [
            f"{attempt.submitted_at:%d %b} · {attempt.assignment.quiz.title}"[:60]
            for attempt in attempts
        ],
        "scores": [round(attempt.percent or 0, 1) for attempt in attempts],
    }


def student_lesson_mastery(*, student) -> list[LessonMastery]:
    """For each lesson the student was tested on, the share of marks earned."""
    rows = (
        Answer.objects.filter(attempt__student=student, attempt__submitted_at__isnull=False)
        .values("question__lesson__title", "question__lesson__slug")
        .annotate(
            mastery=Avg(Coalesce(F("override_mark"), F("mark"), 0.0, output_field=FloatField())),
            answered=Count("pk"),
        )
        .order_by("question__lesson__title")
    )
    return [
        LessonMastery(
            row["question__lesson__title"],
            row["question__lesson__slug"],
            row["mastery"] or 0.0,
            row["answered"],
        )
        for row in rows
    ]

"""A student's progress: scores over time (mastery per lesson is in selectors/mastery.py)."""

from quizzes.models import Attempt


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

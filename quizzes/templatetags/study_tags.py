"""Template tags that let any page show study figures without its view's help."""

from django import template
from django.urls import reverse
from django.utils import timezone

from lessons.models import Lesson
from quizzes.selectors.mastery import LessonMastery
from quizzes.selectors.mastery import lesson_mastery as lesson_mastery_of
from quizzes.selectors.study import StudyCounts, study_counts

register = template.Library()

EXPORT_FORMATS = {"apkg", "quizlet"}


@register.simple_tag
def study_summary(user) -> StudyCounts | None:
    """The user's cards due today and new cards available (None for visitors)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return study_counts(student=user, now=timezone.now())


@register.simple_tag
def study_due_count(user) -> int:
    """How many of the user's cards come due by the end of today."""
    summary = study_summary(user)
    return summary.due_today if summary else 0


@register.simple_tag
def lesson_mastery(lesson: Lesson, user) -> LessonMastery | None:
    """The student's mastery of the lesson and each key point (None for non-students)."""
    if not getattr(user, "is_student", False):
        return None
    return lesson_mastery_of(student=user, lesson=lesson, now=timezone.now())


@register.simple_tag
def lesson_export_path(lesson: Lesson, fmt: str) -> str:
    """Where the bank's exporter serves the lesson's deck ("apkg" or "quizlet")."""
    if fmt not in EXPORT_FORMATS:
        raise template.TemplateSyntaxError(f"unknown export format {fmt!r}")
    return reverse("quizzes:bank_download", kwargs={"slug": lesson.slug, "format_name": fmt})

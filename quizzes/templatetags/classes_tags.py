"""Template tags of the classes feature used on other apps' pages."""

from django import template

from quizzes.models import Assignment

register = template.Library()


@register.inclusion_tag("quizzes/includes/lesson_reading_actions.html", takes_context=True)
def lesson_reading_actions(context: template.Context, lesson) -> dict:
    """ "Mark as read" buttons for the student's unread assignments of this lesson."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_student", False):
        return {"assignments": []}
    assignments = (
        Assignment.objects.for_student(user)
        .filter(lesson=lesson)
        .exclude(readings__student=user)
        .select_related("classroom")
    )
    return {"assignments": list(assignments), "request": request}

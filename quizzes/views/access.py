"""Who may open the classes pages: the checks every classes view shares."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from quizzes.models import Assignment, Classroom


def teacher_required(view: Callable) -> Callable:
    """Log in first; students get a 403 (teachers and admins pass)."""

    @login_required
    @wraps(view)
    def check(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.can_edit_content:
            raise PermissionDenied("Only teachers manage classes.")
        return view(request, *args, **kwargs)

    return check


def taught_classroom(request: HttpRequest, pk: int) -> Classroom:
    """The class with this id if the user teaches it (any class, for an admin); else 404."""
    return get_object_or_404(
        Classroom.objects.for_teacher(request.user).select_related("teacher"), pk=pk
    )


def taught_assignment(request: HttpRequest, pk: int, assignment_id: int) -> Assignment:
    """An assignment (current or removed) of a class the user teaches; else 404."""
    classroom = taught_classroom(request, pk)
    return get_object_or_404(
        classroom.assignments.select_related("quiz", "lesson", "classroom__teacher"),
        pk=assignment_id,
    )

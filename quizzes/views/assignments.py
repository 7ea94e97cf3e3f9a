"""Teachers' assignment pages: assign a quiz and/or a lesson, change the due date, extend
it for one student, remove (after a confirmation) and restore."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from quizzes.forms.classes import AssignmentDueForm, AssignmentExtensionForm, AssignmentForm
from quizzes.models import Assignment
from quizzes.selectors.classes import assignment_extensions, assignment_history
from quizzes.services import assignments as services
from quizzes.views.access import taught_assignment, taught_classroom, teacher_required


@teacher_required
@require_http_methods(["GET", "POST"])
def assignment_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign one of the teacher's quizzes, a lesson to read, or both, to the class."""
    classroom = taught_classroom(request, pk)
    form = AssignmentForm(request.POST or None, teacher=request.user)
    if request.method == "POST":
        if not form.is_valid():
            context = {"classroom": classroom, "form": form}
            return render(request, "quizzes/classroom_assign.html", context, status=400)
        made = services.assignments_create(
            classroom=classroom,
            assigned_by=request.user,
            due_at=form.cleaned_data["due_at"],
            lesson=form.cleaned_data["lesson"],
            quiz=form.cleaned_data["quiz"],
        )
        titles = " and ".join(f"“{assignment.title}”" for assignment in made)
        both = " (both)" if len(made) > 1 else ""
        messages.success(request, f"{titles} assigned to {classroom}{both}.")
        return redirect("quizzes:classroom_detail", pk=classroom.pk)
    return render(request, "quizzes/classroom_assign.html", {"classroom": classroom, "form": form})


def _edit_page(
    request: HttpRequest,
    assignment: Assignment,
    *,
    due_form: AssignmentDueForm | None = None,
    extension_form: AssignmentExtensionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "classroom": assignment.classroom,
        "assignment": assignment,
        "due_form": due_form or AssignmentDueForm(assignment=assignment),
        "extension_form": extension_form or AssignmentExtensionForm(assignment=assignment),
        "history": assignment_history(assignment=assignment),
        "extensions": assignment_extensions(assignment=assignment),
    }
    return render(request, "quizzes/assignment_edit.html", context, status=status)


@teacher_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, pk: int, assignment_id: int) -> HttpResponse:
    """The assignment's page: its due date for the class, extensions and its record."""
    assignment = taught_assignment(request, pk, assignment_id)
    if request.method == "GET":
        return _edit_page(request, assignment)
    form = AssignmentDueForm(request.POST, assignment=assignment)
    if not form.is_valid():
        return _edit_page(request, assignment, due_form=form, status=400)
    try:
        services.assignment_set_due(
            assignment=assignment, due_at=form.cleaned_data["due_at"], changed_by=request.user
        )
    except ValidationError as error:
        form.add_error("due_at", error.messages[0])
        return _edit_page(request, assignment, due_form=form, status=400)
    messages.success(request, f"Due date of “{assignment.title}” saved for the class.")
    return redirect("quizzes:assignment_edit", pk=pk, assignment_id=assignment.pk)


@teacher_required
@require_POST
def assignment_extend(request: HttpRequest, pk: int, assignment_id: int) -> HttpResponse:
    """A later due date for one student."""
    assignment = taught_assignment(request, pk, assignment_id)
    form = AssignmentExtensionForm(request.POST, assignment=assignment)
    if not form.is_valid():
        return _edit_page(request, assignment, extension_form=form, status=400)
    student = form.cleaned_data["student"]
    try:
        services.assignment_extend_for_student(
            assignment=assignment,
            student=student,
            due_at=form.cleaned_data["due_at"],
            granted_by=request.user,
        )
    except ValidationError as error:
        form.add_error(None, error.messages[0])
        return _edit_page(request, assignment, extension_form=form, status=400)
    messages.success(request, f"{student} has more time for “{assignment.title}”.")
    return redirect("quizzes:assignment_edit", pk=pk, assignment_id=assignment.pk)


@teacher_required
@require_http_methods(["GET", "POST"])
def assignment_remove(request: HttpRequest, pk: int, assignment_id: int) -> HttpResponse:
    """Ask first (GET), then remove (POST): students no longer see it; records stay."""
    assignment = taught_assignment(request, pk, assignment_id)
    if request.method == "GET":
        context = {
            "classroom": assignment.classroom,
            "assignment": assignment,
            "attempt_count": assignment.attempts.count(),
            "reading_count": assignment.readings.count(),
        }
        return render(request, "quizzes/assignment_remove.html", context)
    services.assignment_remove(assignment=assignment, removed_by=request.user)
    messages.success(
        request,
        f"“{assignment.title}” removed. Students no longer see it; its record and any "
        "work handed in are kept under “Removed assignments”, where you can restore it.",
    )
    return redirect("quizzes:classroom_detail", pk=pk)


@teacher_required
@require_POST
def assignment_restore(request: HttpRequest, pk: int, assignment_id: int) -> HttpResponse:
    """Give a removed assignment back to the class."""
    assignment = taught_assignment(request, pk, assignment_id)
    services.assignment_restore(assignment=assignment, restored_by=request.user)
    messages.success(request, f"“{assignment.title}” is assigned again.")
    return redirect("quizzes:classroom_detail", pk=pk)

"""Teachers' class pages (classes, join code, roster, assignments) and students' joining,
dashboard and lesson reading."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from history_quiz.accounts.throttle import client_address
from quizzes.forms.classes import (
    ClassroomForm,
    InviteStudentsForm,
    JoinCodeForm,
    JoinForm,
    RosterImportForm,
)
from quizzes.jobs import roster_job_start
from quizzes.join_links import join_link_path, join_qr_data_uri
from quizzes.models import Assignment, Enrolment
from quizzes.selectors.classes import (
    classroom_assignments,
    classroom_list,
    classroom_removed_assignments,
    classroom_roster,
    student_dashboard,
)
from quizzes.selectors.invitations import classroom_pending_invitations, student_invitations
from quizzes.services import classes as services
from quizzes.services import enrolments
from quizzes.services.roster import roster_parse
from quizzes.views.access import taught_classroom, teacher_required


@teacher_required
@require_http_methods(["GET", "POST"])
def classroom_index(request: HttpRequest) -> HttpResponse:
    """The teacher's classes, with a form to make a new one."""
    form = ClassroomForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            context = {"classrooms": classroom_list(user=request.user), "form": form}
            return render(request, "quizzes/classroom_list.html", context, status=400)
        classroom = services.classroom_create(teacher=request.user, name=form.cleaned_data["name"])
        messages.success(
            request, f"Class “{classroom}” created. Share its code to let students join."
        )
        return redirect("quizzes:classroom_detail", pk=classroom.pk)
    show_archived = request.GET.get("archived") == "1"
    context = {
        "classrooms": classroom_list(user=request.user, archived=show_archived),
        "show_archived": show_archived,
        "form": form,
    }
    return render(request, "quizzes/classroom_list.html", context)


def _detail_context(request: HttpRequest, classroom, **extra) -> dict:
    join_url = request.build_absolute_uri(join_link_path(classroom))
    return {
        "classroom": classroom,
        "join_url": join_url,
        "join_qr": join_qr_data_uri(join_url),
        "invite_form": InviteStudentsForm(),
        "pending_invitations": list(classroom_pending_invitations(classroom=classroom)),
        "undo_enrolment": _undo_enrolment(request, classroom),
        "roster": classroom_roster(classroom=classroom),
        "assignments": classroom_assignments(classroom=classroom),
        "removed_assignments": classroom_removed_assignments(classroom=classroom),
        "rename_form": ClassroomForm(instance=classroom),
        **extra,
    }


@teacher_required
def classroom_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One class: its join code, roster and assignments."""
    classroom = taught_classroom(request, pk)
    return render(request, "quizzes/classroom_detail.html", _detail_context(request, classroom))


@teacher_required
@require_POST
def classroom_rename(request: HttpRequest, pk: int) -> HttpResponse:
    classroom = taught_classroom(request, pk)
    form = ClassroomForm(request.POST, instance=classroom)
    if not form.is_valid():
        classroom.refresh_from_db()
        context = _detail_context(request, classroom, rename_form=form)
        return render(request, "quizzes/classroom_detail.html", context, status=400)
    services.classroom_rename(classroom=classroom, name=form.cleaned_data["name"])
    messages.success(request, "Class renamed.")
    return redirect("quizzes:classroom_detail", pk=classroom.pk)


@teacher_required
@require_POST
def classroom_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Archive the class, or bring it back with `restore=1`."""
    classroom = taught_classroom(request, pk)
    if request.POST.get("restore") == "1":
        services.classroom_unarchive(classroom=classroom)
        messages.success(request, f"“{classroom}” is back among your classes.")
    else:
        services.classroom_archive(classroom=classroom)
        messages.success(request, f"“{classroom}” archived. Its records are kept.")
    return redirect("quizzes:classroom_detail", pk=classroom.pk)


@teacher_required
@require_POST
def classroom_join_code(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a new join code, or switch joining off or on."""
    classroom = taught_classroom(request, pk)
    form = JoinCodeForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Unknown action.", status=400)
    action = form.cleaned_data["action"]
    if action == "regenerate":
        services.classroom_join_code_regenerate(classroom=classroom)
        messages.success(
            request, f"New join code: {classroom.join_code}. The old one no longer works."
        )
    else:
        enabled = action == "enable"
        services.classroom_join_code_set_enabled(classroom=classroom, enabled=enabled)
        messages.success(request, "Joining switched on." if enabled else "Joining switched off.")
    return redirect("quizzes:classroom_detail", pk=classroom.pk)


def _undo_enrolment(request: HttpRequest, classroom) -> Enrolment | None:
    """The enrolment just removed, when the page was reached from "Remove" (for Undo)."""
    student_id = request.GET.get("removed", "")
    if not student_id.isdecimal():
        return None
    return (
        classroom.enrolments.exclude(removed_at=None)
        .select_related("student")
        .filter(student_id=int(student_id))
        .first()
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def enrolment_remove(request: HttpRequest, pk: int, student_id: int) -> HttpResponse:
    """Ask first (GET), then take the student off the roster (POST); their work stays in
    the records and the class page offers Undo."""
    classroom = taught_classroom(request, pk)
    enrolment = get_object_or_404(
        Enrolment.objects.current().select_related("student"),
        classroom=classroom,
        student_id=student_id,
    )
    if request.method == "GET":
        context = {"classroom": classroom, "enrolment": enrolment}
        return render(request, "quizzes/enrolment_remove.html", context)
    services.enrolment_remove(enrolment=enrolment)
    url = reverse("quizzes:classroom_detail", args=[classroom.pk])
    return redirect(f"{url}?removed={enrolment.student_id}#roster-heading")


@teacher_required
@require_POST
def enrolment_restore(request: HttpRequest, pk: int, student_id: int) -> HttpResponse:
    """Undo a removal just made: the student is back in the class with their work."""
    classroom = taught_classroom(request, pk)
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("student"), classroom=classroom, student_id=student_id
    )
    try:
        enrolments.enrolment_restore(enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"{enrolment.student} is back in the class.")
    return redirect("quizzes:classroom_detail", pk=classroom.pk)


INVITED = "Invitations sent; students with an account will see them on their dashboard."


@teacher_required
@require_POST
def classroom_invite_students(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite students who already have an account, by username or e-mail address. The
    answer is the same whatever the lines name."""
    classroom = taught_classroom(request, pk)
    form = InviteStudentsForm(request.POST)
    if form.is_valid():
        try:
            enrolments.classroom_invite_students(
                classroom=classroom, text=form.cleaned_data["text"], by=request.user
            )
        except enrolments.InvitationRefused as refused:
            form.add_error("text", str(refused))
        else:
            messages.success(request, INVITED)
            url = reverse("quizzes:classroom_detail", args=[classroom.pk])
            return redirect(f"{url}#invitations-heading")
    context = _detail_context(request, classroom, invite_form=form)
    return render(request, "quizzes/classroom_detail.html", context, status=400)


@teacher_required
@require_POST
def class_invitation_withdraw(request: HttpRequest, pk: int, invitation_id: int) -> HttpResponse:
    """Take back a pending invitation; its students no longer see it."""
    classroom = taught_classroom(request, pk)
    invitation = get_object_or_404(
        classroom_pending_invitations(classroom=classroom), pk=invitation_id
    )
    enrolments.invitation_withdraw(invitation=invitation)
    messages.success(request, f"Invitation for {invitation.typed} withdrawn.")
    url = reverse("quizzes:classroom_detail", args=[classroom.pk])
    return redirect(f"{url}#invitations-heading")


@login_required
@require_POST
def class_invitation_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """The student accepts an invitation and joins the class."""
    recipient = get_object_or_404(student_invitations(student=request.user), invitation_id=pk)
    enrolment = enrolments.invitation_accept(recipient=recipient)
    messages.success(request, f"You joined {enrolment.classroom}.")
    return redirect("quizzes:dashboard")


@login_required
@require_POST
def class_invitation_decline(request: HttpRequest, pk: int) -> HttpResponse:
    """The student declines an invitation; they stay out of the class."""
    recipient = get_object_or_404(student_invitations(student=request.user), invitation_id=pk)
    enrolments.invitation_decline(recipient=recipient)
    messages.success(request, f"Invitation to {recipient.invitation.classroom} declined.")
    return redirect("quizzes:dashboard")


@teacher_required
@never_cache
@require_http_methods(["GET", "POST"])
def classroom_roster_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Paste or upload a CSV roster; its rows are checked here and a worker makes the
    accounts, whose one-time passwords the job's page then shows once."""
    classroom = taught_classroom(request, pk)
    form = RosterImportForm(request.POST or None, request.FILES or None)
    context = {"classroom": classroom, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "quizzes/roster_import.html", context, status=400)
        _, errors = roster_parse(form.cleaned_data["text"])
        if errors:
            context["errors"] = errors
            return render(request, "quizzes/roster_import.html", context, status=400)
        job = roster_job_start(
            classroom=classroom, teacher=request.user, text=form.cleaned_data["text"]
        )
        return redirect("jobs:job_detail", pk=job.pk)
    return render(request, "quizzes/roster_import.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def classroom_join(request: HttpRequest) -> HttpResponse:
    """A student joins a class with the code their teacher gave them (the join link and
    its QR code carry it in `?code=`, filled in for them to confirm)."""
    if not request.user.is_student:
        raise PermissionDenied("Only student accounts join classes.")
    initial = {"code": request.GET.get("code", "")[:20]}
    form = JoinForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "quizzes/classroom_join.html", {"form": form}, status=400)
        try:
            enrolment = services.classroom_enrol_student(
                student=request.user,
                code=form.cleaned_data["code"],
                address=client_address(request) or "unknown",
            )
        except services.JoinThrottled as throttled:
            form.add_error(None, str(throttled))
            return render(request, "quizzes/classroom_join.html", {"form": form}, status=429)
        except ValidationError as error:
            form.add_error("code", error.messages[0])
            return render(request, "quizzes/classroom_join.html", {"form": form}, status=400)
        messages.success(request, f"You joined {enrolment.classroom}.")
        return redirect("quizzes:dashboard")
    return render(request, "quizzes/classroom_join.html", {"form": form})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """A student's assignments due, overdue and done; teachers go to their classes."""
    if not request.user.is_student:
        return redirect("quizzes:classroom_index")
    context = {
        "dashboard": student_dashboard(student=request.user),
        "invitations": list(student_invitations(student=request.user)),
    }
    return render(request, "quizzes/dashboard.html", context)


@login_required
@require_POST
def lesson_reading_mark(request: HttpRequest, pk: int) -> HttpResponse:
    """The student marks an assigned lesson as read."""
    assignment = get_object_or_404(
        Assignment.objects.for_student(request.user).filter(lesson__isnull=False), pk=pk
    )
    services.lesson_reading_mark(assignment=assignment, student=request.user)
    messages.success(request, f"“{assignment.title}” marked as read.")
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("quizzes:dashboard")

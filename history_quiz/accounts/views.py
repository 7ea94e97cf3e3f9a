from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from history_quiz.accounts.forms import (
    OwnPasswordChangeForm,
    SignupForm,
    TeacherDecisionForm,
    TeacherInvitationForm,
    TeacherRequestForm,
)
from history_quiz.accounts.models import TeacherInvitation, TeacherRequest
from history_quiz.accounts.services import (
    account_password_chosen,
    password_reset_throttle,
    teacher_invitation_accept,
    teacher_invitation_create,
    teacher_invitation_revoke,
    teacher_request_decide,
    teacher_request_submit,
)
from history_quiz.accounts.throttle import client_address

LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"
DECIDED_SHOWN = 20


def admin_required(view):
    """Admins only: anonymous visitors log in, everyone else gets a 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied("Only admins grant teacher access.")
        return view(request, *args, **kwargs)

    return wrapped


def signup(request: HttpRequest) -> HttpResponse:
    """Create a student account and sign the person in."""
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend=LOGIN_BACKEND)
        messages.success(
            request,
            f"Welcome, {user}! Your student account is ready. Teachers: ask for teacher "
            "access from your account menu.",
        )
        return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


class OwnPasswordChangeView(auth_views.PasswordChangeView):
    """Change a password; for a roster account, replace the one-time password."""

    form_class = OwnPasswordChangeForm

    def form_valid(self, form):
        response = super().form_valid(form)
        account_password_chosen(user=form.user)
        return response


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Send a reset link, at most a few an hour per address and per client."""

    def form_valid(self, form):
        problem = password_reset_throttle(
            email=form.cleaned_data["email"], address=client_address(self.request) or "unknown"
        )
        if problem:
            form.add_error(None, problem)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class OwnPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password from a reset link is the person's own."""

    def form_valid(self, form):
        response = super().form_valid(form)
        account_password_chosen(user=form.user)
        return response


@login_required
@require_http_methods(["GET", "POST"])
def teacher_request(request: HttpRequest) -> HttpResponse:
    """A student asks for teacher access, and sees where their request stands."""
    form = TeacherRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            teacher_request_submit(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your request was sent. An admin will decide on it.")
        return redirect("teacher_request")
    context = {
        "form": form,
        "requests": TeacherRequest.objects.filter(user=request.user)[:5],
    }
    return render(
        request, "accounts/teacher_request.html", context, status=400 if form.errors else 200
    )


@admin_required
def teacher_request_list(request: HttpRequest) -> HttpResponse:
    """Waiting requests for teacher access, and the latest decisions."""
    requests = TeacherRequest.objects.select_related("user", "decided_by")
    context = {
        "pending": list(requests.pending().order_by("created_at")),
        "decided": list(requests.exclude(status="pending")[:DECIDED_SHOWN]),
    }
    return render(request, "accounts/teacher_request_list.html", context)


@require_POST
@admin_required
def teacher_request_decision(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve or decline one request."""
    found = get_object_or_404(TeacherRequest, pk=pk)
    form = TeacherDecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Unknown decision.", status=400, content_type="text/plain")
    approve = form.cleaned_data["decision"] == "approve"
    try:
        decided = teacher_request_decide(request=found, approve=approve, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{decided.user}: {decided.get_status_display().lower()}.")
    return redirect("teacher_request_list")


@admin_required
@require_http_methods(["GET", "POST"])
def teacher_invitation_list(request: HttpRequest) -> HttpResponse:
    """Invitation links: make one, see how each has been used, withdraw one."""
    form = TeacherInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = teacher_invitation_create(by=request.user, **form.cleaned_data)
        messages.success(request, "Invitation made: copy its link below.")
        return redirect(f"{request.path}#invitation-{invitation.pk}")
    invitations = TeacherInvitation.objects.select_related("created_by").prefetch_related(
        "accepted_by"
    )
    context = {"form": form, "invitations": invitations[:50]}
    return render(
        request,
        "accounts/teacher_invitation_list.html",
        context,
        status=400 if form.errors else 200,
    )


@require_POST
@admin_required
def teacher_invitation_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw an invitation link."""
    teacher_invitation_revoke(invitation=get_object_or_404(TeacherInvitation, pk=pk))
    messages.success(request, "The invitation link no longer works.")
    return redirect("teacher_invitation_list")


@require_http_methods(["GET", "POST"])
def teacher_invitation_follow(request: HttpRequest, token: str) -> HttpResponse:
    """An invitation link: a new visitor makes a teacher account, a signed-in student
    becomes a teacher."""
    invitation = TeacherInvitation.objects.filter(token=token).first()
    problem = invitation.problem() if invitation else "This invitation link is not valid."
    form = None
    if not request.user.is_authenticated:
        form = SignupForm(request.POST or None)
    if request.method == "POST" and not problem and (form is None or form.is_valid()):
        new_user = form.save(commit=False) if form is not None else request.user
        try:
            user = teacher_invitation_accept(token=token, user=new_user)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            if form is not None:
                login(request, user, backend=LOGIN_BACKEND)
            messages.success(request, "You now have teacher access.")
            return redirect("home")
    context = {"form": form, "problem": problem}
    status = 400 if (form is not None and form.errors) or (problem and invitation is None) else 200
    return render(request, "accounts/teacher_invitation_follow.html", context, status=status)

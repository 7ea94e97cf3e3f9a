from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from history_quiz.accounts.forms import OwnPasswordChangeForm, SignupForm
from history_quiz.accounts.services import account_password_chosen, password_reset_throttle
from history_quiz.ratelimit import client_address


def signup(request: HttpRequest) -> HttpResponse:
    """Create a student or teacher account and sign the person in."""
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, f"Welcome, {user}! Your {user.get_role_display()} account is ready."
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
            email=form.cleaned_data["email"], address=client_address(self.request)
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

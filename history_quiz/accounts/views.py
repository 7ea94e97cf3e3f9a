from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from history_quiz.accounts.forms import SignupForm


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

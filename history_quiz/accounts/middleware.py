"""Until a roster student has replaced the one-time password their teacher printed, every
page sends them to choose their own."""

from django.shortcuts import redirect
from django.urls import reverse

# Pages a student may open before choosing a password.
ALLOWED = ("password_change", "logout")


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        must_change = user is not None and user.is_authenticated and user.must_change_password
        if must_change and request.path not in {reverse(name) for name in ALLOWED}:
            return redirect("password_change")
        return self.get_response(request)

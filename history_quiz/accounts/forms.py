from django import forms
from django.contrib.auth.forms import UserCreationForm

from history_quiz.accounts.models import Role, User


class SignupForm(UserCreationForm):
    """A new student or teacher account; the person picks the role."""

    role = forms.ChoiceField(
        choices=Role.choices,
        widget=forms.RadioSelect,
        initial=Role.STUDENT,
        label="I am a",
    )
    email = forms.EmailField(required=False, help_text="Optional; needed to reset a password.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email", "role")

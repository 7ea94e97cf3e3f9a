from django import forms
from django.contrib.auth.forms import PasswordChangeForm, UserCreationForm

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


class OwnPasswordChangeForm(PasswordChangeForm):
    """Changing a password; a one-time password from a roster cannot be chosen again."""

    def clean(self) -> dict:
        cleaned = super().clean()
        password = cleaned.get("new_password1")
        if password and self.user.must_change_password and self.user.check_password(password):
            self.add_error(
                "new_password1",
                "Choose a password different from the one-time password on your slip.",
            )
        return cleaned

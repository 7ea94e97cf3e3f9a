from django import forms
from django.contrib.auth.forms import PasswordChangeForm, UserCreationForm

from history_quiz.accounts.models import TeacherRequest, User


class SignupForm(UserCreationForm):
    """A new student account. Teacher access is granted by an admin, never chosen here."""

    email = forms.EmailField(required=False, help_text="Optional; needed to reset a password.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email")


class TeacherRequestForm(forms.ModelForm):
    """A student's request for teacher access, for an admin to decide."""

    class Meta:
        model = TeacherRequest
        fields = ("school", "message")
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class TeacherDecisionForm(forms.Form):
    """The approve and decline buttons; anything else is a tampered form."""

    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("decline", "Decline")])


class TeacherInvitationForm(forms.Form):
    """An admin's new invitation link."""

    note = forms.CharField(
        label="For", max_length=200, required=False, help_text="A name or a school, for you."
    )
    days = forms.IntegerField(label="Valid for (days)", min_value=1, max_value=90, initial=7)
    max_uses = forms.IntegerField(
        label="How many people may use it", min_value=1, max_value=200, initial=1
    )


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

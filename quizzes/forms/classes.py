"""Forms for the classes pages; they validate only (services do the work)."""

from crispy_forms.helper import FormHelper
from django import forms

from lessons.models import Lesson
from quizzes.models import Classroom, Quiz
from quizzes.services.roster import ROSTER_MAX_ROWS, roster_row_count

ROSTER_MAX_BYTES = 100_000


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": "Class name"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Give the class a name.")
        return name


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Class code",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        help_text="The code your teacher gave you, for example K7PX3M.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class JoinCodeForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("regenerate", "New code"), ("disable", "Switch off"), ("enable", "Switch on")]
    )


class RosterImportForm(forms.Form):
    text = forms.CharField(
        label="Paste the roster",
        required=False,
        max_length=ROSTER_MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": "Sara Ahmed\nBen Okafor, benok\n"}),
        help_text="One student a line: name, then optional username and email, commas between. "
        f"At most {ROSTER_MAX_ROWS} students at a time.",
    )
    file = forms.FileField(label="…or upload a CSV file", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > ROSTER_MAX_BYTES:
                raise forms.ValidationError("The file is too large for a roster.")
            try:
                cleaned["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    "Save the file as CSV (UTF-8) and try again."
                ) from error
        text = cleaned.get("text", "")
        if not text.strip():
            raise forms.ValidationError("Paste the roster or choose a CSV file.")
        if "\x00" in text:
            raise forms.ValidationError("The roster holds a NUL character: save it as CSV text.")
        rows = roster_row_count(text)
        if rows > ROSTER_MAX_ROWS:
            raise forms.ValidationError(
                f"Add at most {ROSTER_MAX_ROWS} students at a time; this roster has {rows}. "
                "Split it and import each part."
            )
        return cleaned


class AssignmentForm(forms.Form):
    KIND_CHOICES = [("quiz", "A quiz to take"), ("lesson", "A lesson to read")]

    kind = forms.ChoiceField(
        label="What to assign", choices=KIND_CHOICES, widget=forms.RadioSelect, initial="quiz"
    )
    quiz = forms.ModelChoiceField(queryset=Quiz.objects.none(), required=False)
    lesson = forms.ModelChoiceField(queryset=Lesson.objects.order_by("title"), required=False)
    due_at = forms.DateTimeField(
        label="Due",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Leave empty for no due date.",
    )

    def __init__(self, *args, teacher, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the teacher's own quizzes: another id in the POST is an invalid choice.
        self.fields["quiz"].queryset = Quiz.objects.for_teacher(teacher).order_by("title")
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self) -> dict:
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == "quiz":
            cleaned["lesson"] = None
            if not cleaned.get("quiz"):
                self.add_error("quiz", "Choose one of your quizzes.")
        elif kind == "lesson":
            cleaned["quiz"] = None
            if not cleaned.get("lesson"):
                self.add_error("lesson", "Choose a lesson.")
        return cleaned

"""Forms for the classes pages; they validate only (services do the work)."""

from crispy_forms.helper import FormHelper
from django import forms

from history_quiz.accounts.models import User
from history_quiz.fields import BoundedModelChoiceField
from lessons.models import Lesson
from quizzes.models import Classroom, Quiz
from quizzes.services.assignments import answers_after_due_problem, due_date_problem
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


class InviteStudentsForm(forms.Form):
    text = forms.CharField(
        label="Usernames or e-mail addresses",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "sara.ahmed\nben@example.org"}),
        help_text="Students who already have an account, one a line. Each sees the invitation "
        "on their dashboard and joins when they accept; removed students come back with "
        "their work.",
        error_messages={"required": "Give at least one username or e-mail address."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


def _due_field(**kwargs) -> forms.DateTimeField:
    return forms.DateTimeField(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        **kwargs,
    )


def _future(due_at):
    problem = due_date_problem(due_at)
    if problem:
        raise forms.ValidationError(problem)
    return due_at


class AssignmentForm(forms.Form):
    """A quiz, a lesson or both, with one due date; both are assigned when both are chosen."""

    quiz = BoundedModelChoiceField(
        label="Quiz to take", queryset=Quiz.objects.none(), required=False, empty_label="(none)"
    )
    lesson = BoundedModelChoiceField(
        label="Lesson to read",
        queryset=Lesson.objects.order_by("title"),
        required=False,
        empty_label="(none)",
    )
    due_at = _due_field(label="Due", required=False, help_text="Leave empty for no due date.")

    def __init__(self, *args, teacher, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the teacher's own quizzes: another id in the POST is an invalid choice.
        self.fields["quiz"].queryset = (
            Quiz.objects.for_teacher(teacher).without_live_records().order_by("title")
        )
        self.fields["quiz"].help_text = "Choose a quiz, a lesson, or both: each is assigned."
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_due_at(self):
        return _future(self.cleaned_data["due_at"])

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors and not cleaned.get("quiz") and not cleaned.get("lesson"):
            raise forms.ValidationError("Choose a quiz to take, a lesson to read, or both.")
        problem = answers_after_due_problem(quiz=cleaned.get("quiz"), due_at=cleaned.get("due_at"))
        if problem and "due_at" not in self.errors:
            self.add_error("due_at", problem)
        return cleaned


class AssignmentDueForm(forms.Form):
    """The class's due date; an unchanged date in the past may stay as it is."""

    due_at = _due_field(
        label="Due for the class", required=False, help_text="Leave empty for no due date."
    )

    def __init__(self, *args, assignment, **kwargs):
        self.assignment = assignment
        kwargs.setdefault("initial", {"due_at": assignment.due_at})
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_due_at(self):
        due_at = self.cleaned_data["due_at"]
        problem = answers_after_due_problem(quiz=self.assignment.quiz, due_at=due_at)
        if problem:
            raise forms.ValidationError(problem)
        if due_at == self.assignment.due_at:
            return due_at
        return _future(due_at)


class AssignmentExtensionForm(forms.Form):
    """A later due date for one current student of the class."""

    student = BoundedModelChoiceField(queryset=User.objects.none(), label="Student")
    due_at = _due_field(label="New due date for this student")

    def __init__(self, *args, assignment, **kwargs):
        # Shown beside the class's due date form: ids of its own.
        kwargs.setdefault("auto_id", "extend_%s")
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.fields["student"].queryset = User.objects.filter(
            enrolments__classroom=assignment.classroom, enrolments__removed_at__isnull=True
        ).order_by("last_name", "first_name", "username")
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_due_at(self):
        due_at = _future(self.cleaned_data["due_at"])
        class_due = self.assignment.due_at
        if class_due is not None and due_at <= class_due:
            raise forms.ValidationError(
                "An extension gives more time: choose a date after the class's due date."
            )
        return due_at

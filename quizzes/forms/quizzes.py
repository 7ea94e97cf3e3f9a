"""Building a quiz: first the lessons, then the questions by hand or a random count, and the
settings. The service repeats the checks that matter, so a tampered form cannot slip past."""

from django import forms
from django.utils import timezone

from history_quiz.fields import BoundedModelMultipleChoiceField
from lessons.models import Lesson
from quizzes.models import Question, Quiz, SelectionMode
from quizzes.services.quizzes import SETTING_FIELDS, quiz_question_pool


class LessonChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, lesson: Lesson) -> str:
        return lesson.title


class LessonPickForm(forms.Form):
    """Step one: the lessons whose banks the quiz draws from (the teacher's own and the
    site library's)."""

    lessons = LessonChoiceField(
        queryset=Lesson.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one lesson."},
    )

    def __init__(self, *args, teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lessons"].queryset = Lesson.objects.bank_visible_to(teacher).order_by("title")


DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class QuizForm(forms.ModelForm):
    """Step two: the questions and the settings. The lessons chosen in step one travel as
    hidden fields; the questions are drawn by the builder's own list (quiz_question_picker)."""

    lessons = LessonChoiceField(
        queryset=Lesson.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={"required": "Choose at least one lesson."},
    )
    questions = BoundedModelMultipleChoiceField(
        queryset=Question.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Questions picked by hand, asked in the order listed unless shuffled. "
            "Rejected questions are not offered."
        ),
    )

    class Meta:
        model = Quiz
        fields = [
            "title",
            "lessons",
            "selection_mode",
            "questions",
            "random_count",
            "time_limit_minutes",
            "attempts_allowed",
            "grading_method",
            "shuffle_questions",
            "shuffle_options",
            "one_question_per_page",
            "answers_visible",
            "opens_at",
            "closes_at",
        ]
        widgets = {
            "selection_mode": forms.RadioSelect,
            "opens_at": DATETIME_WIDGET,
            "closes_at": DATETIME_WIDGET,
        }
        labels = {
            "time_limit_minutes": "Time limit (minutes)",
            "answers_visible": "Students see the right answers",
            "one_question_per_page": "One question per page",
            "random_count": "Number of questions each student draws",
        }
        help_texts = {
            "time_limit_minutes": "Empty for no time limit.",
            "opens_at": "Empty to open at once.",
            "closes_at": "Empty to stay open.",
        }

    def __init__(self, *args, lesson_ids: list[int], teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lessons"].queryset = Lesson.objects.bank_visible_to(teacher).order_by("title")
        self.fields["questions"].queryset = (
            quiz_question_pool(owner=teacher, lessons=lesson_ids)
            .select_related("lesson", "key_point")
            .order_by("lesson__title", "pk")
        )
        self.fields["selection_mode"].choices = SelectionMode.choices
        self.fields["random_count"].widget.attrs["min"] = 1
        self.fields["time_limit_minutes"].widget.attrs["min"] = 1
        if self.instance.pk:
            self.initial.setdefault(
                "questions",
                [qq.question_id for qq in self.instance.quiz_questions.order_by("position")],
            )

    def picked_ids(self) -> set[int]:
        """The questions ticked now: as sent, or the quiz's own before any change."""
        values = self["questions"].value() or []
        return {int(value) for value in values if str(value).isdecimal()}

    def clean_time_limit_minutes(self) -> int | None:
        minutes = self.cleaned_data.get("time_limit_minutes")
        if minutes == 0:
            return None
        return minutes

    def clean_closes_at(self):
        closes_at = self.cleaned_data.get("closes_at")
        if closes_at and not self.instance.pk and closes_at <= timezone.now():
            raise forms.ValidationError("Choose a closing time in the future.")
        return closes_at

    def service_arguments(self) -> dict:
        """What quiz_create/quiz_update take, from the cleaned form."""
        data = self.cleaned_data
        settings = {name: data.get(name) for name in SETTING_FIELDS if name in data}
        return {"lessons": list(data["lessons"]), "questions": list(data["questions"]), **settings}

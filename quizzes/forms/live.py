"""Forms for live games: making one, entering a PIN, picking a nickname. They validate only."""

from crispy_forms.helper import FormHelper
from django import forms

from history_quiz.fields import BoundedModelChoiceField
from quizzes.models import Classroom
from quizzes.services.live_setup import (
    GAME_QUESTIONS,
    NICKNAME_LENGTH,
    SECONDS_DEFAULT,
    SECONDS_RANGE,
)


class _NoFormTag:
    """Crispy fields without their own <form> tag (the templates hold the form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class LiveGameForm(_NoFormTag, forms.Form):
    classroom = BoundedModelChoiceField(
        label="Class",
        queryset=Classroom.objects.none(),
        required=False,
        empty_label="No class: guests only",
        help_text="Class members play under their own accounts and their results are saved.",
    )
    question_count = forms.IntegerField(
        label="Questions",
        min_value=1,
        max_value=30,
        initial=GAME_QUESTIONS,
        help_text="Drawn from the lesson's ready and approved questions.",
    )
    seconds_per_question = forms.IntegerField(
        label="Seconds per question",
        min_value=SECONDS_RANGE[0],
        max_value=SECONDS_RANGE[1],
        initial=SECONDS_DEFAULT,
    )
    streak_bonus = forms.BooleanField(
        label="Streak bonus (100 more points for each right answer in a row, up to 500)",
        required=False,
    )
    allow_guests = forms.BooleanField(label="Let guests join with a nickname", required=False)
    graded = forms.BooleanField(
        label="Graded: count the results in the class's gradebook",
        required=False,
        help_text="The grade is the share of right answers; speed points do not count.",
    )

    def __init__(self, *args, teacher, from_lesson: bool, **kwargs):
        super().__init__(*args, **kwargs)
        classes = Classroom.objects.for_teacher(teacher).active().filter(teacher=teacher)
        self.fields["classroom"].queryset = classes.order_by("-created_at", "pk")
        newest = self.fields["classroom"].queryset.first()
        if newest is not None:
            self.fields["classroom"].initial = newest.pk
        if not from_lesson:
            del self.fields["question_count"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("graded") and not cleaned.get("classroom"):
            self.add_error("graded", "Pick a class to grade the game for.")
        return cleaned


class PinForm(_NoFormTag, forms.Form):
    pin = forms.CharField(
        label="Game PIN",
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "form-control-lg"}
        ),
        help_text="The six digits on the board.",
    )


class NicknameForm(_NoFormTag, forms.Form):
    nickname = forms.CharField(
        label="Nickname",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "form-control-lg"}),
        help_text=f"{NICKNAME_LENGTH[0]} to {NICKNAME_LENGTH[1]} characters, one nobody else has.",
    )

"""Forms for studying and practising. They only validate; the services decide."""

from typing import Any

from django import forms

from history_quiz.fields import BoundedModelChoiceField
from lessons.models import Lesson
from quizzes.models import Flashcard, Question, QuestionKind, StudyRating
from quizzes.services.study import LONGEST_REVIEW_MS


class StudyRatingForm(forms.Form):
    """One rating of one card, from the buttons or keys 1-4."""

    flashcard = BoundedModelChoiceField(queryset=Flashcard.objects.usable())
    rating = forms.TypedChoiceField(choices=StudyRating.choices, coerce=int)
    duration_ms = forms.IntegerField(required=False, min_value=0, max_value=24 * 3600 * 1000)
    lesson = BoundedModelChoiceField(
        queryset=Lesson.objects.all(), to_field_name="slug", required=False
    )

    def clean_duration_ms(self) -> int | None:
        duration = self.cleaned_data.get("duration_ms")
        return None if duration is None else min(duration, LONGEST_REVIEW_MS)


TRUE_FALSE_CHOICES = [("true", "True"), ("false", "False")]


class PracticeAnswerForm(forms.Form):
    """The answer to one practice question, with fields shaped by the question's kind.

    Built from the question's prompt and options only: nothing here reveals the answer key
    (matching shows the left-hand items, which the key merely pairs)."""

    question = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice_question = question
        self.fields["question"].initial = question.pk
        kind = question.kind
        options = [(str(option), str(option)) for option in question.choices or []]
        if kind == QuestionKind.MULTIPLE_CHOICE:
            self.fields["answer"] = forms.ChoiceField(
                label="Your answer", choices=options, widget=forms.RadioSelect
            )
        elif kind == QuestionKind.TRUE_FALSE:
            self.fields["answer"] = forms.ChoiceField(
                label="True or false?", choices=TRUE_FALSE_CHOICES, widget=forms.RadioSelect
            )
        elif kind in (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER):
            self.fields["answer"] = forms.CharField(
                label="Your answer",
                max_length=300,
                widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "off"}),
            )
        elif kind == QuestionKind.MULTIPLE_RESPONSE:
            self.fields["answer"] = forms.MultipleChoiceField(
                label="Choose every right option",
                choices=options,
                widget=forms.CheckboxSelectMultiple,
            )
        elif kind == QuestionKind.MATCHING:
            for index, left in enumerate(self.matching_lefts):
                self.fields[f"match_{index}"] = forms.ChoiceField(
                    label=left, choices=[("", "Choose…"), *options]
                )
        elif kind == QuestionKind.ORDERING:
            for index in range(len(options)):
                self.fields[f"order_{index}"] = forms.ChoiceField(
                    label=f"Position {index + 1}", choices=[("", "Choose…"), *options]
                )

    @property
    def matching_lefts(self) -> list[str]:
        pairs = self.practice_question.answer or []
        return [str(pair[0]) for pair in pairs if isinstance(pair, list | tuple) and pair]

    def clean_question(self) -> int:
        if self.cleaned_data["question"] != self.practice_question.pk:
            raise forms.ValidationError("This is not the question being asked.")
        return self.cleaned_data["question"]

    @property
    def given(self) -> Any:
        """The answer in the shape quizzes.scoring.score_answer expects for the kind."""
        data = self.cleaned_data
        kind = self.practice_question.kind
        if kind == QuestionKind.MATCHING:
            return [
                [left, data[f"match_{index}"]] for index, left in enumerate(self.matching_lefts)
            ]
        if kind == QuestionKind.ORDERING:
            positions = len(self.practice_question.choices or [])
            return [data[f"order_{index}"] for index in range(positions)]
        return data.get("answer")

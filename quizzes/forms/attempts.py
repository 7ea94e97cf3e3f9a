"""Reading a student's answers from the take page (JSON autosave or a plain form post) and a
teacher's mark override. Anything that does not fit the question is refused with a message."""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from quizzes.answers import clean_given, matching_lefts
from quizzes.models import Question, QuestionKind

MAX_BODY_BYTES = 20_000


@dataclass(frozen=True)
class AnswerPost:
    question_id: int
    given: Any
    check: bool


def read_answer_json(body: bytes) -> AnswerPost:
    """Parse an autosave request: {"question": id, "given": ..., "check": bool}."""
    if len(body) > MAX_BODY_BYTES:
        raise ValidationError("That answer is too long to save.")
    try:
        data = json.loads(body.decode("utf-8"))
        # A lone surrogate ("\ud800") is valid JSON but no text a database can store.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        # RecursionError: JSON nested thousands deep.
        raise ValidationError("The answer could not be read.") from None
    if not isinstance(data, dict):
        raise ValidationError("The answer could not be read.")
    question_id = data.get("question")
    if not isinstance(question_id, int) or isinstance(question_id, bool):
        raise ValidationError("The answer does not name its question.")
    return AnswerPost(question_id, data.get("given"), data.get("check") is True)


def _posted_value(question: Question, data: QueryDict, option_order: list[int]) -> Any:
    field = f"q{question.pk}"
    kind = question.kind
    if kind == QuestionKind.MULTIPLE_RESPONSE:
        return data.getlist(field) or None
    if kind == QuestionKind.MATCHING:
        return {
            left: data.get(f"{field}-m{index}", "")
            for index, left in enumerate(matching_lefts(question))
        }
    if kind == QuestionKind.ORDERING:
        items = [question.choices[i] for i in option_order if i < len(question.choices)]
        positions = [data.get(f"{field}-o{index}", "") for index in range(len(items))]
        if not any(positions):
            return None
        try:
            numbers = [int(position) for position in positions]
        except ValueError:
            raise ValidationError("Give every item a position.") from None
        if sorted(numbers) != list(range(1, len(items) + 1)):
            raise ValidationError("Give each item a different position, from 1 to the last.")
        return [item for _, item in sorted(zip(numbers, items, strict=True))]
    return data.get(field)


def read_answer_page(
    data: QueryDict, questions: Sequence[Question], option_orders: Mapping[str, list[int]]
) -> tuple[dict[int, Any], dict[int, str]]:
    """Answers from a posted page of the take form: (answers by question id, errors)."""
    answers: dict[int, Any] = {}
    errors: dict[int, str] = {}
    for question in questions:
        order = option_orders.get(str(question.pk), [])
        try:
            answers[question.pk] = clean_given(question, _posted_value(question, data, order))
        except ValidationError as error:
            errors[question.pk] = " ".join(error.messages)
    return answers, errors


def read_page_question_ids(data: QueryDict) -> list[int]:
    """The question ids the posted page says it holds; a tampered list is refused."""
    try:
        return [int(value) for value in data.getlist("questions")]
    except ValueError:
        raise ValidationError("The page could not be read.") from None


class AnswerMarkForm(forms.Form):
    """A teacher's own mark for one answer; empty gives the automatic mark back."""

    mark = forms.DecimalField(
        required=False,
        min_value=0,
        max_value=1,
        max_digits=4,
        decimal_places=2,
        label="Mark (0 to 1)",
        help_text="Leave empty to use the automatic mark.",
    )

    def cleaned_mark(self) -> float | None:
        mark = self.cleaned_data.get("mark")
        return None if mark is None else float(mark)

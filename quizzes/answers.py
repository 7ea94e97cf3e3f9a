"""An answer in the shape its question takes, as scoring expects it: what the take page's
autosave and form posts are checked against once the attempt is known to hold the question."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError

from quizzes.models import Question, QuestionKind

MAX_TYPED_LENGTH = 500


def matching_lefts(question: Question) -> list[str]:
    """The left-hand items of a matching question (the prompts, not the pairing)."""
    lefts = []
    for pair in question.answer if isinstance(question.answer, list) else []:
        if isinstance(pair, Sequence) and not isinstance(pair, str) and len(pair) == 2:
            lefts.append(str(pair[0]))
    return lefts


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("This answer should be text.")
    # PostgreSQL's JSON cannot hold a NUL character; no answer needs one.
    return value.replace("\x00", "").strip()


def clean_given(question: Question, value: Any) -> Any:
    """The answer in the shape scoring expects, or None when nothing is given."""
    kind = question.kind
    options = [str(option) for option in question.choices or []]
    if kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE):
        text = _text(value)
        allowed = options if kind == QuestionKind.MULTIPLE_CHOICE else ["true", "false"]
        if text and text not in allowed:
            raise ValidationError("Choose one of the options shown.")
        return text or None
    if kind in (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER):
        text = _text(value)
        if len(text) > MAX_TYPED_LENGTH:
            raise ValidationError(f"Keep the answer under {MAX_TYPED_LENGTH} characters.")
        return text or None
    if kind == QuestionKind.MULTIPLE_RESPONSE:
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError("Tick options from the list.")
        if not set(value) <= set(options):
            raise ValidationError("Tick options from the list.")
        picked = [option for option in options if option in value]
        return picked or None
    if kind == QuestionKind.MATCHING:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise ValidationError("Match each item with one from the list.")
        lefts = set(matching_lefts(question))
        matched = {}
        for left, right in value.items():
            if left not in lefts or not isinstance(right, str) or right and right not in options:
                raise ValidationError("Match each item with one from the list.")
            if right:
                matched[left] = right
        return matched or None
    if kind == QuestionKind.ORDERING:
        if value is None or value == []:
            return None
        if not isinstance(value, list) or sorted(map(str, value)) != sorted(options):
            raise ValidationError("Put every item in the list in order, each once.")
        return [str(item) for item in value]
    raise ValidationError("This question cannot be answered.")

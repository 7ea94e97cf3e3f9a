"""Marking one answer to one question, for every kind the bank makes.

Pure functions: no database, no request. A mark is a fraction from 0.0 to 1.0; matching,
ordering and multiple response give partial credit.
"""

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from quizzes.models.bank import QuestionKind

LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
EDGE_PUNCTUATION = " -\t\n.,;:!?\"'“”‘’()[]"


class Markable(Protocol):
    kind: str
    answer: Any
    accepted: list[str]


def normalize_answer(text: Any) -> str:
    """Fold what a fair marker ignores: case, spacing, edge punctuation, a leading article,
    thousands separators and curly quotes."""
    text = unicodedata.normalize("NFKC", str(text or "")).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text).strip(EDGE_PUNCTUATION)
    text = LEADING_ARTICLE.sub("", text)
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


def accepted_answers(question: Markable) -> set[str]:
    """Every normalized form that counts as right for a typed answer."""
    return {normalize_answer(text) for text in [question.answer, *question.accepted] if text}


def _as_list(value: Any) -> list:
    if value is None or isinstance(value, str | bytes | Mapping):
        return [] if value in (None, "") else [value]
    return list(value) if isinstance(value, Sequence) else [value]


def _pairs(value: Any) -> dict[str, str]:
    if isinstance(value, Mapping):
        return {str(left): str(right) for left, right in value.items()}
    pairs = {}
    for pair in _as_list(value):
        if isinstance(pair, Sequence) and not isinstance(pair, str) and len(pair) == 2:
            pairs[str(pair[0])] = str(pair[1])
    return pairs


def score_answer(question: Markable, given: Any) -> float:
    """Mark a student's answer: 1.0 right, 0.0 wrong, a fraction for partly right."""
    kind = question.kind
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return float(isinstance(given, str) and given == question.answer)
    if kind == QuestionKind.TRUE_FALSE:
        return float(normalize_answer(given) == normalize_answer(question.answer))
    if kind in (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER):
        typed = normalize_answer(given)
        return float(bool(typed) and typed in accepted_answers(question))
    if kind == QuestionKind.MULTIPLE_RESPONSE:
        right = set(_as_list(question.answer))
        chosen = {option for option in _as_list(given) if isinstance(option, str)}
        if not right:
            return 0.0
        # Moodle-style: each wrong pick cancels a right one, never below zero.
        return max(0.0, (len(chosen & right) - len(chosen - right)) / len(right))
    if kind == QuestionKind.MATCHING:
        key = _pairs(question.answer)
        matched = _pairs(given)
        if not key:
            return 0.0
        return sum(matched.get(left) == right for left, right in key.items()) / len(key)
    if kind == QuestionKind.ORDERING:
        key = _as_list(question.answer)
        placed = _as_list(given)
        if not key:
            return 0.0
        return sum(
            index < len(placed) and placed[index] == item for index, item in enumerate(key)
        ) / len(key)
    raise ValueError(f"unknown question kind: {kind!r}")

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
# Titles a right answer may carry or leave out ("King Louis XVI" = "Louis XVI").
_HONORIFIC_WORDS = (
    "king queen emperor empress tsar czar tsarina kaiser sultan shah pharaoh caliph mansa "
    "pope archbishop bishop cardinal saint st prince princess archduke duke duchess earl "
    "count countess baron lord lady sir dame president chancellor premier general admiral "
    "marshal colonel captain commodore governor senator dr mr mrs ms madame "
)
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
# "about 7,000" = "7000": a hedge on a number is no part of what is asked.
HEDGES = re.compile(r"^(about|around|roughly|approximately|nearly|almost|some|c|circa)\s+(?=\d)")
LEADING_PREPOSITION = re.compile(r"^(in|on|by|during)\s+(?=(\d|the \d|[a-z]+ \d))")
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {word: str(value) for value, word in enumerate(_NUMBER_WORDS.split())}
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS |= {
    f"{tens}{f' {unit}' if unit else ''}": str(20 + 10 * index + value)
    for index, tens in enumerate(_TENS)
    for value, unit in enumerate(["", *_NUMBER_WORDS.split()[1:10]])
}
# Longest first, so "twenty five" is read before "twenty".
NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
DAY_MONTH_YEAR = re.compile(rf"^(?:the )?{_DAY} (?:of )?{_MONTH} (\d{{3,4}})$")
MONTH_DAY_YEAR = re.compile(rf"^{_MONTH} {_DAY} (\d{{3,4}})$")
MONTH_YEAR = re.compile(rf"^{_MONTH} (\d{{3,4}})$")


class Markable(Protocol):
    kind: str
    answer: Any
    accepted: list[str]


def _fold_diacritics(text: str) -> str:
    """ "Hülegü" -> "hulegu": accents are spelling, not a different answer."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")


def _canonical_date(text: str) -> str:
    """ "14 July 1789", "July 14, 1789", "the 14th of July 1789" -> "1789-07-14"."""
    for pattern, order in ((DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy")):
        found = pattern.match(text)
        if found:
            parts = dict(zip(order, found.groups(), strict=True))
            day, month, year = int(parts["d"]), MONTHS[parts["m"]], int(parts["y"])
            if 1 <= day <= 31:
                return f"{year}-{month:02d}-{day:02d}"
    found = MONTH_YEAR.match(text)
    if found:
        return f"{int(found.group(2))}-{MONTHS[found.group(1)]:02d}"
    return text


def normalize_answer(text: Any) -> str:
    """Fold what a fair marker ignores, the same for the key and for what was typed:
    case, spacing, punctuation, a leading article, diacritics, a title before a name,
    thousands separators, number words up to twenty, a hedge on a number, "bin" or "ibn"
    in an Arabic name, and the order and spelling of a date (14 July 1789 = July 14,
    1789 = 14th July 1789)."""
    text = unicodedata.normalize("NFKC", str(text or "")).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = _fold_diacritics(text)
    text = re.sub(r"\s+", " ", text).strip(EDGE_PUNCTUATION)
    text = LEADING_ARTICLE.sub("", text)
    text = re.sub(r"(?<=\d)[, ](?=\d{3}\b)", "", text)  # 17,000 / 17 000 -> 17000
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # Saint-Domingue = Saint Domingue
    text = re.sub(r"(?<=\b[a-z])\.", "", text)  # John F. Kennedy = John F Kennedy
    text = re.sub(r"(?<=[a-z] )bin(?= [a-z])", "ibn", text)  # "son of": two spellings of one
    text = re.sub(r"\s*,\s*|\s+", " ", text).strip(EDGE_PUNCTUATION)
    text = LEADING_PREPOSITION.sub("", text)
    text = re.sub(r"(?<=\d) ?b ?c ?e\b", " bc", text)  # 486 BCE = 486 BC
    # 208 AD = AD 208 = 208 CE = 208: the common era is a year's default; BC stays marked.
    text = re.sub(r"(?<=\d) (?:ad|ce)\b|\b(?:ad|ce) (?=\d)", "", text)
    text = re.sub(r"\bbc (\d{1,4})\b", r"\1 bc", text)
    text = HEDGES.sub("", text)
    words = text.split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    text = " ".join(words)
    text = NUMBER_WORD.sub(lambda found: NUMBER_WORDS[found.group(1)], text)
    return _canonical_date(text)


def answer_is_accepted(question: Markable, given: Any) -> bool:
    """Whether a typed answer counts as right for the question (the one rule for every
    typed kind): equal to the key or an accepted variant once both are normalised."""
    typed = normalize_answer(given)
    return bool(typed) and typed in accepted_answers(question)


def accept_answer_variant(question: Markable, given: str) -> list[str]:
    """The question's accepted list with a teacher's "accept this answer" added: as the
    student typed it (trimmed), once, and not at all when it already counts as right.
    Pure: the caller saves the list (and re-marks attempts) with the question's version."""
    accepted = list(question.accepted)
    if not normalize_answer(given) or answer_is_accepted(question, given):
        return accepted
    return [*accepted, " ".join(str(given).split()).strip(EDGE_PUNCTUATION)]


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
        return float(answer_is_accepted(question, given))
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

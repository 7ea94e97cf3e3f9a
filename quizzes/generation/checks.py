"""The filter rules every generated item passes before it is saved, as pure functions."""

import math
import re
from collections import Counter
from functools import lru_cache

from quizzes.generation.entities import normalise

BLANK = "_____"
NEAR_DUPLICATE = 0.8
LONGEST_SHARE_MAX = 0.4
DEFINITION_WORDS = (5, 30)
STOP_HEADS = {"the", "a", "an", "of", "and", "in", "on", "at", "to"}
# A year and nothing else: "1903", "331 BC", "AD 79".
BARE_YEAR = re.compile(r"\d{3,4}(\s*(BC|BCE|AD|CE))?|AD \d{1,4}")


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower())


@lru_cache(maxsize=16384)
def _phrase_pattern(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.I)


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether the phrase stands in the text on word boundaries, ignoring case."""
    phrase = phrase.strip()
    if not phrase or phrase.lower() not in text.lower():
        return False
    return _phrase_pattern(phrase).search(text) is not None


def same_option(a: str, b: str) -> bool:
    """Equal once case, a leading article and a possessive are set aside, or one is the
    other's acronym ("ANC" and "the African National Congress")."""
    return normalise(a) == normalise(b) or is_acronym_of(a, b) or is_acronym_of(b, a)


def is_acronym_of(short: str, long: str) -> bool:
    """ "ANC" of "African National Congress", "NKVD" of no two-word name."""
    short = short.strip().replace(".", "")
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", long) if w[0].isupper())
    return len(short) >= 2 and short.isupper() and short == initials


@lru_cache(maxsize=65536)
def overlaps_as_name(a: str, b: str) -> bool:
    """One option is part of the other ("Edward" beside "Edward the Confessor")."""
    a_words, b_words = words(normalise(a)), words(normalise(b))
    if not a_words or not b_words:
        return False
    short, long = sorted((a_words, b_words), key=len)
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def says_the_same(claim: set[str], said: set[str]) -> bool:
    """Another sentence shares most of what the claim says (so swapping names is unsafe)."""
    if not claim:
        return False
    shared = len(claim & said)
    return shared >= 2 and shared * 2 >= len(claim)


def head_word(answer: str) -> str:
    """The answer's main word: the last word that is not a stop word."""
    candidates = [w for w in words(normalise(answer)) if w not in STOP_HEADS]
    return candidates[-1] if candidates else ""


def answer_in_source(answer: str, source: str) -> bool:
    return contains_phrase(source, answer)


def prompt_hides_answer(prompt: str, answer: str) -> bool:
    """Neither the answer nor its head word appears in the prompt."""
    if contains_phrase(prompt, answer) or contains_phrase(prompt, normalise(answer)):
        return False
    head = head_word(answer)
    if len(head) > 2 and contains_phrase(prompt, head):
        return False
    # A derived form gives it away too: "Ethiopia" beside "Ethiopian independence".
    stem = head[:-1] if len(head) > 5 else head
    return not (
        len(head) > 3
        and not head.isdigit()
        and re.search(rf"\b{re.escape(stem)}\w{{0,4}}\b", prompt, re.I)
    )


def has_one_blank(prompt: str) -> bool:
    return prompt.count(BLANK) == 1 and "______" not in prompt


def is_question(prompt: str) -> bool:
    return prompt.rstrip().endswith("?") and prompt[:1].isupper()


def article_gives_away(prompt: str) -> bool:
    """ "a _____" or "an _____" tells the student which options to drop."""
    return re.search(rf"\b(a|an)\s+{re.escape(BLANK)}", prompt, re.I) is not None


def options_distinct(options: list[str]) -> bool:
    """No two options equal or one inside another."""
    for i, first in enumerate(options):
        for second in options[i + 1 :]:
            if same_option(first, second) or overlaps_as_name(first, second):
                return False
    return True


def one_plural_among_singulars(plurals: list[bool]) -> bool:
    """A lone plural (or lone singular) option stands out."""
    count = sum(plurals)
    return len(plurals) > 2 and count in (1, len(plurals) - 1)


def near_duplicate(a: str, b: str) -> bool:
    """Two prompts sharing most of their words ask the same thing."""
    return similar_words(set(words(a)), set(words(b)))


def similar_words(a_words: set[str], b_words: set[str]) -> bool:
    """Two word sets sharing most of their words (Jaccard at or above the bar)."""
    if not a_words or not b_words:
        return False
    return len(a_words & b_words) / len(a_words | b_words) >= NEAR_DUPLICATE


def strictly_longest(options: list[str], answer: str) -> bool:
    return all(len(answer) > len(option) for option in options if option != answer)


def longest_share(banks: list[tuple[list[str], str]]) -> float:
    """Share of multiple-choice questions whose right option is strictly the longest."""
    if not banks:
        return 0.0
    return sum(strictly_longest(options, answer) for options, answer in banks) / len(banks)


def positions_spread(positions: list[int], slots: int = 4) -> bool:
    """Right-answer positions used about equally (within half a fair share, plus one)."""
    if not positions:
        return True
    fair = len(positions) / slots
    counts = Counter(positions)
    return all(abs(counts.get(slot, 0) - fair) <= math.ceil(fair / 2) + 1 for slot in range(slots))


def differs_by_one_span(true_text: str, false_text: str) -> bool:
    """The false statement is the true one with exactly one stretch of words changed."""
    a, b = true_text.split(), false_text.split()
    if a == b:
        return False
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(a), len(b)) - prefix and a[len(a) - 1 - suffix] == b[len(b) - 1 - suffix]
    ):
        suffix += 1
    return len(a) - prefix - suffix <= 6 and len(b) - prefix - suffix <= 6


def definition_fits(term: str, definition: str) -> bool:
    """A flashcard's back: 5-30 words, without the term it defines."""
    low, high = DEFINITION_WORDS
    count = len(definition.split())
    if not low <= count <= high:
        return False
    return not contains_phrase(definition, term) and not contains_phrase(
        definition, normalise(term)
    )


# Words that open a list of examples the lesson does not close: one name of it is not the
# only fit ("including Tomori, many barons and seven bishops" - the king fell too).
OPEN_LIST_OPENERS = ("including", "among them", "among whom", "such as", "notably")


def one_of_an_open_list(doc, start: int) -> bool:
    """The name at token `start` is one of the examples an "including", "among them" or
    "such as" gives, reading back over the list's other names and commas."""
    i = start - 1
    while i >= 0 and (doc[i].text in (",", "and") or doc[i].pos_ == "PROPN"):
        i -= 1
    before = " ".join(t.lower_ for t in doc[max(i - 1, 0) : i + 1])
    return i >= 0 and any(before.endswith(opener) for opener in OPEN_LIST_OPENERS)

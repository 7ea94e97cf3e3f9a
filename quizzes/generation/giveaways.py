"""Items whose answer shows without the lesson: a true statement that says no more than the
title, a name in the prompt that only the right option shares."""

import re

from spacy.lang.en.stop_words import STOP_WORDS

from quizzes.generation.nlp import MONTH_NAMES
from quizzes.generation.years import signed_years

WORD = re.compile(r"[A-Za-z0-9]+(?:'[a-z]+)?")
# What a title's word already tells ("Liberation War" -> the country became independent).
IMPLIED = {
    "liberation": {"independent", "independence", "free", "freed", "freedom", "liberated"},
    "independence": {"independent", "free", "freed", "freedom"},
    "revolution": {"revolt", "revolted", "rebelled", "rising", "uprising"},
    "founding": {"founded", "created", "formed", "set", "began"},
}
# Nouns that add nothing to a name ("became an independent country").
PLAIN_NOUNS = {"country", "nation", "people", "place", "land", "event", "thing"}


def _same_word(word: str, other: str) -> bool:
    """ "Kings" and "king", "Mexican" and "Mexicans": one word, another ending."""
    stem = max(4, len(word) - 2)
    return word == other or len(word) >= 4 and other.startswith(word[:stem])


def says_only_the_title(statement: str, title: str) -> bool:
    """Every word of the statement is the title's, one it implies, or a plain word: "Bangladesh
    became an independent country" under "The Bangladesh Liberation War, 1971"."""
    title_words = [w.lower() for w in WORD.findall(title)]
    implied = set().union(*(IMPLIED.get(w, set()) for w in title_words))
    said = WORD.findall(statement)
    if not any(w.lower() in title_words for w in said if w.lower() not in STOP_WORDS):
        return False  # it says something of its own, title or not
    return all(
        w.lower() in STOP_WORDS
        or w.lower() in implied
        or w.lower() in PLAIN_NOUNS
        or any(_same_word(w.lower(), t) for t in title_words)
        for w in said
    )


def restates_title_years(statement: str, title: str) -> bool:
    """The statement names what the title names and gives the title's years, every one of
    two or more: "The Paraguayan War ... was fought between 1864 and 1870" under "The
    Paraguayan War, 1864-1870". A single year ("..., 1979") dates a topic, not a span the
    statement can only repeat, so it is left to the other checks."""
    years = set(signed_years(title))
    if len(years) < 2 or not years <= set(signed_years(statement)):
        return False
    said = [w.lower() for w in WORD.findall(statement)]
    named = _content_words(title)
    return bool(named) and all(any(_same_word(t, w) for w in said) for t in named)


def _content_words(text: str) -> list[str]:
    return [
        w.lower()
        for w in WORD.findall(text)
        if not w.isdigit() and w.lower() not in STOP_WORDS and w.upper() not in ("AD", "BC", "BCE")
    ]


def retells_the_title(statement: str, title: str) -> bool:
    """The title's event and its one year, told again with at most one of its words renamed
    and two added: "Silver was found at the Cerro Rico in 1545" under "Silver Is Found at
    Potosí, 1545". A statement that tells more ("a herder named ... found rich ore on a
    mountain ...") asks something the title does not say."""
    years = set(signed_years(title))
    if len(years) != 1 or not years <= set(signed_years(statement)):
        return False
    named, said = _content_words(title), _content_words(statement)
    missing = [t for t in named if not any(_same_word(t, w) for w in said)]
    added = [w for w in said if not any(_same_word(t, w) for t in named)]
    return len(named) >= 2 and len(missing) <= 1 and len(added) <= 2


def name_only_the_answer_shares(prompt: str, answer: str, others: list[str]) -> bool:
    """ "After Cao Cao's death, his son _____": of the options only "Cao Pi" is a Cao."""
    written = set(WORD.findall(prompt.replace("_____", " ").replace("'s", " ")))
    shared = [w for w in WORD.findall(answer) if len(w) > 1 and w[0].isupper() and w in written]
    return any(not any(w in WORD.findall(other) for other in others) for w in shared)


# Counts a title may name in words ("the Thousand", "The Hundred Days", "Three Hundred").
TITLE_COUNTS = {
    "ten": 10,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
}
SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
COUNT_NEAR = 0.15  # within this share of the title's count, the title answers it


def _title_counts(title: str) -> list[int]:
    words = [w.lower() for w in WORD.findall(title)]
    counts = []
    for i, word in enumerate(words):
        if word in TITLE_COUNTS:
            factor = SMALL.get(words[i - 1], 1) if i else 1
            counts.append(TITLE_COUNTS[word] * factor)
    return counts


def title_counts_near(number: str, title: str) -> bool:
    """The title names a count in words close to the number asked: "1,089" under "The
    Expedition of the Thousand" (F12 readers: the title gives it away)."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", number)
    if digits is None:
        return False
    value = float(digits.group().replace(",", ""))
    return any(abs(value - count) <= COUNT_NEAR * count for count in _title_counts(title))


# "two days after Japan surrendered": a date fixed by another event the sentence names.
RELATIVE_ANCHOR = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|\d+) "
    r"(?:days?|weeks?|months?|years?) (?:after|before)\b",
    re.I,
)
# Days that fix their month (or season) by themselves: "On Easter Monday, 24 April".
FEAST_DAYS = re.compile(
    r"\b(?:Easter|Good Friday|Palm Sunday|Ash Wednesday|Whitsun|Pentecost|Christmas|"
    r"New Year's Day|Candlemas|Lady Day|Michaelmas|All Saints' Day|Midsummer)\b"
)
MONTH_WORD = re.compile(r"\b(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\b")


def date_given_away(doc, answer) -> bool:
    """The rest of the date's sentence gives it (or makes a false one absurd): a span from
    another event ("two days after X"), a feast day beside a month, or a year one off from
    the answer's ("December _____ ... in January 1919")."""
    rest = doc.text[: answer.start] + " " + doc.text[answer.end :]
    if RELATIVE_ANCHOR.search(rest):
        return True
    if MONTH_WORD.search(answer.text) and FEAST_DAYS.search(rest):
        return True
    asked = signed_years(answer.text)
    return any(abs(year - other) == 1 for year in asked for other in signed_years(rest))

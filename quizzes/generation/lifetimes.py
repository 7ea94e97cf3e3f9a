"""Times the lesson itself rules out: a person's life and the title's day.

A false statement or a wrong option is a giveaway when the lesson says it cannot be: a man
the lesson has murdered in 44 BC commanding a fleet in 31 BC, or an eruption "in November
1883" under the title "Krakatoa Erupts, 27 August 1883".
"""

import re

from spacy.tokens import Doc

from quizzes.generation.entities import normalise
from quizzes.generation.nlp import MONTH_NAMES
from quizzes.generation.years import signed_years

# Verbs whose subject's life ends (or, "born", begins) at the sentence's date.
DEATH_LEMMAS = {"die", "murder", "assassinate", "kill", "execute", "behead", "poison", "hang"}
BIRTH_WORDS = {"born"}
_MONTH = "|".join(MONTH_NAMES)
DAY_MONTH_YEAR = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({_MONTH})(?:\s+(\d{{1,2}}))?,?\s+(\d{{3,4}})\b",
    re.I,
)


def lifetimes(docs: list[Doc], people: set[str]) -> dict[str, tuple[int | None, int | None]]:
    """Person name -> (birth year, death year) where a sentence of the lesson states them
    ("After Julius Caesar was murdered in 44 BC", "Nzinga was born around 1583").
    `people` holds the lesson's person names, normalised as `normalise` does."""
    lives: dict[str, list[int | None]] = {}
    for doc in docs:
        for token in doc:
            death = token.lemma_.lower() in DEATH_LEMMAS and token.pos_ == "VERB"
            if not (death or token.lower_ in BIRTH_WORDS):
                continue
            # The year of the verb's own clause ("After X was murdered in 44 BC, ...").
            clause = doc[token.left_edge.i : token.right_edge.i + 1]
            years = set(signed_years(clause.text))
            if len(years) != 1:
                continue
            for subject in token.children:
                if subject.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                name = doc[subject.left_edge.i : subject.i + 1].text
                if normalise(name) in people:
                    life = lives.setdefault(normalise(name), [None, None])
                    life[1 if death else 0] = years.pop()
                    break
    return {name: (life[0], life[1]) for name, life in lives.items()}


def outside_life(names: set[str], when: list[int], lives: dict) -> bool:
    """A person (any of his names) placed at these years is dead by then or not yet born."""
    if not when:
        return False
    for name in names:
        born, died = lives.get(normalise(name), (None, None))
        if died is not None and min(when) > died or born is not None and max(when) < born:
            return True
    return False


def _dates(text: str) -> list[tuple[int, int, int]]:
    return [
        (
            int(m.group(4)),
            MONTH_NAMES.index(m.group(2).lower()) + 1,
            int(m.group(1) or m.group(3) or 0),
        )
        for m in DAY_MONTH_YEAR.finditer(text)
    ]


def past_title_day(true_text: str, false_texts: list[str], title: str) -> bool:
    """A false date put after the day the title gives while the true one is on or before
    it: "began to erupt in November 1883" under "Krakatoa Erupts, 27 August 1883"."""
    days = _dates(title)
    true_dates = _dates(true_text)
    if len(days) != 1 or not true_dates:
        return False
    (day,) = days
    if any(date > day for date in true_dates):
        return False
    return any(date > day for text in false_texts for date in _dates(text))

"""Matching (names to descriptions) and ordering (dated events) over a whole lesson."""

from dataclasses import dataclass

from quizzes.generation.checks import contains_phrase
from quizzes.generation.items import GeneratedQuestion, seeded_shuffle
from quizzes.generation.selection import LessonSentence

MATCHING, ORDERING = "matching", "ordering"
MAX_PAIRS = 5
MAX_EVENTS = 5
MAX_EVENT_WORDS = 22


@dataclass(frozen=True)
class Pair:
    term: str
    description: str
    sentence: LessonSentence


@dataclass(frozen=True)
class DatedEvent:
    year: int
    date_text: str
    text: str
    sentence: LessonSentence


def matching(pairs: list[Pair]) -> GeneratedQuestion | None:
    """Match four or more terms to their descriptions (distinct terms and descriptions)."""
    terms = [pair.term for pair in pairs]
    chosen: list[Pair] = []
    for pair in pairs:
        # A description that names another term would match itself.
        if any(contains_phrase(pair.description, term) for term in terms):
            continue
        if all(pair.term != p.term and pair.description != p.description for p in chosen):
            chosen.append(pair)
    chosen = chosen[:MAX_PAIRS]
    if len(chosen) < 4:
        return None
    target = "|".join(p.term for p in chosen)
    question = GeneratedQuestion(
        kind=MATCHING,
        prompt="Match each name to its description.",
        answer=[[p.term, p.description] for p in chosen],
        rule="set.matching",
        sentence=chosen[0].sentence,
        target=target,
        key_point=chosen[0].sentence.key_point,
    )
    question.choices = seeded_shuffle([p.description for p in chosen], question.seed)
    return question


def ordering(events: list[DatedEvent]) -> GeneratedQuestion | None:
    """Put three to five events with different years in the order they happened."""
    by_year: dict[int, DatedEvent] = {}
    for event in events:
        if len(event.text.split()) <= MAX_EVENT_WORDS:
            by_year.setdefault(event.year, event)
    chosen = [by_year[year] for year in sorted(by_year)]
    if len(chosen) > MAX_EVENTS:
        step = (len(chosen) - 1) / (MAX_EVENTS - 1)
        chosen = [chosen[round(i * step)] for i in range(MAX_EVENTS)]
    if len(chosen) < 3:
        return None
    items = [event.text for event in chosen]
    question = GeneratedQuestion(
        kind=ORDERING,
        prompt="Put these events in the order they happened, earliest first.",
        answer=items,
        rule="set.ordering",
        sentence=chosen[0].sentence,
        target="|".join(items),
        key_point=chosen[0].sentence.key_point,
    )
    shuffled = seeded_shuffle(items, question.seed)
    if shuffled == items:
        shuffled = items[1:] + items[:1]
    question.choices = shuffled
    return question

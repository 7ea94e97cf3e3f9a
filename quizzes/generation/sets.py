"""Matching (names to descriptions) and ordering (dated events) over a whole lesson."""

from dataclasses import dataclass

from quizzes.generation.checks import contains_phrase
from quizzes.generation.items import GeneratedQuestion, seeded_shuffle
from quizzes.generation.selection import LessonSentence

MATCHING, ORDERING = "matching", "ordering"
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
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

    @property
    def when(self) -> tuple[int, int, int]:
        """(year, month, day) as far as the date says; 0 where it does not."""
        words = self.date_text.lower().replace(",", " ").split()
        month = next((MONTHS.index(w) + 1 for w in words if w in MONTHS), 0)
        day = next((int(w) for w in words if w.isdigit() and int(w) <= 31), 0)
        return (self.year, month, day if month else 0)


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
    """Put three to five events in the order they happened.

    Two events must differ in year, or in month (or day) when both dates give them, so
    that the order is not open to dispute.
    """
    candidates = sorted(
        (e for e in events if len(e.text.split()) <= MAX_EVENT_WORDS), key=lambda e: e.when
    )
    # The longest chain of events each clearly after the one before.
    best: list[list[DatedEvent]] = []
    for index, event in enumerate(candidates):
        chains = [best[i] for i in range(index) if _clearly_after(candidates[i].when, event.when)]
        best.append(max(chains, key=len, default=[]) + [event])
    chosen = max(best, key=len, default=[])
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


def _clearly_after(earlier: tuple[int, int, int], later: tuple[int, int, int]) -> bool:
    if later[0] != earlier[0]:
        return later[0] > earlier[0]
    if not (earlier[1] and later[1]) or later[1] != earlier[1]:
        return bool(earlier[1] and later[1]) and later[1] > earlier[1]
    return bool(earlier[2] and later[2]) and later[2] > earlier[2]

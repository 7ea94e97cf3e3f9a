"""Matching (names to descriptions) and ordering (dated events) over a whole lesson."""

from dataclasses import dataclass

from quizzes.generation.checks import contains_phrase
from quizzes.generation.context import leaning_words
from quizzes.generation.entities import PERSON, Entity
from quizzes.generation.items import GeneratedQuestion, capitalise, seeded_shuffle, tidy
from quizzes.generation.nlp import MONTH_NAMES
from quizzes.generation.selection import LessonSentence

MATCHING, ORDERING = "matching", "ordering"
MONTHS = MONTH_NAMES
MAX_PAIRS = 5
MAX_EVENTS = 5
MIN_EVENTS = 4
MAX_EVENT_WORDS = 22
MAX_DEED_WORDS = 16


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


def _deed(sentence: LessonSentence, entity: Entity) -> str | None:
    """What the sentence says the person did, when the person is its whole subject:
    "Menelik rejected the Italian reading in 1893." -> "rejected the Italian reading in 1893"."""
    doc = sentence.doc
    for mention in entity.mentions:
        if mention.sentence != sentence.index:
            continue
        head = doc[mention.token_end - 1]
        root = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or root.dep_ != "ROOT":
            continue
        if root.pos_ not in ("VERB", "AUX") or head.left_edge.i < mention.token_start - 1:
            continue  # the name (perhaps after a title) is the whole subject
        if any(c.dep_ in ("conj", "appos", "relcl") for c in head.children):
            continue
        verb = min([root, *(c for c in root.children if c.dep_ in ("aux", "auxpass"))])
        if verb.i != head.right_edge.i + 1 or not (root.tag_ == "VBD" or verb.tag_ == "VBD"):
            continue  # a past deed, right after the name
        deed = tidy(doc[verb.i :].text).rstrip(".")
        deed = deed.split(", and ")[0].split("; ")[0]
        if not 3 <= len(deed.split()) <= MAX_DEED_WORDS:
            continue
        if any(contains_phrase(deed, name) for name in entity.names):
            continue
        if leaning_words(doc):
            continue
        return deed
    return None


def people_pairs(
    sentences: list[LessonSentence], entities: list[Entity], described: list[Pair]
) -> list[Pair]:
    """People matched to what the lesson says they were (a description) or did."""
    by_term = {pair.term: pair for pair in described}
    pairs = []
    for entity in entities:
        if entity.kind != PERSON or not entity.certain:
            continue
        if entity.name in by_term:
            pairs.append(by_term[entity.name])
            continue
        for sentence in sentences:
            if sentence.usable and (deed := _deed(sentence, entity)):
                pairs.append(Pair(entity.name, capitalise(deed), sentence))
                break
    return pairs


def matching(pairs: list[Pair], prompt: str = "") -> GeneratedQuestion | None:
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
        prompt=prompt or "Match each name to its description.",
        answer=[[p.term, p.description] for p in chosen],
        rule="set.matching",
        sentence=chosen[0].sentence,
        target=target,
        key_point=chosen[0].sentence.key_point,
    )
    question.choices = seeded_shuffle([p.description for p in chosen], question.seed)
    return question


def ordering(events: list[DatedEvent]) -> GeneratedQuestion | None:
    """Put four or five events in the order they happened.

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
    if len(chosen) < MIN_EVENTS:
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

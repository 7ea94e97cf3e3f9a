"""Ordering (dated events) over a whole lesson; matching is in matching.py."""

import re
from dataclasses import dataclass, replace

from quizzes.generation.items import GeneratedQuestion, capitalise, seeded_shuffle
from quizzes.generation.nlp import MONTH_NAMES
from quizzes.generation.selection import LessonSentence

ORDERING = "ordering"
MONTHS = MONTH_NAMES
MAX_EVENTS = 5
MIN_EVENTS = 4
MAX_EVENT_WORDS = 22


def _date_words(date_text: str) -> list[str]:
    """ "September–October 1945" -> ["september", "october", "1945"]."""
    return re.sub(r"[,–—-]", " ", date_text.lower()).split()


@dataclass(frozen=True)
class DatedEvent:
    year: int
    date_text: str
    text: str
    sentence: LessonSentence

    @property
    def when(self) -> tuple[int, int, int]:
        """(year, month, day) as far as the date says; 0 where it does not (a season
        counts as its first month)."""
        words = _date_words(self.date_text)
        month = next((MONTHS.index(w) + 1 for w in words if w in MONTHS), 0)
        day = next((int(w) for w in words if w.isdigit() and int(w) <= 31), 0)
        if not month:
            month = next((SEASONS[w][0] for w in words if w in SEASONS), 0)
        return (self.year, month, day if month and not self.season else 0)

    @property
    def approximate(self) -> bool:
        """The lesson gives the year as approximate ("around 1455", "c. 1631")."""
        return self.date_text.split()[0].lower() in APPROXIMATE

    @property
    def season(self) -> tuple[int, int] | None:
        """The first and last month of the season the date names ("summer of 1187"), or of
        its span of months ("September–October 1945")."""
        words = _date_words(self.date_text)
        months = [MONTHS.index(w) + 1 for w in words if w in MONTHS]
        if (
            len(months) == 2
            and months[0] < months[1]
            and not any(w.isdigit() and int(w) <= 31 for w in words)
        ):
            return months[0], months[1]
        if months:
            return None
        return next((SEASONS[w] for w in words if w in SEASONS), None)


# Words that make a year approximate; such a year orders only against years APPROXIMATE_GAP
# or more away ("around 1527" is not clearly before 1529).
APPROXIMATE = {"about", "around", "c.", "circa", "ca.", "approximately"}
APPROXIMATE_GAP = 3

# Seasons of the northern year (a lesson's "winter" may be either end of a year: none).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}


# What may follow a cut: modifiers and further clauses, never a part the words before
# the cut need ("forced Charles Elliot, the Superintendent, to hand over ...").
# Parts of speech a whole clause never ends on.
OPEN_ENDS = {"CCONJ", "SCONJ", "DET", "ADP", "PART", "AUX", "PRON"}
DETACHABLE = {
    "relcl",
    "advcl",
    "advmod",
    "conj",
    "appos",
    "acl",
    "npadvmod",
    "punct",
    "cc",
    "parataxis",
}


def complete_before(doc, cut: int, also: frozenset[str] = frozenset()) -> bool:
    """The words before token `cut` need nothing after it ("Arabanoo and, later, ..."
    ends on a word that asks for more); `also` names more relations that may be cut."""
    if cut == 0 or doc[cut - 1].pos_ in OPEN_ENDS:
        return False
    for token in doc[cut + 1 :]:
        if token.head.i >= cut or token.head.i == token.i:
            continue
        if token.dep_ not in DETACHABLE and token.dep_ not in also:
            return False
        if token.dep_ == "conj" and any(c.dep_ == "cc" and c.i < cut for c in token.head.children):
            return False  # "A and, later, B": the list's "and" stands before the cut
        if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
            return False  # "an army of Colombians, Peruvians and Chileans": one list
    return True


# Words that tell an event's place in the order (F5: "The first bill ... was defeated",
# "After a new route was surveyed, Parliament approved ..."): an opening clause or
# adverb of sequence is cut; an event naming its own rank in time is left out.
SEQUENCE_ADVERB = re.compile(
    r"^(?:then|finally|later|next|eventually|afterwards|subsequently|soon|at last|in the end"
    r"|at first|in time)\b,?\s+",
    re.I,
)
SEQUENCE_CLAUSE = re.compile(r"^(?:after|before|following|once|until|when)\b[^,]{3,}?,\s+", re.I)
SEQUENCE_WORD = re.compile(
    # "further": "Aldo went further and denied ..." - a step beyond one the reader is shown.
    r"\b(?:first|last|final|finally|then|later|earlier|previous|afterwards|again|second|third"
    r"|further)\b",
    re.I,
)


# "The first bill to authorise the line", "The last Allied soldiers were evacuated": the
# ordinal goes, "The bill ..." says the same. Only before a noun that what follows names, or a
# plural (the whole group): "the first of the voyages" has no noun to keep, "the last natural
# case" says nothing without "last" (F7), and such events are left out.
ORDINAL_BEFORE_NOUN = re.compile(
    r"\b((?i:the|a)) (?:first|second|third|last|final) (?=(?!of )"
    r"(?:[a-z]+ (?:to|for|of|that|which|against|between|from|on|in|at|by) "
    r"|(?:[a-zA-Z]+ ){0,2}[a-z]+s (?:were|had|have|are|left|returned)\b))",
)
# "the Third Estate", "The Second Continental Congress": an ordinal in a name tells no order.
NAME_ORDINAL = re.compile(r"\b(?i:the) (?:First|Second|Third|Last|Final)(?= [A-Z])")
# "Pope Alexander first set a line", "The Office was set up later": the adverb goes.
# Also before a common irregular past ("Peru finally won its independence", F7).
IRREGULAR_PAST = (
    "won|became|began|came|fell|took|gave|made|left|met|sent|rose|went|saw|held|led|fought"
    "|found|built|brought|wrote|struck|ran|drove|chose|spoke|sold|told|grew|lost|paid|set|broke"
)
ADVERB_BEFORE_VERB = re.compile(
    rf" (?:first|finally|eventually|then)(?= (?:[a-z]+ed|{IRREGULAR_PAST})\b)"
)
ADVERB_AT_END = re.compile(
    r"(?<!days)(?<!weeks)(?<!years)(?<!months) (?:later|afterwards|eventually)$"
)
# "published two days after independence": its place beside another event.
SPAN_AFTER = re.compile(r"\b(?:days?|weeks?|months?|years?) (?:after|before|later|earlier)\b")


# "the villa later known as Belmont": a name given, not a place in the sequence.
LATER_NAME = re.compile(r"\blater (?=(?:known|called|named|renamed)\b)")
# "was born on Mer and later worked as a gardener": a second claim, after the dated one.
LATER_CLAUSE = re.compile(r",? and (?:later|afterwards|eventually|subsequently) [a-z]+ .*$")


def without_sequence_words(text: str) -> str | None:
    """The event without an opening of sequence, or None when it still tells its order."""
    text = LATER_CLAUSE.sub("", LATER_NAME.sub("", text))
    text = SEQUENCE_CLAUSE.sub("", SEQUENCE_ADVERB.sub("", text))
    text = ORDINAL_BEFORE_NOUN.sub(lambda m: m.group(1) + " ", text)
    text = ADVERB_AT_END.sub("", ADVERB_BEFORE_VERB.sub("", text))
    told = SEQUENCE_WORD.search(NAME_ORDINAL.sub("the", text))
    if len(text.split()) < 2 or told or SPAN_AFTER.search(text):
        return None
    return capitalise(text)


def ordering(events: list[DatedEvent]) -> GeneratedQuestion | None:
    """Put four or five events in the order they happened.

    Two events must differ in year, or in month (or day) when both dates give them, so
    that the order is not open to dispute.
    """
    told = [(e, without_sequence_words(e.text)) for e in events]
    candidates = sorted(
        (
            replace(e, text=text)
            for e, text in told
            if text is not None and _reads_whole(e, text) and len(text.split()) <= MAX_EVENT_WORDS
        ),
        key=lambda e: e.when,
    )
    # The longest chain of events each clearly after the one before.
    best: list[list[DatedEvent]] = []
    for index, event in enumerate(candidates):
        chains = [best[i] for i in range(index) if _clearly_after(candidates[i], event)]
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
    # The dates, shown at review: each event as the item shows it.
    question.note = "; ".join(f"{event.date_text}: {event.text}" for event in chosen)
    shuffled = seeded_shuffle(items, question.seed)
    if shuffled == items:
        shuffled = items[1:] + items[:1]
    question.choices = shuffled
    return question


def _reads_whole(event: DatedEvent, text: str) -> bool:
    """Three words or more, or a name and its deed in the past ("Marek died"; not "Work
    began", nor "Marek hanged" cut from "was captured and hanged")."""
    words = text.split()
    if len(words) >= 3:
        return True
    doc = event.sentence.doc
    return (
        len(words) == 2
        and any(t.text == words[0] and t.pos_ == "PROPN" for t in doc)
        and any(t.text == words[1] and t.tag_ == "VBD" for t in doc)
    )


def _clearly_after(first: DatedEvent, then: DatedEvent) -> bool:
    earlier, later = first.when, then.when
    if first.approximate or then.approximate:
        return later[0] - earlier[0] >= APPROXIMATE_GAP
    if (first.season or then.season) and later[0] == earlier[0] and earlier[1] and later[1]:
        # "summer of 1187" comes before October, not before August.
        return (first.season or (earlier[1],) * 2)[1] < (then.season or (later[1],) * 2)[0]
    if later[0] != earlier[0]:
        return later[0] > earlier[0]
    if not (earlier[1] and later[1]) or later[1] != earlier[1]:
        return bool(earlier[1] and later[1]) and later[1] > earlier[1]
    return bool(earlier[2] and later[2]) and later[2] > earlier[2]

"""One entity per lesson: full and short names joined, one kind by majority vote.

spaCy tags mentions sentence by sentence and often disagrees with itself ("Stalin" a
PERSON here, an ORG there). The lesson-level view fixes that: mentions whose names
share tokens are one entity, and the entity's kind is what most of its mentions say,
after a head-noun rule ("... Party" is an organisation, "... Trials" an event).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from quizzes.generation.nlp import EVENT_HEADS, ORG_HEADS, PLACE_HEADS

PERSON, PLACE, ORGANISATION, EVENT, GROUP, DATE, NUMBER = (
    "person",
    "place",
    "organisation",
    "event",
    "group",
    "date",
    "number",
)
NAMED_KINDS = (PERSON, PLACE, ORGANISATION, EVENT, GROUP)
LABEL_KINDS = {
    "PERSON": PERSON,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "ORG": ORGANISATION,
    "EVENT": EVENT,
    "LAW": EVENT,
    "NORP": GROUP,
    "DATE": DATE,
    "CARDINAL": NUMBER,
    "QUANTITY": NUMBER,
    "MONEY": NUMBER,
    "PERCENT": NUMBER,
}
POSSESSIVE = ("'s", "’s", "'", "’")
HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Mention:
    """Where an entity stands in one sentence (character offsets into its text)."""

    sentence: int  # index into the lesson's parsed sentences
    start: int
    end: int
    text: str
    label_kind: str
    after_the: bool
    plural: bool
    token_start: int
    token_end: int


@dataclass
class Entity:
    name: str  # the fullest name the lesson uses
    kind: str
    names: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    takes_the: bool = False
    plural: bool = False

    @property
    def short_name(self) -> str:
        """A person's surname ("Zinoviev" for "Grigory Zinoviev"); others keep the name."""
        return self.name.split()[-1] if self.kind == PERSON else self.name

    def is_alias(self, text: str) -> bool:
        return normalise(text) in {normalise(name) for name in self.names}


def normalise(text: str) -> str:
    """Lower case, no leading article, no possessive, single spaces."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(r"^(the|a|an)\s+", "", text)
    for ending in POSSESSIVE:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return text.strip(" ,.;:")


def clean_span(span: Span) -> Span | None:
    """The span without a leading article, a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _kind_by_head(span: Span, label_kind: str) -> str:
    head = span[-1].lower_
    if label_kind in (DATE, NUMBER, PERSON):
        return label_kind
    if head in EVENT_HEADS:
        return EVENT
    if head in ORG_HEADS:
        return ORGANISATION
    if head in PLACE_HEADS and label_kind != GROUP:
        return PLACE
    return label_kind


def mentions_in(doc: Doc, sentence: int) -> list[Mention]:
    """Entity mentions of one parsed sentence, cleaned, with a first guess at the kind."""
    found = []
    for ent in doc.ents:
        label_kind = LABEL_KINDS.get(ent.label_)
        if label_kind is None:
            continue
        span = clean_span(ent)
        if span is None:
            continue
        if label_kind in (DATE, NUMBER) and not HAS_DIGIT.search(span.text):
            continue  # "decades", "many": too vague to ask about
        if label_kind in NAMED_KINDS and not any(t.pos_ == "PROPN" or t.is_title for t in span):
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        found.append(
            Mention(
                sentence=sentence,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label_kind=_kind_by_head(span, label_kind),
                after_the=before == "the",
                plural=span[-1].tag_ in ("NNS", "NNPS"),
                token_start=span.start,
                token_end=span.end,
            )
        )
    return found


def _joins(short: str, long: str) -> bool:
    short_tokens, long_tokens = short.split(), long.split()
    if len(short_tokens) >= len(long_tokens):
        return False
    n = len(short_tokens)
    return any(long_tokens[i : i + n] == short_tokens for i in range(len(long_tokens) - n + 1))


def build_entities(docs: list[Doc]) -> list[Entity]:
    """The lesson's entities: names joined, kinds decided by majority vote."""
    mentions = [m for index, doc in enumerate(docs) for m in mentions_in(doc, index)]
    by_name: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_name.setdefault(normalise(mention.text), []).append(mention)

    def majority(items: list[Mention]) -> str:
        return Counter(m.label_kind for m in items).most_common(1)[0][0]

    # Longest names first, so "Zinoviev" joins "Grigory Zinoviev", never the reverse.
    names = sorted(by_name, key=lambda name: (-len(name.split()), name))
    owner: dict[str, str] = {}
    for name in names:
        kind = majority(by_name[name])
        if kind in (DATE, NUMBER):
            continue
        for longer in names:
            if longer in owner or not _joins(name, longer):
                continue
            longer_kind = majority(by_name[longer])
            same_person = longer_kind == PERSON and len(name.split()) == 1
            if longer_kind == kind or (same_person and longer.split()[-1] == name):
                owner[name] = longer
                break
    groups: dict[str, list[str]] = {}
    for name in names:
        root = name
        while root in owner:
            root = owner[root]
        groups.setdefault(root, []).append(name)

    entities = []
    for members in groups.values():
        items = [m for name in members for m in by_name[name]]
        fullest = max(items, key=lambda m: (len(m.text.split()), len(m.text), m.text))
        entities.append(
            Entity(
                name=fullest.text,
                kind=majority(items),
                names={m.text for m in items},
                mentions=sorted(items, key=lambda m: (m.sentence, m.start)),
                takes_the=sum(m.after_the for m in items) * 2 > len(items),
                plural=Counter(m.plural for m in items).most_common(1)[0][0],
            )
        )
    return sorted(entities, key=lambda e: (e.mentions[0].sentence, e.mentions[0].start))


def entity_for(entities: list[Entity], sentence: int, start: int) -> Entity | None:
    """The entity with a mention starting at this place, if any."""
    for entity in entities:
        for mention in entity.mentions:
            if mention.sentence == sentence and mention.start == start:
                return entity
    return None

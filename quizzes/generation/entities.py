"""One entity per lesson: full and short names joined, one kind by majority vote.

spaCy tags mentions sentence by sentence and often disagrees with itself ("Stalin" a
PERSON here, an ORG there). The lesson-level view fixes that: mentions whose names
share tokens are one entity, and the entity's kind is what most of its mentions say,
after a head-noun rule ("... Party" is an organisation, "... Trials" an event).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from quizzes.generation.entity_words import (
    COMPASS,
    DOCUMENT_HEADS,
    LANGUAGE_NAMES,
    LINKING,
    PERSON_NOUNS,
    PERSONAL_TITLES,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    THING_NOUNS,
    TITLES,
)
from quizzes.generation.fallbacks import KNOWN_PLACES
from quizzes.generation.names import unshared_short_forms
from quizzes.generation.nlp import EVENT_HEADS, MONTH_NAMES, ORG_HEADS, PLACE_HEADS

PERSON, PLACE, ORGANISATION, EVENT, GROUP, DATE, NUMBER = (
    "person",
    "place",
    "organisation",
    "event",
    "group",
    "date",
    "number",
)
DOCUMENT = "document"
LANGUAGE = "language"
NAMED_KINDS = (PERSON, PLACE, ORGANISATION, EVENT, GROUP, DOCUMENT)
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
    "LANGUAGE": LANGUAGE,
    # Names the tagger cannot place: kept only when the grammar says what they are.
    "PRODUCT": "unknown",
    "WORK_OF_ART": "unknown",
}
POSSESSIVE = ("'s", "’s", "'", "’")
HAS_DIGIT = re.compile(r"\d")
RELATIVE_DATE_WORDS = {"next", "following", "previous", "same", "preceding"}
TIE_ORDER = (PLACE, PERSON, ORGANISATION, EVENT, DOCUMENT, GROUP, LANGUAGE, DATE, NUMBER)
ROMAN = re.compile(r"^[IVX]{1,4}$")


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
    cue: bool = False  # the grammar, not only the tagger, says what it is
    title: str = ""  # the title before the name ("prince"), lower case


@dataclass
class Entity:
    name: str  # the fullest name the lesson uses
    kind: str
    names: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    takes_the: bool = False
    plural: bool = False
    certain: bool = True  # every mention agrees on the kind (or grammar settled it)
    # A person's short forms a student may write that no other name of the lesson shares.
    short_forms: tuple[str, ...] = ()
    full_names: tuple[str, ...] = ()  # fuller forms only the key points write

    @property
    def short_name(self) -> str:
        """A person's surname ("Zinoviev" for "Grigory Zinoviev"); others keep the name."""
        if self.kind != PERSON:
            return self.name
        parts = self.name.split()
        if len(parts) == 2 and ROMAN.match(parts[1]) or "the" in parts:
            return parts[0]  # "Darius I", "Edward the Confessor": the name comes first
        return parts[-1]

    def is_alias(self, text: str) -> bool:
        return normalise(text) in {normalise(name) for name in self.names}


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower case, no leading article, no possessive, single spaces."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(r"^(the|a|an)\s+", "", text)
    for ending in POSSESSIVE:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return text.strip(" ,.;:")


def _cut_after_number(span: Span) -> Span:
    """ "Article 231 Germany": the tagger ran a name with a number on into the next name."""
    for offset, token in enumerate(span[:-1]):
        if HAS_DIGIT.search(token.text) and span[offset + 1].pos_ == "PROPN":
            return span[: offset + 1]
    return span


def clean_span(span: Span) -> Span | None:
    """The span without a leading article, a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in {"the", "a", "an", "many", "most", "some", "few", "all", "several"}
        or doc[start].is_punct
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")
    ):
        end -= 1  # "Okubo Toshimichi of": the tagger ran into the next phrase
    # The tagger sometimes keeps only the last word of a name ("Taiping Heavenly [Kingdom]"):
    # capitalised words compounding into the name belong to it.
    while (
        start > 0
        and start < end
        and doc[start - 1].is_title
        and not doc[start - 1].is_stop  # "Many Persians": a quantifier, not a name
        and doc[start - 1].pos_ in ("PROPN", "ADJ")
        and doc[start - 1].dep_ in ("compound", "amod")
        and doc[start - 1].head.i in range(start, end)
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    # "Austria-Hungary": a hyphen with no spaces joins the two halves into one name.
    while start > 1 and doc[start - 1].text in "-–" and not doc[start - 2].whitespace_:
        start -= 2
    while end + 1 < len(doc) and doc[end].text in "-–" and not doc[end].whitespace_:
        if not doc[end - 1].whitespace_ and doc[end + 1].is_title:
            end += 2
        else:
            break
    return doc[start:end] if end > start else None


def _kind_by_head(span: Span, label_kind: str) -> str:
    head = span[-1].lower_
    if head in DOCUMENT_HEADS and label_kind != DATE:
        return DOCUMENT
    if span[-1].pos_ == "ADJ" and label_kind in NAMED_KINDS:
        return GROUP  # "Saharan", "Ottoman": an adjective names no place or person
    if label_kind == PERSON and span[-1].tag_ == "NNPS" and head.endswith("s"):
        return GROUP  # "the Mamluks": a people, not a person
    if label_kind in (DATE, NUMBER):
        return label_kind
    if label_kind == PERSON and len(span) == 1 and re.search(r"[a-z][A-Z]|^[A-Z]{2,}$", span.text):
        return ORGANISATION  # "ExComm", "NKVD": no one's name is written so
    if (
        span[-1].dep_ in ("amod", "compound")
        and span[-1].head.pos_ == "NOUN"
        and re.search(r"(an|ian|ese|ish|ic)$", span[-1].lower_)
    ):
        return GROUP  # "Saharan mines": a demonym used as an adjective
    if head in EVENT_HEADS:
        return EVENT
    if head in ORG_HEADS:
        return ORGANISATION
    if head in PLACE_HEADS and label_kind != GROUP:
        return PLACE
    return label_kind


def _is_title_only(span: Span) -> bool:
    """ "Archbishop", "Emperor": a capitalised title, not a name."""
    return all(t.lower_ in TITLES or t.lemma_.lower() in PERSON_NOUNS for t in span)


def _kind_by_context(span: Span, label_kind: str) -> str | None:
    """Grammar that says what a name is: "X, the historian", "the city of X", "X, who"."""
    if label_kind not in NAMED_KINDS:
        return None
    doc, last = span.doc, span[-1]
    if label_kind in (PERSON, GROUP) and (span[0].ent_type_ == "NORP" or span[0].pos_ == "ADJ"):
        return GROUP  # "a young Bosnian Serb": a people, not a name
    if (
        last.tag_ == "NNPS"
        and last.lower_ not in PLACE_HEADS
        and normalise(span.text) not in KNOWN_PLACES
    ):
        return GROUP  # "the South Slavs", "the Mamluks": a people
    for child in last.children:
        if child.dep_ != "appos":
            continue
        heads = {child.lemma_.lower()} | {
            c.lemma_.lower() for c in child.children if c.dep_ == "conj"
        }
        if heads & PERSON_NOUNS:
            return PERSON
        if heads & PLACE_NOUNS:
            return PLACE
        if heads & (ORG_HEADS | {"society", "movement", "group", "organisation"}):
            return ORGANISATION  # "the Black Hand, a secret society"
    for child in last.children:
        if child.dep_ == "relcl" and child.left_edge.lower_ == "who" and label_kind != GROUP:
            return PERSON
    if label_kind != GROUP and _said_of_a_person(span):
        return PERSON
    for neighbour in [*last.children, last.head]:
        linked = neighbour.dep_ == "conj" or last.dep_ == "conj" and neighbour is last.head
        kind = LABEL_KINDS.get(neighbour.ent_type_)
        if linked and neighbour.i not in range(span.start, span.end) and kind in (PERSON, PLACE):
            return kind  # "Athens and Eretria": names in a list are of one kind
    root = span.root
    if root.head.lemma_ in ("call", "name", "know") and root.head.dep_ == "acl":
        # "a student movement called Young Bosnia": the noun says what the name is.
        noun = root.head.head.lemma_.lower()
        if noun in ORG_HEADS or noun in ("movement", "society", "group", "organisation"):
            return ORGANISATION
        if noun in PLACE_NOUNS:
            return PLACE
        return PERSON if noun in PERSON_NOUNS else "thing"
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lemma_.lower() in PERSON_NOUNS | TITLES:
        return PERSON  # "the polemarch Callimachus", "king Darius"
    if (
        label_kind == PERSON
        and before is not None
        and before.lemma_.lower() in THING_NOUNS
        and span.root.head.i == before.i
    ):
        return "thing"  # "the ships Dartmouth": a common noun says what it is
    if (
        before is not None
        and before.lower_ == "of"
        and span.start > 1
        and doc[span.start - 2].lemma_.lower() in PLACE_NOUNS
    ):
        return PLACE  # "the city of Plataea"
    head = span.root.head
    if label_kind == PERSON and span.root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:
        return PLACE
    if span.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COMPASS:
        return PLACE  # "north of Kyiv"
    if span.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in TITLES:
        return PERSON  # "the Duke of Medina Sidonia": the title names a person
    return None


PERSONAL_PRONOUNS = {"he", "his", "him", "she", "her"}


def _said_of_a_person(span: Span) -> bool:
    """Grammar only a person takes (F20: "Vesalius", tagged a place three times of four):
    "a young professor ..., X," (the name beside a word for a person), "X was born in",
    or "X studied ..., where he gained his doctorate" (the subject, and a "he" or "his"
    later with no other person or name between)."""
    doc, root = span.doc, span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS:
        return True
    if root.dep_ == "nsubjpass" and root.head.lower_ == "born":
        return True
    if root.dep_ != "nsubj" or root.head.dep_ != "ROOT":
        return False
    for token in doc[span.end :]:
        if (
            token.ent_type_ == "PERSON"
            or token.lemma_.lower() in PERSON_NOUNS
            or token.pos_ == "PROPN"
            and token.dep_ in ("nsubj", "nsubjpass")
        ):
            return False  # "X met Y, and his ...", "X died, and Y was baptised on his ..."
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            return True
    return False


def _demonym_of(name: str, groups: list[str]) -> bool:
    """ "Sparta" beside "Spartans": the name is a place its people are named after."""
    stem = name.lower()[:-1] if len(name) > 4 else name.lower()
    return any(
        g.lower().startswith(stem) and g.lower().endswith(("ans", "ns", "ese", "ites"))
        for g in groups
        if g.lower() != name.lower()
    )


def _described_names(doc: Doc) -> list[Span]:
    """Names the tagger missed but an appositive describes ("Hippias, the exiled tyrant"),
    or grammar only a person takes ("Vesalius was born in ...")."""
    spans = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        span = doc[start : token.i + 1]
        described = any(c.dep_ == "appos" and c.pos_ in ("NOUN", "ADJ") for c in token.children)
        if not described and not _said_of_a_person(span):
            continue
        if not any(t.ent_type_ for t in span):
            spans.append(span)
    return spans


# Peers' titles: "Lord Liverpool", "the Earl of Derby" name a man by a place, so the title
# stays in the name (bare, the place reads as the city).
PEERS = {"Lord", "Lady"}
PEERS_OF = {"Duke", "Duchess", "Earl", "Marquess", "Marquis", "Viscount", "Count", "Countess"}


def _peer_span(span: Span) -> Span | None:
    """The span widened to the peer's title that holds it, when the title is the name:
    "Liverpool" in "Lord Liverpool" -> "Lord Liverpool"; "the Duke of Orvala" -> "Duke of
    Orvala". None where no title holds it or the title follows another name ("Harold, Earl
    of Wessex": the place of his earldom)."""
    doc = span.doc
    words = [t for t in span if t.text not in PEERS | PEERS_OF | {"of"}]
    if not 1 <= len(words) <= 2 or any(t.pos_ != "PROPN" for t in words):
        return None
    first = words[0].i
    if first >= 1 and doc[first - 1].text in PEERS:
        start = first - 1
    elif first >= 2 and doc[first - 1].lower_ == "of" and doc[first - 2].text in PEERS_OF:
        start = first - 2
    else:
        return None
    before = doc[start - 2] if start > 1 and doc[start - 1].text == "," else doc[start - 1]
    if start > 0 and before.ent_type_ == "PERSON" and before.pos_ == "PROPN":
        return None  # "Harold Godwinson, Earl of Wessex": a role after his name
    return doc[start : words[-1].i + 1]


def _peers_untagged(doc: Doc) -> list[Span]:
    """ "Lord Wakefield" where the tagger saw no name: the word after the title."""
    return [
        doc[t.i : t.i + 1]
        for t in doc[1:]
        if doc[t.i - 1].text in PEERS
        and t.pos_ == "PROPN"
        and not t.ent_type_
        and (t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN")
    ]


# Titles that make one name with a single word after them: "Shah Rukh", "Shah Jahan" are
# names, "Rukh" a fragment no reader knows (F9); "Shah Abbas I" still goes by "Abbas I".
PART_OF_THE_NAME = {"shah"}


YEAR_PREPOSITIONS = ("in", "since", "until", "after", "before")


def _bare_year(span: Span) -> bool:
    """ "in 611", "after 659": a lone three- or four-digit number that is the object of
    a preposition of time is a year ("in 611 ships" counts ships; "by 300", "of 600"
    may count)."""
    return (
        len(span) == 1
        and re.fullmatch(r"\d{3,4}", span.text) is not None
        and span[0].dep_ == "pobj"
        and span[0].head.lower_ in YEAR_PREPOSITIONS
    )


def mentions_in(doc: Doc, sentence: int) -> list[Mention]:
    """Entity mentions of one parsed sentence, cleaned, with a first guess at the kind."""
    found = []
    untagged = [(span, "UNTAGGED") for span in _described_names(doc) + _peers_untagged(doc)]
    for ent, label in [(ent, ent.label_) for ent in doc.ents] + untagged:
        label_kind = LABEL_KINDS.get(label, "unknown")
        span = clean_span(ent)
        if span is None:
            continue
        if (
            label_kind in (PLACE, ORGANISATION, "unknown")
            and len(span) > 1
            and span[0].lower_ in PERSONAL_TITLES
            and span[1].pos_ == "PROPN"
        ):
            label_kind = PERSON  # "Prince Louis", "Queen Nzinga": a title makes a person
        if (peer := _peer_span(span)) is not None:
            span, label_kind = peer, PERSON  # "Lord Liverpool" is a man, "Liverpool" a city
        elif label_kind == PERSON:
            # "Lieutenant-General Lord X": the hyphen and the title after it go too.
            while len(span) > 1 and (
                span[0].lower_.rstrip(".") in TITLES or span[0].text in ("-", "–")
            ):
                if len(span) == 2 and span[0].lower_ in PART_OF_THE_NAME:
                    break
                span = span[1:]
            if len(span) > 1 and span[0].lower_ == "of":
                span = span[1:]  # "Duke of Orvala": he goes by the place, as "Orvala"
        if label_kind in (NUMBER, DATE) and re.search(
            r"\d.*\b(to|and|or)\b|\d\s*[–-]|^between\b|\b(to|and|or)\b.*\d", span.text, re.I
        ):
            continue  # a range ("between April and July 1994"): one end alone is no fair answer
        if label_kind == NUMBER and _bare_year(span):
            label_kind = DATE  # "again in 611": a year before 1000 the tagger counted
        if label_kind in NAMED_KINDS:
            span = _cut_after_number(span)
        if label_kind == DATE and {t.lower_ for t in span} & RELATIVE_DATE_WORDS:
            continue  # "the next 150 years": counted from a sentence the reader may not see
        if label_kind == DATE:
            # "On 5 February hundreds of ...": the tagger ran the date into a quantity.
            while (
                len(span) > 1
                and span[-1].is_alpha
                and span[-1].tag_ == "NNS"
                and span[-1].lower_ not in MONTH_NAMES
                and not span[-2].like_num  # "50,000 years" is one measure
            ):
                span = span[:-1]
        if label_kind in NAMED_KINDS and re.search(r"\b(and|or)\b|,", span.text):
            continue  # two names the tagger ran together
        if label_kind == PERSON and span.end < len(doc) and ROMAN.match(doc[span.end].text):
            span = doc[span.start : span.end + 1]  # "Darius I": the numeral is the name
        if label_kind == NUMBER:
            while len(span) > 1 and not HAS_DIGIT.search(span[0].text):
                span = span[1:]  # "about 10,000": the number is the answer
        if ". " in span.text:
            continue  # the tagger ran across a sentence break ("Elizabeth I. English")
        if (
            len(span.text.strip(".")) < 3
            or ROMAN.match(span.text.strip("."))
            or _is_title_only(span)
        ):
            continue
        if label_kind == PERSON and len(span) > 1 and span[-1].lower_ in LANGUAGE_NAMES:
            label_kind = LANGUAGE  # "Norman French": a language, not a person
        context_kind = _kind_by_context(span, PERSON if label_kind == "unknown" else label_kind)
        if label_kind == "unknown" and context_kind is None or context_kind == "thing":
            continue
        cue, label_kind = context_kind is not None, context_kind or label_kind
        if label_kind in (DATE, NUMBER) and not HAS_DIGIT.search(span.text):
            continue  # "decades", "many": too vague to ask about
        if label_kind in NAMED_KINDS and not any(t.pos_ == "PROPN" or t.is_title for t in span):
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        text = span.text
        if text.endswith(".") and (span.end == len(doc) or ROMAN.match(span[-1].text[:-1])):
            text = text[:-1]  # the tokenizer left the full stop on "Richard I."
        found.append(
            Mention(
                sentence=sentence,
                start=span.start_char,
                end=span.start_char + len(text),
                text=text,
                label_kind=_kind_by_head(span, label_kind),
                after_the=before == "the",
                plural=span[-1].tag_ in ("NNS", "NNPS"),
                token_start=span.start,
                token_end=span.end,
                cue=cue,
                title=before if before.rstrip(".") in TITLES else "",
            )
        )
    return found


def _joins(short: str, long: str) -> bool:
    short_tokens, long_tokens = short.split(), long.split()
    if len(short_tokens) >= len(long_tokens):
        return False
    n = len(short_tokens)
    return any(long_tokens[i : i + n] == short_tokens for i in range(len(long_tokens) - n + 1))


def _titled_names(docs: list[Doc]) -> set[str]:
    """Names the lesson uses in a title: "Duke of Medina Sidonia", "Earl of Wessex"."""
    names = set()
    for doc in docs:
        for token in doc[:-2]:
            if token.lower_ in TITLES | PERSON_NOUNS and doc[token.i + 1].lower_ == "of":
                end = token.i + 2
                while end < len(doc) and doc[end].pos_ == "PROPN":
                    end += 1
                if end > token.i + 2:
                    names.add(normalise(doc[token.i + 2 : end].text))
    return names


def _root_of(name: str, owner: dict[str, str]) -> str:
    while name in owner:
        name = owner[name]
    return name


# Mentions that must agree on an entity's kind (a grammar cue counts three times) for it
# to be certain: one stray tag among five mentions no longer casts doubt on a name.
CERTAIN_SHARE = 0.75


def _agreeing_share(items: list[Mention], kind: str) -> float:
    votes = [(3 if m.cue else 1, m.label_kind == kind) for m in items]
    return sum(w for w, agrees in votes if agrees) / sum(w for w, _ in votes)


def build_entities(docs: list[Doc], found: list[list[Mention]] | None = None) -> list[Entity]:
    """The lesson's entities: names joined, kinds decided by majority vote.

    `found` holds each sentence's mentions when the caller has them already.
    """
    if found is None:
        found = [mentions_in(doc, index) for index, doc in enumerate(docs)]
    mentions = [m for sentence_mentions in found for m in sentence_mentions]
    by_name: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_name.setdefault(normalise(mention.text), []).append(mention)

    def majority(items: list[Mention]) -> str:
        votes = Counter()
        for m in items:
            votes[m.label_kind] += 3 if m.cue else 1
        # Ties go to the kind the tagger confuses least with the others.
        return max(TIE_ORDER, key=lambda kind: votes.get(kind, 0))

    # Longest names first, so "Zinoviev" joins "Grigory Zinoviev", never the reverse.
    names = sorted(by_name, key=lambda name: (-len(name.split()), name))
    owner: dict[str, str] = {}
    for name in names:
        kind = majority(by_name[name])
        if kind in (DATE, NUMBER):
            continue
        fits = []
        for longer in names:
            if longer in owner or not _joins(name, longer):
                continue
            longer_kind = majority(by_name[longer])
            short_titles = {m.title for m in by_name[name] if m.title}
            long_titles = {m.title for m in by_name[longer] if m.title}
            if short_titles and long_titles and not short_titles & long_titles:
                continue  # "Prince Louis" is not "King Louis XVI"
            # A person's surname, with any particle ("de Launay"), is that person.
            same_person = longer_kind == PERSON and longer.endswith(" " + name)
            if longer_kind == kind or same_person:
                fits.append(longer)
        # "Kennedy" beside "John F. Kennedy" and "Robert Kennedy": whose it is stays open.
        if len({_root_of(longer, owner) for longer in fits}) == 1:
            owner[name] = fits[0]
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(_root_of(name, owner), []).append(name)

    group_names = [n for n in names if majority(by_name[n]) == GROUP]
    titled = _titled_names(docs)
    entities = []
    for members in groups.values():
        items = [m for name in members for m in by_name[name]]
        fullest = max(items, key=lambda m: (len(m.text.split()), len(m.text), m.text))
        kind = majority(items)
        if kind in (PERSON, ORGANISATION) and (
            _demonym_of(fullest.text, group_names) or normalise(fullest.text) in KNOWN_PLACES
        ):
            kind = PLACE
        if kind == PERSON and any(m.label_kind == GROUP for m in items):
            kind = GROUP  # "a devout Muslim": a word for a people is never one person
        titled_person = normalise(fullest.text) in titled
        if titled_person:
            kind = PERSON  # "the Duke of Medina Sidonia" makes "Medina Sidonia" the duke
        if kind == PERSON and sum(m.after_the for m in items) * 2 > len(items):
            kind = EVENT  # "the Noche Triste": no one's name takes "the"
        entities.append(
            Entity(
                name=fullest.text,
                kind=kind,
                names={m.text for m in items},
                mentions=sorted(items, key=lambda m: (m.sentence, m.start)),
                takes_the=sum(m.after_the for m in items) * 2 > len(items),
                plural=Counter(m.plural for m in items).most_common(1)[0][0],
                certain=(
                    _agreeing_share(items, kind) >= CERTAIN_SHARE
                    or normalise(fullest.text) in KNOWN_PLACES
                )
                and not titled_person,
            )
        )
    for entity in entities:
        if entity.kind == PERSON:
            others = [name for e in entities if e is not entity for name in e.names]
            forms = [f for name in sorted(entity.names) for f in unshared_short_forms(name, others)]
            entity.short_forms = tuple(dict.fromkeys(forms))
    return sorted(entities, key=lambda e: (e.mentions[0].sentence, e.mentions[0].start))


def entity_for(entities: list[Entity], sentence: int, start: int) -> Entity | None:
    """The entity with a mention starting at this place, if any."""
    for entity in entities:
        for mention in entity.mentions:
            if mention.sentence == sentence and mention.start == start:
                return entity
    return None


def related_places(entities: list[Entity], docs: list[Doc]) -> set[frozenset[str]]:
    """Pairs of names the lesson puts one inside the other ("Marathon in Attica")."""
    owner = {}
    for entity in entities:
        for mention in entity.mentions:
            for i in range(mention.token_start, mention.token_end):
                owner[(mention.sentence, i)] = entity
    owner_mentions: dict[int, list[Mention]] = {}
    for entity in entities:
        if entity.kind in (PLACE, GROUP):
            for mention in entity.mentions:
                owner_mentions.setdefault(mention.sentence, []).append(mention)
    pairs = set()
    for entity in entities:
        if entity.kind not in (PLACE, GROUP):
            continue
        for mention in entity.mentions:
            doc = docs[mention.sentence]
            root = doc[mention.token_end - 1]
            links = [root.head]
            if root.dep_ == "pobj" and root.head.lower_ in ("in", "of", "near"):
                links.append(root.head.head)
            if root.dep_ in ("appos", "compound", "amod", "conj"):
                links.append(root.head)
            links += [c for c in root.children if c.dep_ in ("appos", "compound", "amod")]
            # "the Chernobyl plant in Soviet Ukraine": through the noun the name modifies.
            holders = [root, root.head] if root.dep_ in ("compound", "amod") else [root]
            inside = [
                g
                for holder in holders
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "near")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            # "near Hastings in the south of England": through the compass word.
            inside += [
                g
                for place in inside
                if place.lower_ in COMPASS
                for c in place.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            links += inside
            # "Hastings in the south of England": only small words between the names.
            for other_mention in (m for m in owner_mentions[mention.sentence] if m is not mention):
                low, high = sorted((mention, other_mention), key=lambda m: m.token_start)
                between = doc[low.token_end : high.token_start]
                if len(between) <= 6 and all(t.lower_ in LINKING for t in between):
                    links.append(doc[other_mention.token_start])
            for token in links:
                other = owner.get((mention.sentence, token.i))
                if other is not None and other is not entity and other.kind in (PLACE, GROUP):
                    pairs.add(frozenset((entity.name, other.name)))
    return pairs

"""Fine kinds: what sort of person, place, body, event or document a name is.

A wrong option must be of the answer's fine kind, not only its broad one: a city is no
fair choice among countries, a battle none among treaties, a pope none among generals,
and an empress none among men. The lesson itself says most of this: the title before a
name ("General", "Empress"), the noun describing it ("the town of", "X, the governor"),
the noun a name ends in ("... Army", "... Party", "Treaty of ..."), and the pronouns
used of it ("she", "his").
"""

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from quizzes.generation.entities import (
    DOCUMENT,
    EVENT,
    GROUP,
    ORGANISATION,
    PERSON,
    PLACE,
    Entity,
    normalise,
)
from quizzes.generation.entity_words import DOCUMENT_HEADS
from quizzes.generation.fallbacks import COUNTRIES

# Person roles, by the titles and nouns a lesson uses for them.
RULER = {
    "king",
    "queen",
    "emperor",
    "empress",
    "tsar",
    "czar",
    "tsarina",
    "sultan",
    "shah",
    "pharaoh",
    "caliph",
    "mansa",
    "khan",
    "monarch",
    "ruler",
    "regent",
    "shogun",
    "kaiser",
    "tyrant",
    "dictator",
    "prince",
    "princess",
}
CLERIC = {"pope", "bishop", "archbishop", "cardinal", "priest", "monk", "abbot", "patriarch"}
MILITARY = {
    "general",
    "admiral",
    "colonel",
    "captain",
    "commander",
    "marshal",
    "commodore",
    "sergeant",
    "lieutenant",
    "major",
    "soldier",
    "polemarch",
}
OFFICIAL = {
    "president",
    "minister",
    "chancellor",
    "governor",
    "senator",
    "ambassador",
    "premier",
    "viceroy",
    "official",
    "consul",
    "mayor",
    "secretary",
    "diplomat",
    "statesman",
}
NOBLE = {
    "lord",
    "lady",
    "duke",
    "duchess",
    "earl",
    "count",
    "countess",
    "baron",
    "marquis",
    "sir",
    "dame",
}
WRITER = {"historian", "writer", "poet", "philosopher", "scholar", "chronicler", "author"}
ROLES = {
    "writer": WRITER,
    "ruler": RULER,
    "cleric": CLERIC,
    "military": MILITARY,
    "official": OFFICIAL,
    "noble": NOBLE,
}
FEMALE = {
    "queen",
    "empress",
    "princess",
    "tsarina",
    "lady",
    "duchess",
    "countess",
    "baroness",
    "madame",
    "mrs",
    "miss",
    "ms",
    "wife",
    "daughter",
    "mother",
    "sister",
    "widow",
    "woman",
    "nun",
    "abbess",
    "marquise",
}
MALE = {
    "king",
    "emperor",
    "prince",
    "tsar",
    "czar",
    "sultan",
    "shah",
    "pharaoh",
    "caliph",
    "pope",
    "lord",
    "duke",
    "earl",
    "count",
    "baron",
    "marquis",
    "mr",
    "sir",
    "son",
    "father",
    "brother",
    "husband",
    "monk",
    "man",
    "kaiser",
}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}

# Organisations by the noun their name ends in.
ORG_SORTS = {
    "armed force": {
        "army",
        "navy",
        "corps",
        "guard",
        "legion",
        "force",
        "forces",
        "militia",
        "brigade",
        "regiment",
        "fleet",
        "armada",
        "division",
    },
    "party or movement": {
        "party",
        "movement",
        "front",
        "league",
        "society",
        "brotherhood",
        "club",
        "association",
        "union",
        "alliance",
        "federation",
    },
    "company": {"company", "bank", "corporation"},
    # "Congress" names assemblies and parties alike ("the African National Congress").
    "assembly or court": {
        "parliament",
        "senate",
        "assembly",
        "council",
        "committee",
        "court",
        "government",
        "ministry",
        "commission",
        "administration",
        "diet",
        "estate",
        "estates",
        "convention",
        "politburo",
        "cabinet",
    },
    "church": {"church", "order"},
}
EVENT_SORTS = {
    "battle": {
        "battle",
        "siege",
        "landing",
        "raid",
        "invasion",
        "campaign",
        "offensive",
        "massacre",
        "blockade",
        "airlift",
        "expedition",
        "march",
    },
    "war or revolt": {
        "war",
        "wars",
        "revolution",
        "rebellion",
        "revolt",
        "uprising",
        "mutiny",
        "crusade",
        "coup",
        "riots",
        "strike",
    },
    "meeting": {"conference", "congress", "summit", "convention", "council"},
    "trial": {"trial", "trials", "purge"},
}
TREATY_HEADS = {"treaty", "pact", "agreement", "accord", "accords", "armistice", "protocol"}
DOCUMENT_SORTS = {"treaty": TREATY_HEADS, "law or charter": DOCUMENT_HEADS - TREATY_HEADS}
PLACE_CUES = {
    "city": "town",
    "town": "town",
    "village": "town",
    "port": "town",
    "capital": "town",
    "province": "province",
    "region": "province",
    "colony": "province",
    "territory": "province",
    "state": "province",
    "kingdom": "country",
    "country": "country",
    "empire": "country",
    "republic": "country",
    "island": "land",
    "river": "water",
    "lake": "water",
    "sea": "water",
    "bay": "water",
}
WATER = {"sea", "ocean", "gulf", "river", "lake", "canal", "strait", "straits", "bay", "channel"}
LAND = {"peninsula", "island", "islands", "mountains", "valley", "desert", "plateau", "plain"}
COUNTRY_HEADS = {"empire", "kingdom", "republic", "union", "sultanate", "caliphate", "state"}


# A regnal number ending a name: "Pedro IV", "Louis XVI", "Charles V".
REGNAL = re.compile(r"\s[IVX]{1,6}$")


@dataclass(frozen=True)
class FineKind:
    """What sort of thing a name is, as far as the lesson says; None where it does not."""

    sort: str | None = None
    gender: str | None = None
    titles: frozenset[str] = frozenset()  # title words the lesson puts before the name

    def clashes(self, other: "FineKind") -> bool:
        """Both known and different: one may not stand among the other's options."""
        sort_clash = self.sort and other.sort and self.sort != other.sort
        gender_clash = self.gender and other.gender and self.gender != other.gender
        return bool(sort_clash or gender_clash)


def _sort_by_head(words: list[str], sorts: dict[str, set[str]]) -> str | None:
    # "Treaty of Wuchale": the noun before "of" says what it is; else the last word.
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    for sort, heads in sorts.items():
        if head in heads:
            return sort
    return None


def place_sort_of(name: str) -> str | None:
    """A place's sort by its name alone: water, land, country or None."""
    words = normalise(name).split()
    if not words:
        return None
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head in WATER:
        return "water"
    if head in LAND:
        return "land"
    if head in COUNTRY_HEADS or normalise(name) in COUNTRIES:
        return "country"
    return None


def _person_kind(entity: Entity, docs: list[Doc]) -> FineKind:
    roles: Counter = Counter()
    genders: Counter = Counter()
    titles: set[str] = set()
    for mention in entity.mentions:
        doc = docs[mention.sentence]
        before = doc[mention.token_start - 1].lower_ if mention.token_start > 0 else ""
        if before and doc[mention.token_start - 1].is_title:
            titles.add(before)
        described = [before]
        last = doc[mention.token_end - 1]
        described += [c.lemma_.lower() for c in last.children if c.dep_ == "appos"]
        if last.head.lemma_.lower() in OFFICIAL | MILITARY | RULER and last.dep_ == "compound":
            described.append(last.head.lemma_.lower())
        for word in described:
            for role, words in ROLES.items():
                if word in words:
                    roles[role] += 1
            if word in FEMALE:
                genders["female"] += 1
            elif word in MALE:
                genders["male"] += 1
        # Pronouns only speak for the name when it is the one person of its sentence.
        persons = {e for e in doc.ents if e.label_ == "PERSON"}
        if len(persons) <= 1 and last.dep_ in ("nsubj", "nsubjpass"):
            pronouns = {t.lower_ for t in doc if t.pos_ == "PRON"}
            if pronouns & FEMALE_PRONOUNS and not pronouns & MALE_PRONOUNS:
                genders["female"] += 1
            elif pronouns & MALE_PRONOUNS and not pronouns & FEMALE_PRONOUNS:
                genders["male"] += 1
    role = roles.most_common(1)[0][0] if roles else None
    if role is None and REGNAL.search(entity.name):
        role = "ruler"  # "Pedro IV": a numbered name is a monarch's (or a pope's, titled)
    gender = genders.most_common(1)[0][0] if genders and len(genders) == 1 else None
    return FineKind(role, gender, frozenset(titles))


def _place_kind(entity: Entity, docs: list[Doc]) -> FineKind:
    by_name = place_sort_of(entity.name)
    if by_name:
        return FineKind(by_name)
    cues: Counter = Counter()
    for mention in entity.mentions:
        doc = docs[mention.sentence]
        start = mention.token_start
        # "the town of Adwa", "the city of Plataea".
        if start > 1 and doc[start - 1].lower_ == "of":
            cue = PLACE_CUES.get(doc[start - 2].lemma_.lower())
            if cue:
                cues[cue] += 1
        last = doc[mention.token_end - 1]
        for child in last.children:
            if child.dep_ == "appos" and child.lemma_.lower() in PLACE_CUES:
                cues[PLACE_CUES[child.lemma_.lower()]] += 1
    return FineKind(cues.most_common(1)[0][0] if cues else None)


def fine_kinds(entities: list[Entity], docs: list[Doc]) -> dict[str, FineKind]:
    """Each entity's fine kind by its fullest name, from what the lesson says of it."""
    found = {}
    for entity in entities:
        words = normalise(entity.name).split()
        if not words:
            continue
        if entity.kind == PERSON:
            kind = _person_kind(entity, docs)
        elif entity.kind == PLACE:
            kind = _place_kind(entity, docs)
        elif entity.kind == ORGANISATION:
            kind = FineKind(_sort_by_head(words, ORG_SORTS))
        elif entity.kind == EVENT:
            kind = FineKind(
                _sort_by_head(words, EVENT_SORTS)
                or ("treaty" if _sort_by_head(words, DOCUMENT_SORTS) == "treaty" else None)
            )
        elif entity.kind == DOCUMENT:
            kind = FineKind(_sort_by_head(words, DOCUMENT_SORTS))
        elif entity.kind == GROUP:
            plural = bool(re.search(r"s$", words[-1]))
            kind = FineKind("people" if plural else "adjective")
        else:
            kind = FineKind()
        found[entity.name] = kind
    return found


def fine_kind_of_name(name: str, kind: str) -> FineKind:
    """The fine kind a curated or course name shows by itself (no lesson text to read)."""
    words = normalise(name).split()
    if not words:
        return FineKind()
    if kind == PLACE:
        return FineKind(place_sort_of(name))
    if kind == ORGANISATION:
        return FineKind(_sort_by_head(words, ORG_SORTS))
    if kind == EVENT:
        return FineKind(_sort_by_head(words, EVENT_SORTS))
    if kind == DOCUMENT:
        return FineKind(_sort_by_head(words, DOCUMENT_SORTS))
    if kind == PERSON:
        first = words[0]
        gender = "female" if first in FEMALE else "male" if first in MALE else None
        role = next((role for role, titles in ROLES.items() if first in titles), None)
        if role is None and REGNAL.search(name):
            role = "ruler"
        return FineKind(role, gender, frozenset([first]) if role or gender else frozenset())
    return FineKind()


def cue_before(doc: Doc, token_start: int) -> str:
    """The title or place noun right before a name ("Pope", "the city of"), or ""."""
    if token_start == 0:
        return ""
    before = doc[token_start - 1]
    word = before.lemma_.lower()
    if before.is_title and any(word in titles for titles in ROLES.values()):
        return before.text
    if word in FEMALE | MALE and before.is_title:
        return before.text
    if word == "of" and token_start > 1 and doc[token_start - 2].lemma_.lower() in PLACE_CUES:
        return f"{doc[token_start - 2].text} of"
    if before.is_title and word in WATER | {"mount", "lake", "river", "fort", "cape"}:
        return before.text
    return ""

"""Names the small tagger calls organisations, read again from what the lesson says of them.

spaCy's small English model tags many Roman, Inca and Carthaginian names as ORG
("Hannibal", "Gaius Julius Caesar") and some battle sites too ("Cannae"). A name whose
last word is no body word ("Party", "Army", "Council") is a person when the lesson
treats it as one (a title before it, a human verb after it, "his son", a person noun
beside it) and a place when every mention stands after "at", "in", "near" or "from".
"""

from spacy.tokens import Doc, Token

from quizzes.generation.distractors import names_a_body
from quizzes.generation.entities import ORGANISATION, PERSON, PLACE, Entity
from quizzes.generation.entity_words import PERSON_NOUNS, PERSONAL_TITLES, TITLES

# Verbs whose subject is a person, not a body.
HUMAN_VERBS = {
    "die",
    "marry",
    "flee",
    "hope",
    "fear",
    "believe",
    "want",
    "refuse",
    "reply",
    "beg",
    "urge",
    "persuade",
    "say",
    "tell",
    "write",
    "bear",
    "kill",
    "murder",
    "assassinate",
    "stab",
    "wound",
    "baptise",
    "baptize",
    "strangle",
    "execute",
    "reign",
    "crown",
    "inherit",
    "defect",
    "abdicate",
    "dress",
    "walk",
    "ride",
    "sail",
    "escape",
    "return",
    "cross",
}
# Nouns a person's possessive goes with ("Caesar's murder", "his sons").
OWNED_BY_PEOPLE = {
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "father",
    "mother",
    "nephew",
    "heir",
    "death",
    "funeral",
    "murder",
    "assassination",
    "statue",
    "life",
    "rise",
    "reign",
    "generals",
    "agents",
    "men",
    "troops",
    "army",
    "circle",
    "regime",
    "leadership",
    "supporters",
    "followers",
    "allies",
    "rivals",
    "enemies",
    "speech",
    "orders",
    "plans",
    "letter",
    "reply",
}
# Callings a lesson puts before a name ("the poet Sarojini Naidu").
CALLINGS = {
    "poet",
    "journalist",
    "lawyer",
    "priest",
    "friar",
    "monk",
    "warrior",
    "chronicler",
    "officer",
    "consul",
    "explorer",
    "scholar",
    "merchant",
    "missionary",
    "activist",
    "minister",
    "chief",
    "commander",
    "astronaut",
    "engineer",
    "scientist",
    "playwright",
    "painter",
    "physician",
    "doctor",
    "seamstress",
    "preacher",
    "pastor",
}
PERSONAL_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "herself"}
PLACE_PREPOSITIONS = {
    "at",
    "in",
    "near",
    "from",
    "to",
    "into",
    "across",
    "outside",
    "towards",
    "on",
    "over",
    "along",
    "around",
    "off",
    "beyond",
    "through",
}
PARTICLES = {"de", "la", "le", "von", "van", "da", "di", "del", "al", "bin", "ibn", "du"}


def _looks_like_a_name(name: str) -> bool:
    words = name.replace("-", " ").split()
    if not words or names_a_body(name) or len(words) > 4:
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words)


def _modifies_a_noun(entity: Entity, docs: list[Doc]) -> bool:
    """ "the Khudai Khidmatgar movement", "Jim Crow laws": a name used before a common
    noun names a thing of that noun's kind, not a person."""
    for mention in entity.mentions:
        last = docs[mention.sentence][mention.token_end - 1]
        if last.dep_ in ("compound", "amod") and last.head.pos_ == "NOUN":
            return True
    return False


def _first_conjunct(token: Token) -> Token:
    """The first item of the list the token stands in ("A, B and C" -> A)."""
    # The small parser hangs a list's last item on the first as an apposition; "the
    # Viceroy, Lord Irwin" (a noun, not a name, first) is no list.
    while token.head.i < token.i and (
        token.dep_ == "conj" or token.dep_ == "appos" and token.head.pos_ == "PROPN"
    ):
        token = token.head
    return token


def _where_follows(head: Token) -> bool:
    """ "X, where soldiers reached the summit": a clause of place hangs on the name."""
    return any(
        c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children) for c in head.children
    )


def _cues(entity: Entity, docs: list[Doc], people: set[str] = frozenset()) -> tuple[int, int]:
    """How many mentions read as a person's, and how many as a place's; `people` holds
    the words of names already known to be people's ("Brutus and Cassius")."""
    person = place = 0
    for mention in entity.mentions:
        doc = docs[mention.sentence]
        head: Token = doc[mention.token_end - 1]
        before = doc[mention.token_start - 1] if mention.token_start else None
        title = before is not None and (
            before.lower_.rstrip(".") in TITLES | PERSONAL_TITLES
            or before.pos_ == "NOUN"
            and before.lemma_.lower() in PERSON_NOUNS | CALLINGS
        )
        human = head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in HUMAN_VERBS
        owns = (
            head.dep_ == "poss"
            and head.head.lower_ in OWNED_BY_PEOPLE | {head.head.lemma_.lower()} & OWNED_BY_PEOPLE
        )
        # "former allies of Lenin", "the murder of Caesar"
        of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        owns = owns or of is not None and of.head.lower_ in OWNED_BY_PEOPLE
        described = any(
            c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in head.children
        )
        pronoun = head.dep_ in ("nsubj", "nsubjpass") and any(
            t.lower_ in PERSONAL_PRONOUNS for t in doc[mention.token_end :]
        )
        partner = any(
            (t.ent_type_ == "PERSON" and people is not None or t.text in (people or ()))
            and t.i not in range(mention.token_start, mention.token_end)
            for t in [*head.conjuncts, head.head if head.dep_ == "conj" else head]
        )
        by = head.head if head.dep_ == "pobj" else None
        led_by = by is not None and by.lower_ == "by" and by.head.lemma_.lower() == "lead"
        if title or human or owns or described or pronoun or partner or led_by:
            person += 1
        elif (
            _where_follows(head)
            or _first_conjunct(head).dep_ == "pobj"
            and (_first_conjunct(head).head.lower_ in PLACE_PREPOSITIONS)
        ):
            place += 1  # "attacks at Lone Pine, the Nek and X": every item is a place
    return person, place


def retype_names(entities: list[Entity], docs: list[Doc]) -> None:
    """Make an organisation (or a place of doubtful kind) a person or a place when the
    lesson's own sentences say which it is."""
    for entity in entities:
        doubtful_place = entity.kind == PLACE and not entity.certain
        if entity.kind != ORGANISATION and not doubtful_place:
            continue
        if not _looks_like_a_name(entity.name):
            continue
        people = {w for e in entities if e.kind == PERSON for n in e.names for w in n.split()}
        person, place = _cues(entity, docs, people)
        if person and not place:
            entity.kind, entity.certain = PERSON, True
        elif not person and entity.kind == ORGANISATION and place == len(entity.mentions):
            entity.kind, entity.certain = PLACE, True
    _bracketed_aliases(entities, docs)


def _bracketed_aliases(entities: list[Entity], docs: list[Doc]) -> None:
    """A name in brackets right after another ("São Salvador (Mbanza Kongo)", "the
    Indian National Congress (INC)") is that one's other name, so of its kind."""
    ending_at = {(m.sentence, m.token_end): e for e in entities for m in e.mentions}
    for entity in entities:
        for mention in entity.mentions:
            doc = docs[mention.sentence]
            start, end = mention.token_start, mention.token_end
            if not (start > 0 and end < len(doc)):
                continue
            if doc[start - 1].text != "(" or doc[end].text != ")":
                continue
            named = ending_at.get((mention.sentence, start - 1))
            if named is not None and named is not entity and named.kind in (PLACE, ORGANISATION):
                entity.kind, entity.certain = named.kind, True
                break


def shown_people(entities: list[Entity], docs: list[Doc]) -> set[str]:
    """People the lesson shows to be people: a name of two words or more, or one the
    sentences treat as a person's ("Cameroon" tagged a person is neither)."""
    shown = set()
    for entity in entities:
        if entity.kind != PERSON or _modifies_a_noun(entity, docs):
            continue
        # Only the lesson's own cues count here, not the tagger's labels of a neighbour.
        person, place = _cues(entity, docs, None)
        named = len(entity.name.split()) >= 2 and _looks_like_a_name(entity.name)
        if person > place or named and not place:
            shown.add(entity.name)
    return shown

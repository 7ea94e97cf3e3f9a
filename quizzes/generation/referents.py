"""Who a sentence's "he" or "she" is, where the lesson leaves no doubt: the lesson's main
person, when the sentence before has that person as its subject ("Alexander became king in
336 BC. In 334 BC he crossed into Asia Minor.")."""

from quizzes.generation.entities import PERSON, Entity
from quizzes.generation.selection import LessonSentence

SUBJECT_PRONOUNS = {"he", "she"}


def main_person(entities: list[Entity]) -> Entity | None:
    """The person named in more sentences than any other, or None for a tie or nobody."""
    people = [e for e in entities if e.kind == PERSON and e.certain and not e.plural]
    ranked = sorted(people, key=_sentences_naming)
    if (
        not ranked
        or len(ranked) > 1
        and _sentences_naming(ranked[-1]) == _sentences_naming(ranked[-2])
    ):
        return None
    return ranked[-1]


def _sentences_naming(entity: Entity) -> int:
    return len({m.sentence for m in entity.mentions})


def _a_name(token) -> bool:
    """A name that is no date's ("In 334 BC he ...", "On 5 April he ...")."""
    return token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and token.ent_type_ != "DATE"


def _subject(sentence: LessonSentence):
    root = next((t for t in sentence.doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def pronoun_referents(sentences: list[LessonSentence], entities: list[Entity]) -> dict[int, str]:
    """For each sentence whose main subject is a "he" or "she" that stands for the lesson's
    main person, that person's name as the sentence before wrote it. The sentence before
    must come right before and have the person (or such a "he") as its main subject: after
    "Clara Holt joined the school", a "he" may be anyone; and neither sentence may name
    another person ("Aldo Venn met Piet Orvan. In 1827 he ...": either man)."""
    person = main_person(entities)
    if person is None:
        return {}
    mentions = {m.sentence: m for m in person.mentions}
    # Sentences naming someone else: a "he" beside them may be that person.
    crowded = {
        m.sentence for e in entities if e.kind == PERSON and e is not person for m in e.mentions
    }
    found: dict[int, str] = {}
    previous: tuple[int, str] | None = None  # (index, name) of a sentence about the person
    for sentence in sorted(sentences, key=lambda s: s.index):
        subject = _subject(sentence)
        mention = mentions.get(sentence.index)
        name = None
        if subject is None:
            pass
        elif mention is not None and mention.token_start <= subject.i < mention.token_end:
            name = mention.text
        elif (
            subject.lower_ in SUBJECT_PRONOUNS
            and previous
            and previous[0] == sentence.index - 1
            and not crowded & {sentence.index, previous[0]}
            and not any(_a_name(t) for t in sentence.doc[: subject.i])
        ):
            # "Scipio had expected this: he drew up ...": a person named before the "he"
            # may be who it is.
            name = previous[1]
            found[sentence.index] = name
        previous = (sentence.index, name) if name else None
    return found

"""What a sentence can be asked about: entities, dates, numbers and key noun phrases."""

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from quizzes.generation.entities import DATE, NUMBER, Entity, Mention, normalise
from quizzes.generation.names import person_short_forms
from quizzes.generation.selection import LessonSentence

TERM = "term"
# Nouns too vague to be the point of a question.
VAGUE_NOUNS = {
    "part",
    "way",
    "thing",
    "lot",
    "kind",
    "sort",
    "type",
    "number",
    "nature",
    "extent",
    "time",
    "period",
    "place",
    "people",
    "one",
    "use",
    "role",
    "impact",
    "outcome",
    "event",
    "result",
    "fact",
    "view",
    "sense",
    "aspect",
    "area",
    "level",
    "side",
    "lengths",
    "length",
    "backdrop",
    "move",
    "display",
    "commitment",
    "matter",
    "case",
    "history",
    "end",
    "start",
}


# The two world wars go by several names; a student may use any of them.
_FIRST = ("First World War", "World War I", "World War One", "WWI", "Great War")
_SECOND = ("Second World War", "World War II", "World War Two", "WWII")
WORLD_WARS = {normalise(name): names for names in (_FIRST, _SECOND) for name in names}


def alias_follows(doc: Doc, token_end: int) -> bool:
    """ "the Executive Committee, or ExComm", "Edo (now Tokyo)": the next words name it
    again, so blanking or swapping the name leaves that other name behind."""
    after = [t.lower_ for t in doc[token_end : token_end + 4]]
    if after[:1] == ["("] or after[:2] == [",", "or"] or after[:1] == ["or"]:
        return True
    # "Mustafa Kemal, later known as Atatürk", "the Cohong, also called ...".
    named = " ".join(after)
    return bool(re.match(r"^,? ?(later |also |better |now )?(known as|called|named)\b", named))


ALIAS_VERBS = {"known", "called", "named"}
ALIAS_ADVERBS = {"later", "also", "better", "now", "once", "first"}


def alias_precedes(doc: Doc, token_start: int) -> bool:
    """ "Taksin, also known as Phraya Tak", "Edo, now called Tokyo", "Edo (now Tokyo)": a
    name of the same thing stands just before, so a blank here is answered by it."""
    i = token_start - 1
    if i >= 0 and doc[i].lower_ == "as":
        i -= 1
    said = i >= 0 and doc[i].lower_ in ALIAS_VERBS
    i -= said
    adverb = i >= 0 and doc[i].lower_ in ALIAS_ADVERBS
    i -= adverb
    if i >= 0 and doc[i].lower_ == "or" and not said:
        said = True  # "the Executive Committee, or ExComm"
        i -= 1
    if i < 1 or doc[i].text not in (",", "("):
        return False
    if doc[i].text == "," and not said:
        return False  # a bare comma is a list or an aside, not another name
    return doc[i - 1].pos_ == "PROPN"


@dataclass(frozen=True)
class Answer:
    """One span of a sentence that a question can hide."""

    text: str
    start: int  # character offsets into the sentence text
    end: int
    kind: str
    entity: Entity | None
    plural: bool
    after_article: str  # "the", "a", "an" or ""
    token_start: int
    token_end: int

    @property
    def key(self) -> str:
        return self.entity.name if self.entity else normalise(self.text)


def variants(answer: "Answer") -> list[str]:
    """Other forms of the answer a teacher would accept."""
    forms = [answer.text]
    if answer.entity is not None:
        # The lesson's own forms of the name, and a person's surname or first and last name
        # where no other name of the lesson shares it (the last word of "Martin Luther King
        # Jr" or "Zeng Guofan" is none).
        forms += sorted(answer.entity.names)
        forms += answer.entity.full_names  # "Marcus Agrippa" where the body says "Agrippa"
        # "Cabral" for "Pedro Álvares Cabral": short forms of the name as this sentence
        # writes it ("Hector Pieterson", not the "Hector Pieterson Memorial" joined to it).
        forms += [
            form for form, _ in person_short_forms(answer.text) if form in answer.entity.short_forms
        ]
    if answer.kind == NUMBER:
        digits = answer.text.replace(",", "")
        forms.append(digits)
        bare = re.match(r"^[\d,.]+(?=\s+[a-z])", answer.text)
        if bare:
            forms.append(bare.group())  # "381 days": "381" is what was asked
        if digits.isdigit() and len(digits) > 3:
            forms.append(f"{int(digits):,}")
    if answer.kind == DATE:
        forms.append(re.sub(r"^(in|on|the)\s+", "", answer.text, flags=re.I))
        day_month = re.match(r"^(\d{1,2} [A-Z][a-z]+) \d{3,4}$", answer.text)
        if day_month:
            forms.append(day_month.group(1))  # "9 November" for "9 November 1989"
    forms += [alias for form in list(forms) for alias in WORLD_WARS.get(normalise(form), ())]
    forms += [f"the {form}" for form in list(forms) if answer.after_article == "the"]
    seen, unique = set(), []
    for form in forms:
        if form and form.lower() not in seen:
            seen.add(form.lower())
            unique.append(form)
    return unique


def article_before(doc: Doc, token_start: int) -> str:
    if token_start == 0:
        return ""
    before = doc[token_start - 1].lower_
    return before if before in ("the", "a", "an") else ""


SAINT = {"st", "st.", "saint"}


def _saint_of_a_place(doc: Doc, token_start: int, token_end: int) -> bool:
    """ "St Peter's Basilica", "Saint Mark's Square": the saint's name is part of the place's."""
    if token_start == 0 or doc[token_start - 1].lower_ not in SAINT:
        return False
    after = doc[token_end : token_end + 2]
    return len(after) == 2 and after[0].text in ("'s", "’s") and after[1].text[:1].isupper()


def entity_answers(
    sentence: LessonSentence, mentions: list[Mention], entity_of: dict[tuple[int, int], Entity]
) -> list[Answer]:
    """Answers from the entities, dates and numbers a sentence names."""
    answers = []
    for mention in mentions:
        if _saint_of_a_place(sentence.doc, mention.token_start, mention.token_end):
            continue
        entity = entity_of.get((mention.sentence, mention.start))
        answers.append(answer_from_mention(sentence, mention, entity))
    return answers


def answer_from_mention(
    sentence: LessonSentence, mention: Mention, entity: Entity | None
) -> Answer:
    """The answer a mention makes, of its entity's kind when it has one."""
    return Answer(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        kind=entity.kind if entity else mention.label_kind,
        entity=entity,
        plural=entity.plural if entity else mention.plural,
        after_article=article_before(sentence.doc, mention.token_start),
        token_start=mention.token_start,
        token_end=mention.token_end,
    )


def term_answers(sentence: LessonSentence, topic_lemmas: set[str]) -> list[Answer]:
    """Key noun phrases: common-noun chunks on the lesson's topic, without their article."""
    doc = sentence.doc
    answers = []
    for chunk in doc.noun_chunks:
        tokens = [t for t in chunk if t.dep_ not in ("det", "poss") and not t.is_punct]
        if not tokens or any(t.ent_type_ for t in tokens) or chunk.root.pos_ != "NOUN":
            continue
        start, end = tokens[0].i, tokens[-1].i + 1
        if end - start != len(tokens):
            continue
        if not 2 <= end - start <= 3 or tokens[0].is_stop:
            continue  # one bare noun is too vague to blank; "most defendants" too
        if any(t.pos_ not in ("NOUN", "ADJ", "PROPN") and t.dep_ != "amod" for t in tokens):
            continue
        if chunk.root.lemma_.lower() in VAGUE_NOUNS or chunk.root.is_stop:
            continue
        if chunk.root.lemma_.lower() not in topic_lemmas:
            continue
        span = doc[start:end]
        answers.append(
            Answer(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                kind=TERM,
                entity=None,
                plural=chunk.root.tag_ == "NNS",
                after_article=article_before(doc, start),
                token_start=start,
                token_end=end,
            )
        )
    return answers

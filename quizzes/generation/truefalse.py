"""True/false statements: a lesson sentence as written, or with one span swapped."""

import re

from quizzes.generation.answers import Answer, alias_follows, alias_precedes
from quizzes.generation.checks import differs_by_one_span
from quizzes.generation.distractors import choose_distractors
from quizzes.generation.entities import DATE, NUMBER, PERSON
from quizzes.generation.entity_words import TITLES
from quizzes.generation.items import GeneratedQuestion
from quizzes.generation.selection import LessonSentence, name_stem

TRUE_FALSE = "true_false"
# Words that make a date a bound, not a point: a shifted bound may still be true.
RELATIVE = {"by", "before", "after", "until", "till", "since", "from"}
# Kin words: "his son X" holds X to the family the sentence names.
KIN = {
    "son",
    "daughter",
    "father",
    "mother",
    "wife",
    "husband",
    "brother",
    "sister",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "cousin",
    "heir",
    "grandson",
    "granddaughter",
    "widow",
}
# Kinds whose swapped-in name must be of the answer's own sort (a clause for a clause).
OWN_SORT_KINDS = ("event", "document", "organisation")
# Kinds a false statement may swap: nationalities nest ("Athenian" is "Greek"), so not
# groups, and never a bare noun phrase.
SWAPPABLE = ("person", "date", "number", "event", "organisation", "place", "document")


def _key_point_note(sentence: LessonSentence) -> str:
    return f"The lesson's key point: {sentence.text}" if sentence.source else ""


def true_statement(sentence: LessonSentence) -> GeneratedQuestion:
    return GeneratedQuestion(
        kind=TRUE_FALSE,
        prompt=sentence.render(),
        answer="true",
        rule="tf.true",
        sentence=sentence,
        # A key point's statement is told apart from its source sentence's own.
        target=f"key point: {sentence.text}" if sentence.source else "true",
        key_point=sentence.key_point,
        note=_key_point_note(sentence),
    )


def false_statement(
    sentence: LessonSentence, answer: Answer, replacement: str
) -> GeneratedQuestion | None:
    """The sentence with one entity, date or number swapped for a wrong one."""
    prompt = sentence.render(answer.start, answer.end, replacement)
    if not differs_by_one_span(sentence.render(), prompt):
        return None
    if answer.kind not in (DATE, NUMBER) and swap_echoes(sentence.doc, answer, replacement):
        return None
    return GeneratedQuestion(
        kind=TRUE_FALSE,
        prompt=prompt,
        answer="false",
        rule=f"tf.swap.{answer.kind}",
        sentence=sentence,
        target=f"{'key point: ' if sentence.source else ''}{answer.text}->{replacement}",
        note=_key_point_note(sentence),
        key_point=sentence.key_point,
        answer_kind=answer.kind,
    )


HEDGES = {
    "more",
    "over",
    "least",
    "nearly",
    "almost",
    "under",
    "fewer",
    "less",
    "up",
    "around",
    "about",
    "roughly",
    "some",
    "approximately",
    "c",
    "circa",
    "than",
    "perhaps",
    "estimated",
}


def hedged(doc, token_start: int) -> bool:
    """A bound or an estimate ("more than 750", "around 1527"): a swap may still be true."""
    # The hedge may open the answer itself: "for _____" hiding "more than 50,000 years".
    near = doc[max(0, token_start - 2) : token_start + 2]
    words = {t.lower_.rstrip(".") for t in near if t.i < token_start or t.is_alpha}
    return bool(words & HEDGES)


def swap_echoes(doc, answer: Answer, replacement: str) -> bool:
    """The sentence already names the swapped-in people or place ("boycotting British
    cloth" with "India" swapped for "Britain"): the statement reads as nonsense, not false."""
    stems = {name_stem(word.lower()) for word in replacement.split() if len(word) > 3}
    return any(
        name_stem(t.lower_) in stems
        for t in doc
        if t.is_alpha and not answer.token_start <= t.i < answer.token_end
    )


def part_of_a_name(sentence: LessonSentence, answer: Answer) -> bool:
    """ "William of Normandy": the place is part of a person's name, not a claim."""
    last = sentence.doc[answer.token_end - 1]
    preposition = last.head
    holder = preposition.head
    return (
        last.dep_ == "pobj"
        and preposition.lower_ == "of"
        and (
            holder.pos_ == "PROPN"
            and holder.ent_type_ == "PERSON"
            or holder.lower_ in TITLES  # "Lord Howard of Effingham", "the Duke of X"
        )
    )


def held_in_place(doc, answer: Answer) -> bool:
    """A name the words around it pin to one holder, so another name reads as nonsense:
    "his son X", "King X of Y" (the "of Y" belongs to X), "X, the war guilt clause"."""
    before = doc[answer.token_start - 1] if answer.token_start > 0 else None
    if answer.kind == PERSON and before is not None and before.lower_ in KIN:
        return True
    # "Col. X" (the tagger may split "Col" from its full stop)
    abbreviation = (
        doc[answer.token_start - 2] if before is not None and before.text == "." else before
    )
    abbreviated = (
        abbreviation is not None
        and answer.token_start >= 2
        and re.fullmatch(r"[A-Z][a-z]{1,4}\.?", abbreviation.text)
        and (abbreviation is not before or before.text.endswith("."))
    )
    if (
        answer.kind == PERSON
        and before is not None
        and (before.lower_.rstrip(".") in TITLES or abbreviated)
    ):
        return True  # "Col. X", "Count X": the lesson rarely shows another holding the title
    last = doc[answer.token_end - 1]
    after = doc[answer.token_end : answer.token_end + 2]
    if (
        answer.kind == PERSON
        and len(after) == 2
        and after[0].lower_ == "of"
        and after[1].pos_ == "PROPN"
    ):
        return True
    # "Article 231, the war guilt clause": the words after say what the name is. After a
    # date or a place the comma more often closes an opening phrase ("In 1863, a ...").
    described = (
        answer.kind not in (DATE, NUMBER, "place")
        and len(after) == 2
        and after[0].text == ","
        and after[1].lower_ in ("the", "a", "an")
    )
    return (
        described
        or any(child.dep_ == "appos" for child in last.children)
        or (last.dep_ == "appos" and last.head.i < answer.token_start)
    )


def same_sort(name: str, other: str) -> bool:
    """ "Article 231" and "Article 232", "Battle of X" and "Battle of Y": the names share
    the word that says what sort of thing they are."""

    def ends(text):
        words = [w.strip('"“”').lower() for w in text.split() if w.lower() != "the"]
        return {words[0], words[-1]} if words else set()

    return bool(ends(name) & ends(other))


def _in_passing(replacement: str, answer: Answer, pool) -> bool:
    """A person the lesson names once, swapped in for one it names again and again
    (someone from the background put at the head of the main events)."""

    def mentions(name):
        entity = next((e for e in pool.entities if name in e.names), None)
        return len(entity.mentions) if entity is not None else 0

    return mentions(replacement) < 2 <= (len(answer.entity.mentions) if answer.entity else 0)


def in_range(sentence: LessonSentence, answer: Answer) -> bool:
    """ "499 to 493 BC", "20,000 to 30,000": one end of a range cannot be changed alone."""
    doc = sentence.doc
    near = [doc[i] for i in (answer.token_start - 1, answer.token_end) if 0 <= i < len(doc)]
    return answer.kind in (DATE, NUMBER) and any(
        t.lower_ in ("to", "and", "-", "–", "or") for t in near
    )


YEAR_DIGITS = re.compile(r"\b\d{3,4}\b")


def _one_year_off(true: str, false: str) -> bool:
    years = (
        [int(y) for y in YEAR_DIGITS.findall(true)],
        [int(y) for y in YEAR_DIGITS.findall(false)],
    )
    return any(abs(a - b) == 1 for a, b in zip(*years, strict=False))


def false_candidates(sentence, answers, pool) -> list[GeneratedQuestion]:
    """False statements for the sentence: one per answer a safe same-kind swap exists for."""
    found = []
    for answer in answers:
        if answer.kind not in SWAPPABLE or in_range(sentence, answer):
            continue
        if answer.entity is not None and not answer.entity.certain:
            continue  # a swap for a name of uncertain kind may read as nonsense
        if sentence.doc[answer.token_end - 1].dep_ in ("compound", "amod"):
            continue  # "Earth orbit" -> "Florida orbit" reads as nonsense, not as false
        if part_of_a_name(sentence, answer) or alias_follows(sentence.doc, answer.token_end):
            continue
        if alias_precedes(sentence.doc, answer.token_start):
            continue  # "Taksin, also known as <someone else>" reads as nonsense
        if held_in_place(sentence.doc, answer):
            continue
        last = sentence.doc[answer.token_end - 1]
        if last.dep_ == "conj" or any(c.dep_ == "conj" for c in last.children):
            continue  # "Belarus, Ukraine and Sweden": one item of a list swapped is unclear
        first = answer.token_start
        if answer.kind == DATE and first > 0 and sentence.doc[first - 1].lower_ in RELATIVE:
            continue  # "By 1787 France was near bankruptcy" is true of 1787 as of 1789
        if answer.kind in (DATE, NUMBER) and hedged(sentence.doc, first):
            continue  # "more than 750" stays true of 300; "around 1527" of 1525
        wrong = choose_distractors(answer, sentence, pool, f"tf|{sentence.text}", lesson_only=True)
        if answer.kind == DATE:
            # "Sultan from 1516" for 1517: a falsity no reader would call a fact (F4 judges).
            wrong = [w for w in wrong if not _one_year_off(answer.text, w)]
        if wrong and answer.kind == PERSON and _in_passing(wrong[0], answer, pool):
            continue
        if wrong and answer.kind in OWN_SORT_KINDS and not same_sort(answer.text, wrong[0]):
            continue
        if wrong:
            item = false_statement(sentence, answer, wrong[0])
            if item is not None:
                item.hidden, item.replacement = answer, wrong[0]
                found.append(item)
    return found

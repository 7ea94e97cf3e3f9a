"""When and with whom an option belongs: a person the lesson dates far from the item's time,
a date before the item's subject existed, someone the lesson puts on another side. The
distractor pool caches what these rules work out once per lesson."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from quizzes.generation.entities import PERSON
from quizzes.generation.entity_words import TITLES
from quizzes.generation.finekinds import FineKind
from quizzes.generation.selection import LessonSentence
from quizzes.generation.years import signed_years

if TYPE_CHECKING:
    from quizzes.generation.answers import Answer
    from quizzes.generation.distractors import Candidate, DistractorPool

# Years apart past which one person cannot have done what the other did (F4 judges: a
# president of 1977 as the canal's builder of 1907 is absurd, not plausibly wrong).
AGE_GAP = 60


def _sentence_years(pool: DistractorPool) -> dict[int, set[int]]:
    if not pool._years:
        pool._years.update({s.index: set(signed_years(s.text)) for s in pool.sentences})
    return pool._years


def item_years(sentence: LessonSentence, pool: DistractorPool) -> set[int]:
    """The years of the sentence's time as far as the lesson says: its own, or else the
    nearest dated sentence before it (the story's time), after it, or the title's."""
    key = (sentence.index, sentence.text)  # a key point's item has a sentence of its own
    if key not in pool._item_years:
        pool._item_years[key] = set(signed_years(sentence.text)) or _story_years(sentence, pool)
    return pool._item_years[key]


def _story_years(sentence: LessonSentence, pool: DistractorPool) -> set[int]:
    years = _sentence_years(pool)
    ordered = sorted(i for i, found in years.items() if found)
    before = [i for i in ordered if i < sentence.index]
    after = [i for i in ordered if i > sentence.index]
    if before or after:
        return years[before[-1] if before else after[0]]
    return set(pool.title_years)


def of_another_age(candidate: Candidate, sentence: LessonSentence, pool: DistractorPool) -> bool:
    """Every year the lesson gives beside this person lies far from the prompt's time (a
    Victorian sculptor among Roman commanders, though the prompt names no year)."""
    own = item_years(sentence, pool)
    if candidate.entity is None or not own:
        return False
    years = _sentence_years(pool)
    theirs: set[int] = set()
    for mention in candidate.entity.mentions:
        theirs |= years.get(mention.sentence, set())
    return bool(theirs) and min(abs(a - b) for a in own for b in theirs) > AGE_GAP


# Words that date a thing's beginning: "the stone was found in 1799", "its founding in 1963".
MAKING_VERBS = {
    "find",
    "discover",
    "build",
    "construct",
    "found",
    "establish",
    "create",
    "invent",
    "form",
    "carve",
    "dig",
    "unearth",
    "bear",
    "make",
    "write",
}
MAKING_NOUNS = {"discovery", "founding", "foundation", "creation", "construction", "invention"}


def _made_things(token) -> list:
    """The nouns a making word makes: its object or passive subject, or "of" after a noun."""
    if token.pos_ == "VERB" and token.lemma_.lower() in MAKING_VERBS:
        return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ == "NOUN" and token.lemma_.lower() in MAKING_NOUNS:
        return [
            g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    return []


def _since(pool: DistractorPool) -> dict[str, int]:
    """Noun lemma -> the last year the lesson has the thing made or found: a stone carved
    in 196 BC and found in 1799 enters the story in 1799."""
    if pool._since is None:
        pool._since = {}
        for sentence in pool.sentences:
            for token in sentence.doc:
                things = [t for t in _made_things(token) if t.pos_ in ("NOUN", "PROPN")]
                if not things:
                    continue
                years = signed_years(sentence.doc[token.left_edge.i : token.right_edge.i + 1].text)
                whole = signed_years(sentence.text)
                years = years or (whole if len(set(whole)) == 1 else [])
                for thing in things:
                    if years:
                        lemma = thing.lemma_.lower()
                        pool._since[lemma] = max(pool._since.get(lemma, years[0]), *years)
    return pool._since


def existed_since(sentence: LessonSentence, pool: DistractorPool) -> int | None:
    """The year the lesson dates the sentence's subject from ("the stone was handed over
    ..." -> 1799, when it was found), or None if it dates no making of it."""
    since = _since(pool)
    found = [
        since[t.lemma_.lower()]
        for t in sentence.doc
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.lemma_.lower() in since
    ]
    return max(found) if found else None


def side_before(doc: Doc, token_start: int) -> str | None:
    """The people a role before a name belongs to: "the Oglala war leader X" -> "oglala",
    "the Persian king X" -> "persian"; None where no such role stands before."""
    i = token_start - 1
    roles = 0
    while i >= 0 and doc[i].pos_ in ("NOUN", "ADJ") and doc[i].text.islower():
        roles += doc[i].pos_ == "NOUN"
        i -= 1
    if not roles or i < 1 or not doc[i].text[:1].isupper() or doc[i - 1].lower_ != "the":
        return None
    return doc[i].lower_ if doc[i].pos_ in ("PROPN", "ADJ") or doc[i].ent_type_ else None


def of_another_side(candidate, sentence: LessonSentence, answer: Answer, pool) -> bool:
    """The blank names a people's role ("the Oglala war leader _____") and the option is
    someone the lesson puts with another people, or gives a rank the answer lacks (an
    officer of the army they fought)."""
    side = side_before(sentence.doc, answer.token_start)
    if side is None or candidate.entity is None:
        return False
    if pool._sides is None:
        by_index = {s.index: s for s in pool.sentences}
        pool._sides = {}
        for entity in pool.entities:
            if entity.kind != PERSON:
                continue
            found = pool._sides.setdefault(entity.name, set())
            for mention in entity.mentions:
                if (said := by_index.get(mention.sentence)) is not None:
                    found.add(side_before(said.doc, mention.token_start))
            found.discard(None)
    theirs = pool._sides.get(candidate.entity.name, set())
    if theirs:
        return side not in theirs
    ranks = pool.fine.get(candidate.entity.name, FineKind()).titles & TITLES
    own = pool.fine.get(answer.entity.name, FineKind()).titles & TITLES if answer.entity else set()
    return bool(ranks) and not own

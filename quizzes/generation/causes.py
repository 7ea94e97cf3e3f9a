""" "Why did ...?" and "What was one result of ...?" from the causal links a lesson states.

A link is read off one sentence's parse: a "because" clause or "because of" phrase on the
main verb (a cause), a purpose infinitive ("set out ... to break the law") or "in order
to" / "so that" (a cause), and a main verb that says one thing brought about another
("led to", "caused", "forced X to", "resulted in", "brought about": a result). The right
option is what the sentence gives; each wrong option is a cause or result the lesson
gives in another sentence for something else, so it is true of the lesson but not of
this. A wrong option that shares the question's own names or words is left out: it might
be a second cause of the same thing.
"""

from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from quizzes.generation.context import leaning_words
from quizzes.generation.items import (
    GeneratedQuestion,
    capitalise,
    seeded_shuffle,
    stable_seed,
    tidy,
)
from quizzes.generation.questions import _finish, _root, _subject
from quizzes.generation.selection import LessonSentence

CAUSE, RESULT = "cause", "result"
CLAUSE, NOUN, PURPOSE = "clause", "noun", "purpose"
RESULT_VERBS = {"lead": "to", "result": "in", "cause": "", "bring": "about", "force": ""}
MIN_WORDS, MAX_WORDS = 3, 18  # an option's length
MAX_ITEMS = 4
OPTIONS = 4
SHARED_MAX = 0.34  # share of an option's content words the question may also use


@dataclass(frozen=True)
class CausalLink:
    """One cause or result a sentence states, with the question that asks for it."""

    sentence: LessonSentence
    side: str  # CAUSE: the question asks why; RESULT: it asks what followed
    form: str  # CLAUSE ("the bus company lost money"), NOUN ("outrage"), PURPOSE ("break ...")
    what: str  # the cause or result itself, without its marker
    question: str

    @property
    def as_cause(self) -> str:
        """The link's text as an answer to "Why ...?"."""
        if self.form == PURPOSE:
            return f"To {self.what}"
        return f"Because {'of ' if self.form == NOUN else ''}{self.what}"

    @property
    def as_result(self) -> str | None:
        """The link's text as an answer to "What was one result ...?" (a purpose is none)."""
        return None if self.form == PURPOSE else capitalise(self.what)

    def option(self, side: str) -> str | None:
        return self.as_cause if side == CAUSE else self.as_result


def _span_text(doc: Doc, tokens) -> str:
    ids = sorted(t.i for t in tokens)
    return tidy("".join(doc[i].text_with_ws for i in ids)).strip(" ,;:.")


def _fits(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS


def _lower(text: str, first: Token) -> str:
    """Lower-case a phrase's first word when it is a common word ("The victory")."""
    if first.pos_ in ("DET", "PRON") or first.is_stop and first.pos_ != "PROPN":
        return text[:1].lower() + text[1:]
    return text


def _inverted(doc: Doc, root: Token, removed: set[int]) -> str | None:
    """ "Phillip moved the settlement to Port Jackson" -> "Why did Phillip move the
    settlement to Port Jackson?"; a phrase before the subject goes to the end."""
    if any(c.dep_ in ("neg", "cc") for c in root.children if c.i not in removed):
        return None  # "X did A, and Y did B": the question would carry a second claim
    subject = _subject(root)
    if subject is None or subject.pos_ == "PRON" or subject.tag_ in ("WDT", "WP"):
        return None
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    lead = [t for t in doc[:start] if t.i not in removed]
    if any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    subject_text = _lower(doc[start:end].text, doc[start])
    middle = "".join(
        t.text_with_ws for t in doc[end : root.i] if t.i not in removed and t not in auxes[:1]
    )
    rest = "".join(t.text_with_ws for t in doc[root.i + 1 :] if t.i not in removed)
    if auxes:
        head = f"Why {auxes[0].text.lower()} {subject_text} {middle} {root.text}"
    elif root.lemma_ == "be":
        head = f"Why {root.text.lower()} {subject_text} {middle}"
    elif root.tag_ == "VBD":
        head = f"Why did {subject_text} {middle} {root.lemma_}"
    else:
        return None
    body = tidy(f"{head} {rest}").rstrip(" .,;:")
    if body.split()[-1].lower() in ("and", "or", "but", "while", "yet"):
        return None  # the parse left half of a second clause behind
    if lead:
        body += " " + _lower(_span_text(doc, lead), lead[0])
    return _finish(body)


# Nouns an infinitive completes ("the strength to keep India"): no purpose.
ABILITY_NOUNS = {"strength", "will", "power", "right", "chance", "ability", "means", "time"}
# Verbs an infinitive completes ("came to rely", "began to"): no purpose either.
# Verbs whose infinitive says what for ("sent X to invite him").
SENDING_VERBS = {"send", "use", "build", "raise", "march", "travel", "sail", "gather", "summon"}
RAISING_VERBS = {"come", "begin", "start", "continue", "fail", "seem", "need", "want", "try"}


def _cause_clause(doc: Doc, root: Token, child: Token) -> tuple[str, set[int]] | None:
    """The form of a cause hanging on the main verb, and the marker tokens to drop."""
    marks = {c.i for c in child.children if c.dep_ == "mark"}
    words = {doc[i].lower_ for i in marks}
    if child.dep_ == "advcl" and ("because" in words or {"so", "that"} <= words):
        return CLAUSE if "because" in words else "so that", marks
    if child.lower_ == "because" and child.dep_ == "prep":
        if any(t.dep_ == "pobj" for t in child.subtree):
            return NOUN, {t.i for t in child.subtree if t.lower_ in ("because", "of")}
        return None
    to = [c.i for c in child.children if c.dep_ == "aux" and c.lower_ == "to"]
    purpose = child.dep_ == "advcl" or child.dep_ == "xcomp" and root.lemma_ in SENDING_VERBS
    if not purpose or child.tag_ != "VB" or not to or child.i < root.i:
        return None
    before = doc[child.left_edge.i - 1] if child.left_edge.i else None
    if root.lemma_ in RAISING_VERBS or before is not None and before.lemma_ in ABILITY_NOUNS:
        return None
    drop = set(to)
    if child.left_edge.i >= 2 and doc[child.left_edge.i - 2 : child.left_edge.i].text == "in order":
        drop |= {child.left_edge.i - 2, child.left_edge.i - 1}
    return PURPOSE, drop


def _cause_links(sentence: LessonSentence, topic: set[str]) -> list[CausalLink]:
    doc = sentence.doc
    root = _root(doc)
    if root is None:
        return []
    found = []
    for child in root.children:
        made = _cause_clause(doc, root, child)
        if made is None or leaning_words(doc, topic):
            continue
        form, drop = made
        removed = {t.i for t in child.subtree} | drop
        first, last = min(removed), max(removed)
        if first > 0 and doc[first - 1].text == ",":
            removed.add(first - 1)
        if first == 0 and last + 1 < len(doc) and doc[last + 1].text == ",":
            removed.add(last + 1)
        what = _span_text(doc, [t for t in child.subtree if t.i not in drop])
        if form == "so that":
            form = CLAUSE  # "so that the British could learn": a clause like "because"
        question = _inverted(doc, root, removed)
        if question is None or not _fits(what):
            continue
        first_word = doc[min(t.i for t in child.subtree if t.i not in drop)]
        what = _lower(what, first_word)
        found.append(CausalLink(sentence, CAUSE, form, what, question))
    return found


def _result_of(doc: Doc, verb: Token) -> tuple[str, str] | None:
    """What the verb says followed ("led to X", "caused X", "forced X to do Y")."""
    particle = RESULT_VERBS[verb.lemma_]
    if verb.lemma_ == "force":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        comps = [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
        if len(objects) != 1 or len(comps) != 1:
            return None
        who = _lower(_span_text(doc, objects[0].subtree), objects[0].left_edge)
        tokens = [t for t in comps[0].subtree if not (t.lower_ == "to" and t.head == comps[0])]
        return f"{who} had to {_span_text(doc, tokens)}", CLAUSE
    if particle:
        heads = [c for c in verb.children if c.lower_ == particle and c.dep_ in ("prep", "prt")]
        if len(heads) != 1 or heads[0].i != verb.i + 1:
            return None  # "led 2,500 volunteers to the works": a march, not a result
        holder = heads[0] if heads[0].dep_ == "prep" else verb
        objects = [t for t in holder.children if t.dep_ in ("pobj", "dobj")]
    else:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1:
        return None
    tokens = list(objects[0].subtree)
    return _lower(_span_text(doc, tokens), objects[0].left_edge), NOUN


def _result_links(sentence: LessonSentence, topic: set[str]) -> list[CausalLink]:
    doc = sentence.doc
    if not any(t.lemma_ in RESULT_VERBS for t in doc) or leaning_words(doc, topic):
        return []
    found = []
    for verb in doc:
        if (
            verb.lemma_ not in RESULT_VERBS
            or verb.tag_ != "VBD"
            or verb.dep_ not in ("ROOT", "conj")
        ):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or subjects[0].pos_ == "PRON":
            continue
        subject = subjects[0]
        if any(t.pos_ in ("VERB", "AUX") for t in subject.subtree):
            continue  # "the resentment this caused": a clause, not a thing
        if subject.ent_type_ in ("PERSON", "NORP", "GPE") or subject.tag_ in ("NNS", "NNPS"):
            continue  # "Leopold's agents forced villagers": coercion, not a consequence
        made = _result_of(doc, verb)
        if made is None:
            continue
        what, form = made
        thing = _lower(_span_text(doc, subject.subtree), subject.left_edge)
        if not _fits(what) or not 1 <= len(thing.split()) <= 8:
            continue
        found.append(CausalLink(sentence, RESULT, form, what, f"What was one result of {thing}?"))
    return found


def causal_links(
    sentences: list[LessonSentence], topic: set[str] = frozenset()
) -> list[CausalLink]:
    """Every cause and result the lesson's sentences state in a form a question can use."""
    found = []
    for sentence in sentences:
        found += _cause_links(sentence, topic) + _result_links(sentence, topic)
    return found


def _overlap(option: str, question: str) -> float:
    mine = _words(option)
    return len(mine & _words(question)) / max(len(mine), 1)


def _words(text: str) -> set[str]:
    return {w.lower().strip(".,;:'\"") for w in text.split() if len(w) > 3}


def _event_options(link: CausalLink, events) -> list[str]:
    """Dated events that cannot be the link's answer: for "Why ...?" events after the
    sentence's own year, for "What was one result ...?" events before it."""
    years = {e.year for e in events if e.sentence.index == link.sentence.index}
    if len(years) != 1:
        return []
    year = years.pop()
    found = []
    for event in events:
        later = event.year > year
        if event.sentence.index == link.sentence.index or later != (link.side == CAUSE):
            continue
        if event.year == year or not _fits(event.text) or leaning_words(event.sentence.doc):
            continue
        text = event.text
        if link.side == CAUSE:
            first = text.split()[0]
            text = text[:1].lower() + text[1:] if first.lower() in STOP_WORDS else text
            text = f"Because {text}"
        found.append(text)
    return found


def cause_and_result_items(links: list[CausalLink], events=()) -> list[GeneratedQuestion]:
    """Up to MAX_ITEMS multiple-choice items, each from one link. Wrong options are the
    lesson's other causes or results (other sentences, other things); failing those,
    dated events on the wrong side of the link's year (a cause comes before its effect)."""
    items = []
    for link in links:
        if len(items) >= MAX_ITEMS:
            break
        right = link.option(link.side)
        if right is None:
            continue
        others, sources = [], []
        extra = _event_options(link, events)
        for text, source in [
            *(
                (other.option(link.side), "lesson")
                for other in links
                if other is not link and other.sentence.index != link.sentence.index
            ),
            *((text, "chronology") for text in extra),
        ]:
            if text is None or text.lower() == right.lower() or text in others:
                continue
            if _overlap(text, link.question) > SHARED_MAX or _overlap(text, right) > 0.5:
                continue  # it may give a second cause of the same thing
            others.append(text)
            sources.append(source)
        linked = [o for o, s in zip(others, sources, strict=True) if s == "lesson"]
        dated = [o for o, s in zip(others, sources, strict=True) if s != "lesson"]
        wrong = seeded_shuffle(linked, stable_seed("cause", link.question))
        wrong += seeded_shuffle(dated, stable_seed("cause", right))
        wrong = wrong[: OPTIONS - 1]
        if len(wrong) < OPTIONS - 1:
            continue
        rule = "mc.cause" if link.side == CAUSE else "mc.result"
        item = GeneratedQuestion(
            kind="multiple_choice",
            prompt=link.question,
            answer=right,
            rule=f"{rule}.{link.form}",
            sentence=link.sentence.source or link.sentence,
            target=f"{link.side}: {right}",
            choices=[right, *wrong],
            distractors=wrong,
            key_point=link.sentence.key_point,
        )
        item.distractor_sources = ["lesson" if w in linked else "chronology" for w in wrong]
        items.append(item)
    return items

"""Who / when / where questions built from the dependency parse.

Only plain declarative sentences in the past tense are turned around: the subject is a
person ("Who ...?"), a person is the agent of a passive verb ("Who assassinated ...?"),
or a date or place hangs off the main verb ("When did ...?", "Where was ...?").
Anything less regular is left to the cloze builder.
"""

import re

from lemminflect import getInflection
from spacy.tokens import Doc, Token

from quizzes.generation.answers import Answer
from quizzes.generation.checks import is_question, prompt_hides_answer
from quizzes.generation.entities import DATE, PERSON, PLACE
from quizzes.generation.items import capitalise, tidy

SUBJECTS = ("nsubj", "nsubjpass")
# Phrases that point at another sentence's time or actor.
CONTEXT_BOUND = re.compile(
    r"\b(same (day|night|week|month|year|time)|next (day|week|month|year)|"
    r"following (day|week|month|year)|that (day|night|year|month)|the day before|"
    r"also|too|then|later|earlier|afterwards|him|her|them)\b",
    re.I,
)
TIME_PREPOSITIONS = {"in", "on"}
PLACE_PREPOSITIONS = {"in", "at", "near"}


def _root(doc: Doc) -> Token | None:
    # Asked of the same sentence by many builders: found once, kept on the doc.
    if "roots" not in doc.user_data:
        doc.user_data["roots"] = [t.i for t in doc if t.dep_ == "ROOT"]
    roots = doc.user_data["roots"]
    root = doc[roots[0]] if len(roots) == 1 else None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "neg" for c in root.children):
        return None
    return root


def _subject(root: Token) -> Token | None:
    subjects = [c for c in root.children if c.dep_ in SUBJECTS]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return None
    return subjects[0]


def _text(doc: Doc, keep) -> str:
    return "".join(t.text_with_ws for t in doc if keep(t))


def _lower_first(text: str, first: Token) -> str:
    if first.pos_ == "PROPN" or first.text == "I" or first.ent_type_ and first.pos_ != "DET":
        return text
    return text[:1].lower() + text[1:]


def _finish(words: str) -> str:
    body = tidy(words).rstrip(".!;: ")
    return capitalise(body) + "?"


def _accepted(question: str, answer: Answer) -> str | None:
    if not is_question(question) or not prompt_hides_answer(question, answer.text):
        return None
    if any(mark in question for mark in (":", ";", "—")):
        return None  # a second statement rides along
    if CONTEXT_BOUND.search(question):
        return None  # "on the same day": which day lies in a sentence the reader lacks
    content = [w for w in re.findall(r"[A-Za-z'-]+", question) if len(w) > 3]
    if len(content) < 3:
        return None  # "Who was killed?" asks too little to have one answer
    return question


# "Which ...?" nouns for a subject that is not a person.
# Places and organisations act as polities ("Britain discovered ..."): only events ask well.
WHICH_NOUNS = {"event": "event", "document": "document"}


def _wh_subject(answer: Answer) -> str | None:
    if answer.kind == PERSON:
        return "Who"
    noun = WHICH_NOUNS.get(answer.kind)
    if noun is None:
        return None
    return f"Which {noun}s" if answer.plural else f"Which {noun}"


def who_did(doc: Doc, answer: Answer) -> str | None:
    """The answer is the whole subject: "Zinoviev led X." -> "Who led X?", "The Treaty
    of X ended Y." -> "Which event ended Y?"."""
    root = _root(doc)
    wh = _wh_subject(answer)
    if wh is None or root is None or root.tag_ not in ("VBD", "VBN"):
        return None
    subject = _subject(root)
    if subject is None or subject.i != answer.token_end - 1:
        return None
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if start != answer.token_start - (1 if answer.after_article == "the" else 0):
        return None
    if start > 0 and doc[0].pos_ != "ADP":
        return None
    if any(any(g.dep_ in SUBJECTS for g in c.children) for c in root.children if c.dep_ == "conj"):
        return None  # "X died, and his son Y led ...": the question would carry Y's clause
    lead = _text(doc, lambda t: t.i < start and not (t.is_punct and t.i == start - 1))
    words = _text(doc, lambda t: t.i >= end)
    if wh == "Who" and any(t.dep_ == "aux" and t.lower_ == "were" for t in root.children):
        words = words.replace("were ", "was ", 1)
    lead = lead.strip()
    if lead:
        lead = " " + _lower_first(lead, doc[0])
    question = f"{wh} " + words.rstrip().rstrip(".") + lead
    return _accepted(_finish(question), answer)


def who_by(doc: Doc, answer: Answer) -> str | None:
    """ "X was assassinated by Y." -> "Who assassinated X?" (a person as the agent)."""
    root = _root(doc)
    if answer.kind != PERSON or root is None or root.tag_ != "VBN":
        return None
    agents = [c for c in root.children if c.dep_ == "agent"]
    subject = _subject(root)
    if len(agents) != 1 or subject is None:
        return None
    objects = [c for c in agents[0].children if c.dep_ == "pobj"]
    if len(objects) != 1:
        return None
    obj = objects[0]
    if (obj.left_edge.i, obj.right_edge.i + 1) != (answer.token_start, answer.token_end):
        return None
    subject_start, subject_end = subject.left_edge.i, subject.right_edge.i + 1
    between = doc[subject_end : root.i]
    if subject_start != 0 or any(t.dep_ not in ("aux", "auxpass", "advmod") for t in between):
        return None
    past = getInflection(root.lemma_, "VBD")
    if not past:
        return None
    adverbs = " ".join(t.text for t in between if t.dep_ == "advmod")
    agent = range(agents[0].i, obj.right_edge.i + 1)
    subject_text = _lower_first(doc[subject_start:subject_end].text, doc[subject_start])
    rest = _text(doc, lambda t: t.i > root.i and t.i not in agent)
    question = f"Who {adverbs} {past[0]} {subject_text} {rest}"
    return _accepted(_finish(question), answer)


def _phrase_on_root(doc: Doc, answer: Answer, root: Token, prepositions: set[str]):
    """The prepositional phrase holding exactly the answer, attached to the main verb."""
    first = doc[answer.token_start]
    prep = first.head if first.dep_ != "pobj" else first.head
    pobj = next((t for t in doc[answer.token_start : answer.token_end] if t.dep_ == "pobj"), None)
    if pobj is None:
        return None
    prep = pobj.head
    if prep.dep_ != "prep" or prep.head != root or prep.lower_ not in prepositions:
        return None
    span_start = min(prep.i, pobj.left_edge.i)
    # "only on 14 May": the adverb belongs to the date and goes with it.
    for adverb in (c for c in prep.children if c.dep_ == "advmod" and c.i < prep.i):
        span_start = min(span_start, adverb.i)
    before = doc[prep.i - 1] if prep.i > 0 else None
    if (
        before is not None
        and before.dep_ == "advmod"
        and before.head in (prep, root)
        and before.lower_ in ("only", "just", "already", "even")
    ):
        span_start = min(span_start, before.i)
    span_end = pobj.right_edge.i + 1
    if span_end > answer.token_end and doc[answer.token_end].text == ",":
        span_end = answer.token_end  # "on 17 May 1215, which forced ...": the clause stays
    inner = [t for t in doc[prep.i + 1 : span_end] if t.i < answer.token_start]
    if span_end != answer.token_end or any(t.lower_ != "the" for t in inner):
        return None
    return span_start, span_end


def wh_adverbial(doc: Doc, answer: Answer) -> str | None:
    """ "In 1936 the first trial opened." -> "When did the first trial open?"."""
    if answer.kind == DATE:
        wh, prepositions = "When", TIME_PREPOSITIONS
    elif answer.kind == PLACE:
        wh, prepositions = "Where", PLACE_PREPOSITIONS
    else:
        return None
    root = _root(doc)
    if root is None or root.tag_ not in ("VBD", "VBN"):
        return None
    subject = _subject(root)
    phrase = _phrase_on_root(doc, answer, root, prepositions)
    if subject is None or phrase is None:
        return None
    removed = set(range(*phrase))
    if phrase[1] < len(doc) and doc[phrase[1]].text == ",":
        removed.add(phrase[1])
    subject_start, subject_end = subject.left_edge.i, subject.right_edge.i + 1
    if any(not (t.i in removed or t.is_punct) for t in doc[:subject_start]):
        return None  # other material before the subject: too irregular to move
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    conjuncts = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if any(any(g.dep_ in SUBJECTS for g in c.children) for c in conjuncts):
        return None  # a second clause with its own subject
    if conjuncts and (auxes or root.lemma_ == "be"):
        return None
    if any(t.dep_ == "conj" and t.tag_ == "VBD" and t not in conjuncts for t in doc[root.i :]):
        return None  # a past verb the parse did not tie to the main one
    subject_text = _lower_first(doc[subject_start:subject_end].text, doc[subject_start])
    middle = _text(
        doc, lambda t: subject_end <= t.i < root.i and t.i not in removed and t not in auxes[:1]
    )
    rest = "".join(
        (t.lemma_ + t.whitespace_ if t in conjuncts else t.text_with_ws)
        for t in doc
        if t.i > root.i and t.i not in removed
    )
    if auxes:
        head = f"{wh} {auxes[0].text.lower()} {subject_text} {middle} {root.text}"
    elif root.lemma_ == "be":
        head = f"{wh} {root.text.lower()} {subject_text} {middle}"
    elif root.tag_ == "VBD":
        head = f"{wh} did {subject_text} {middle} {root.lemma_}"
    else:
        return None
    return _accepted(_finish(f"{head} {rest}"), answer)


def wh_question(doc: Doc, answer: Answer) -> tuple[str, str] | None:
    """The first wh-question the sentence allows for this answer, with its rule name."""
    for rule, build in (("wh.who", who_did), ("wh.by", who_by), ("wh.adverbial", wh_adverbial)):
        question = build(doc, answer)
        if question:
            return question, rule
    return None

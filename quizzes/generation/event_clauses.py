"""The clauses and phrases of a sentence that date an event (events.py): the date's phrase
on a verb, an opening or trailing "after"/"when" clause, a "who" clause on a name, a
second main clause; split out of events.py to keep it short."""

import re

from quizzes.generation.answers import Answer
from quizzes.generation.context import NOT_PEOPLE
from quizzes.generation.questions import _phrase_on_root
from quizzes.generation.referents import SUBJECT_PRONOUNS
from quizzes.generation.sets import MONTHS


def _subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _named_actor(token) -> bool:
    """A name written without "the" and not after "of" ("Lalor was elected", "fell to
    Cortés and his allies"), which may be a person's; "the Senate" is a body."""
    head = token.head if token.dep_ == "compound" else token
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_PEOPLE:
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return False  # "the Donations of Alexandria": a place
    return not any(c.dep_ == "det" for c in head.children)


# Words opening a clause that tells when its main clause happened: the clause is an
# event of its own ("After King Aldo was murdered in 1530, ...").
SUBORDINATORS = {"after", "when", "once", "before", "as", "because", "although", "though"}


def _named_subject(verb):
    """The verb's subject when it is no pronoun and the verb says when on its own (a past
    form or an auxiliary: not "infantry looking for supplies", "and taken Aleppo")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )
    return None if subject is None or subject.pos_ == "PRON" or not finite else subject


def _when_clause(doc, answer: Answer, root):
    """(verb, start, phrase, limit, gap) of a "when" clause on the date of the main verb:
    "Everything changed in 1807, when the armies invaded Tarsk" -> the armies' invasion."""
    for token in doc[answer.token_start : answer.token_end]:
        for verb in (c for c in token.children if c.dep_ in ("relcl", "advcl")):
            when = doc[verb.left_edge.i]
            if when.lower_ != "when" or when.i - answer.token_end not in (0, 1):
                continue  # "in 1807, when ...": the clause right after the date
            if _named_subject(verb) is None or token.head.head != root:
                continue
            # The date stands outside the event: the span to keep is the clause alone.
            phrase = (answer.token_start, answer.token_end)
            return verb, when.i + 1, phrase, verb.right_edge.i + 1, range(0)
    return None


def _dated_clause(doc, answer: Answer, root):
    """(verb, start, phrase, limit, gap) of an event a dated clause beside the main one
    states: an opening "After/When <subject> <verb> in <date>, ..." clause; a "when" clause
    on the date ("Everything changed in 1807, when the armies invaded Tarsk"); or a later
    verb with no subject of its own, which takes the named subject of the main verb
    ("Aldo opened the ports, and in 1815 raised Tarsk to a kingdom")."""
    for verb in (c for c in root.children if c.dep_ == "advcl"):
        mark = doc[verb.left_edge.i]
        if mark.lower_ not in SUBORDINATORS or mark.head != verb or mark.i != 0:
            mark = _trailing_mark(doc, verb, root)
        if mark is None:
            continue
        phrase = _time_phrase(doc, answer, verb)
        if phrase is not None and _named_subject(verb) is not None:
            return verb, mark.i + 1, phrase, verb.right_edge.i + 1, range(0)
    subject = _named_subject(root)
    if subject is None or subject.pos_ != "PROPN" or _not_the_main_clause(root, subject):
        return None
    verb = root
    while True:
        verb = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        if verb.tag_ != "VBD":
            continue  # "had sacked Baghdad and taken Aleppo": the "had" is the first verb's
        phrase = _time_phrase(doc, answer, verb)
        if phrase is None:
            continue
        start = verb.left_edge.i
        while doc[start].dep_ in ("cc", "punct"):
            start += 1
        gap = range(subject.right_edge.i + 1, start)
        return verb, subject.left_edge.i, phrase, verb.right_edge.i + 1, gap


def _who_clause(doc, answer: Answer):
    """(verb, start, phrase, limit, gap) of a "who" clause on a person's name that the date
    is on: "... the defeat of his rival Aldo Venn, who was murdered in Tarsk in 48 BC" ->
    "Aldo Venn was murdered in Tarsk". The name is the clause's subject; only the name's own
    words are kept ("his rival" leans on the sentence)."""
    for verb in (t for t in doc if t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX")):
        who = doc[verb.left_edge.i]
        name = verb.head
        if who.lower_ != "who" or who.dep_ not in ("nsubj", "nsubjpass") or who.head != verb:
            continue
        person = name.ent_type_ == "PERSON" or _named_actor(name)
        if name.pos_ != "PROPN" or not person or doc[who.i - 1].text != ",":
            continue
        phrase = _time_phrase(doc, answer, verb)
        if phrase is None:
            continue
        first = name.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head == name:
            first -= 1  # "Aldo Venn": the first name is a compound on the last
        if doc[first].ent_type_ != name.ent_type_:
            continue  # "the Varni prince Venn": more than the name
        return verb, first, phrase, verb.right_edge.i + 1, range(name.i + 1, who.i + 1)
    return None


# Words opening a clause after the main one whose own date is its own event: "The revolt
# began after the guard arrested Aldo in 1791", "... until the Pope condemned it in 1349".
TRAILING_MARKS = {"after", "when", "once", "before", "until"}


def _trailing_mark(doc, verb, root):
    """The "after", "when" ... opening the clause of `verb` after the main verb, or None."""
    mark = next((c for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i), None)
    if mark is None or mark.lower_ not in TRAILING_MARKS or mark.i < root.i:
        return None
    return mark if not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[root.i : mark.i]) else None


def _not_the_main_clause(root, subject) -> bool:
    """The parser's main verb opens with "After", "When" ... or has a second name beside its
    subject: a later verb may have a subject of its own the parser lost ("After Nixon asked
    Congress for aid, King Faisal ... halted oil shipments"), and is not the subject's deed."""
    if any(c.dep_ == "mark" for c in root.children):
        return True
    return any(
        c.dep_ in ("npadvmod", "appos", "nsubj", "nsubjpass") and c.pos_ == "PROPN" and c != subject
        for c in root.children
    )


# Not "by": "By 1888 the system was collapsing" is a state reached, not an event then.
# "around 1455": a year the lesson gives as approximate (its date text keeps the word).
TIME_PREPOSITIONS = {"in", "on", "during", "around"}
MONTHS_IN_TEXT = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")


def _aside_left(doc, skip: set[int]) -> bool:
    """A verb left alone between commas once the date is out: "The canal, opened, linked"."""
    kept = [t for t in doc if t.i not in skip]
    return any(
        kept[i].pos_ == "VERB" and kept[i - 1].text == "," and kept[i + 1].text == ","
        for i in range(1, len(kept) - 1)
    )


BOUNDS = {"before", "after", "until", "since"}


def _dates_a_noun(doc, phrase: tuple[int, int]) -> bool:
    """ "won freedom before his death in 1882": the date belongs to the noun before it."""
    before = doc[phrase[0] - 1] if phrase[0] > 0 else None
    if before is None or before.pos_ != "NOUN":
        return False
    return any(a.dep_ == "prep" and a.lower_ in BOUNDS for a in before.ancestors)


def _progressive(verb) -> bool:
    """ "was collapsing": a state going on, not an event with a date."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children)


# Nouns naming a part of a day or a year: "on the morning of 21 April", "in the spring of".
PARTS_OF_TIME = {"morning", "afternoon", "evening", "night", "dawn", "spring", "summer"}
PARTS_OF_TIME |= {"autumn", "winter", "end", "beginning", "start", "middle"}


def _time_phrase(doc, answer: Answer, verb) -> tuple[int, int] | None:
    """The phrase on `verb` that holds the date: "in 1936", or "on the morning of 21 April
    1526" (the date is the time of a part of that day)."""
    phrase = _phrase_on_root(doc, answer, verb, TIME_PREPOSITIONS)
    if phrase is not None:
        return phrase
    if (during := _opening_during(doc, answer, verb)) is not None:
        return during
    pobj = next((t for t in doc[answer.token_start : answer.token_end] if t.dep_ == "pobj"), None)
    if pobj is not None and (on_noun := _date_on_a_noun(doc, answer, verb, pobj)) is not None:
        return on_noun
    if pobj is None or pobj.head.lower_ != "of" or pobj.right_edge.i + 1 != answer.token_end:
        return None
    noun = pobj.head.head
    prep = noun.head
    if noun.lemma_.lower() not in PARTS_OF_TIME or noun.dep_ != "pobj" or prep.head != verb:
        return None
    if prep.dep_ != "prep" or prep.lower_ not in TIME_PREPOSITIONS:
        return None
    if any(t.lower_ != "the" for t in doc[prep.i + 1 : noun.i]):
        return None  # "on the third morning of ...": not the date itself
    before = doc[prep.i - 1] if prep.i else None
    if before is not None and before.lower_ in ("late", "early") and before.head == prep:
        return prep.i - 1, answer.token_end  # "Late on the night of ...": all of it
    return prep.i, answer.token_end


def _opening_during(doc, answer: Answer, verb) -> tuple[int, int] | None:
    """ "During the siege of Tarsk in 1702, the governor ordered ...": a date inside an
    opening "during" phrase on the main verb dates that verb; the whole phrase goes.
    (Not "after" or "before": "After independence in 1947, output grew" is not 1947.)"""
    first = doc[0]
    if first.lower_ != "during" or first.head != verb or first.dep_ != "prep":
        return None
    end = first.right_edge.i + 1
    if not answer.token_end <= end < len(doc) or doc[end].text != ",":
        return None
    return 0, end


PLACE_PREPOSITIONS = {"in", "at", "on", "aboard", "near", "off", "outside", "inside"}


def _date_on_a_noun(doc, answer: Answer, verb, pobj) -> tuple[int, int] | None:
    """The date phrase at the end of the clause that the parser hung on the verb's named
    object or on the noun of a place or occasion phrase of the verb: "recaptured Kessel [in
    January 1757]", "announced the surrender in a speech [on 15 August 1745]" - what the
    verb did on that date."""
    prep = pobj.head
    if prep.dep_ != "prep" or prep.lower_ not in TIME_PREPOSITIONS:
        return None
    if pobj.right_edge.i + 1 != answer.token_end or prep.i + 1 != answer.token_start:
        return None
    if answer.token_end < len(doc) and not doc[answer.token_end].is_punct:
        return None  # the date ends the clause: "in 1757 and ..." may date what follows
    noun = prep.head
    named = noun.pos_ == "PROPN" and noun.dep_ == "dobj" and noun.head == verb
    # A place or an occasion ("in a speech", "at Kessel"), not a bound ("until Lee's
    # surrender", "After the defeat"): that dates the noun, not the verb.
    outer = noun.head if noun.dep_ == "pobj" and noun.head.lower_ in PLACE_PREPOSITIONS else None
    on_verb = outer is not None and (
        outer.head == verb or outer.head.dep_ == "dobj" and outer.head.head == verb
    )
    return (prep.i, answer.token_end) if named or on_verb else None


def _dated_conjunct(doc, answer: Answer, root):
    """(verb, start, phrase, named) when the date is on a second main clause with a subject
    of its own: "Unrest grew, and in 1977 the United Nations imposed an embargo.". A "he"
    or "she" subject is the person the first clause opens on (`named`: {token: name}) when
    the sentence names nobody else before it ("Queen Mira kept ..., and she died in 1702")."""
    for verb in root.children:
        if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        named: dict[int, str] = {}
        if subject.pos_ == "PRON":
            name = _first_clause_person(doc, root, subject)
            if name is None:
                continue
            named = {subject.i: name}
        phrase = _time_phrase(doc, answer, verb)
        if phrase is None:
            continue
        start = verb.left_edge.i
        while start < verb.i and doc[start].dep_ in ("cc", "punct"):
            start += 1
        if start == 0 or doc[start - 1].dep_ not in ("cc", "punct"):
            continue  # the clause must stand after "and" or a comma, whole
        return verb, start, phrase, named
    return None


def _first_clause_person(doc, root, pronoun) -> str | None:
    """The name the main clause's subject gives, when it is a person's written without
    "the" and the only name before `pronoun` ("he"/"she"): who the pronoun is."""
    if pronoun.lower_ not in SUBJECT_PRONOUNS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not _named_actor(subject) or subject.ent_type_ not in ("PERSON", ""):
        return None
    span = doc[subject.left_edge.i : subject.i + 1]
    if any(t.pos_ != "PROPN" and not (t.dep_ == "compound" and t.is_title) for t in span):
        return None  # "Aldo's army": a name inside a subject that is none ("Queen" is a title)
    others = [
        t
        for t in doc[subject.i + 1 : pronoun.i]
        if t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and t.ent_type_ not in NOT_PEOPLE
    ]
    return None if others else span.text


# Words before a date that make it the time of a clause, read off the words when the
# parser misreads the phrase ("died in 166 BCE and ...": the date heads the next clause).
# Not "by": "By 1350 the fever had reached ..." is a state reached.
SURFACE_LEAD_INS = {"in", "on", "around", "about", "circa", "c.", "ca."}
HEDGE_LEAD_INS = {"around", "about", "circa", "c.", "ca."}  # may open the date's own text
# Where one claim ends and the next begins, or a clause of another kind opens.
CLAUSE_BREAKS = {",", ";", ":", "—", "–", "-", "(", ")", "and", "but", "while", "whereas"}
CLAUSE_BREAKS |= {"where", "which", "who", "whom", "whose", "when", "so", "yet", "or"}
CLAUSE_BREAKS |= SUBORDINATORS | BOUNDS
EVENT_VERB_TAGS = {"VBD", "VBZ", "VBP", "VBN"}
SUBJECT_OPENINGS = {"DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"}
LIST_JOINS = {",", "and", "or"}
SHORT_TAIL = 6  # words after the date that still belong to its clause ("by King Orun")


def _surface_date_phrase(doc, answer: Answer) -> tuple[int, int] | None:
    """The words that make the date a time: "in 1351", "around 1336 BCE", "late in 164 BCE",
    "in the autumn of 539 BCE" (or the answer's own "about 1353")."""
    start = answer.token_start
    if doc[start].lower_ in PARTS_OF_TIME:  # the date's own words: "summer of 1381"
        start -= start > 0 and doc[start - 1].lower_ == "the"
        if not start or doc[start - 1].lower_ not in ("in", "during", "at"):
            return None
        return start - 1, answer.token_end
    if start >= 2 and doc[start - 1].lower_ in ("early", "late", "mid"):
        # "In early 624": the part of the year goes with the date.
        return (start - 2, answer.token_end) if doc[start - 2].lower_ == "in" else None
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PARTS_OF_TIME:
        start -= 2
        if start and doc[start - 1].lower_ == "the":
            start -= 1
        if not start or doc[start - 1].lower_ not in ("in", "during"):
            return None  # "at the end of ...": a bound, not the time
        start -= 1
    elif start and doc[start - 1].lower_ in SURFACE_LEAD_INS:
        start -= 1
    elif doc[start].lower_ not in HEDGE_LEAD_INS:
        return None
    if start and doc[start - 1].lower_ in ("late", "early", "only"):
        start -= 1  # "only in 1919": the adverb goes with the date
    return start, answer.token_end


def _break_at(token) -> bool:
    return token.lower_ in CLAUSE_BREAKS or token.pos_ == "PRON" and token.tag_ in ("WDT", "WP")


def _event_verb(doc, start: int, end: int):
    """The first verb of the words that says what was done, when a finite form says when:
    "died", "was founded" (not "was besieging": a state going on)."""
    finite = False
    for token in doc[start:end]:
        finite = finite or token.tag_ in ("VBD", "VBZ", "VBP", "MD")
        if token.pos_ == "VERB" and token.tag_ in EVENT_VERB_TAGS:
            return token if finite else None
        if token.tag_ == "VBG" and finite:
            return None
    return None


def surface_clause(doc, answer: Answer):
    """(verb, start, phrase, limit) of the clause a date is the time of, read off the words:
    the clause after an opening date ("In the autumn of 539 BCE Orun's army met ...", or
    after "..., and in 142 BCE"), or
    the clause before a trailing one with a short phrase after it ("Kessel was founded in
    1351 by King Orun, ..."), each to the next break. For dates whose phrase the parser
    misreads; None when the clause holds a break, has no subject before its verb, or the
    verb tells no deed."""
    phrase = _surface_date_phrase(doc, answer)
    if phrase is None:
        return None
    opens_a_clause = phrase[0] > 1 and doc[phrase[0] - 1].lower_ in ("and", "but", ";")
    if opens_a_clause and doc[phrase[0] - 1].text != ";" and doc[phrase[0] - 2].text != ",":
        return None  # "X and in 1990 Y": not a second clause of its own
    if phrase[0] == 0 or opens_a_clause:
        # "In 539 BCE Orun's army met ...", "..., and in 142 BCE Tomas won ...": what follows.
        start = phrase[1] + (phrase[1] < len(doc) and doc[phrase[1]].text == ",")
        # A list's commas and "and" may come before the verb ("ships carrying Varnish,
        # Dorian and Tarskan troops sailed"); any other break ends the search.
        hard = next(
            (t.i for t in doc[start:] if _break_at(t) and t.lower_ not in LIST_JOINS), len(doc)
        )
        verb = _event_verb(doc, start, hard)
        if verb is None:
            return None
        end = next((t.i for t in doc[verb.i :] if _break_at(t) or t.is_punct), len(doc))
    else:
        start = 0
        if doc[0].pos_ not in SUBJECT_OPENINGS or any(_break_at(t) for t in doc[: phrase[0]]):
            return None  # "By the time the war ended in 1868, ...": no main clause
        if any(t.lower_ == "that" and t.dep_ == "mark" for t in doc[: phrase[0]]):
            return None  # "X meant that Tarsk was united in 1871": the date is the inner verb's
        end = phrase[1]
        tail = next((t.i for t in doc[end:] if _break_at(t) or t.is_punct), len(doc))
        if tail - end <= SHORT_TAIL and (tail == len(doc) or doc[tail].is_punct):
            end = tail  # "... in 1351 by King Orun,": the agent is the deed's
        elif not _break_at(doc[end]) and not doc[end].is_punct:
            return None  # "had shown in 1950 that ...": the clause goes on past the date
        verb = _event_verb(doc, 0, phrase[0])
    if verb is None or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[start : verb.i]):
        return None
    if any(t.dep_ == "neg" or t.lower_ in ("not", "never", "n't") for t in doc[start:end]):
        return None  # "did not sign the treaty in 1702": nothing happened then
    if _cuts_a_list(doc, end):
        return None  # "went to Watson, Crick and Wilkins": cut at the first name
    if end < len(doc) and doc[end].lower_ in BOUNDS | {"from"}:
        return None  # "In 774 Aldo ruled the kingdom until 790": a span, not a deed then
    return verb, start, phrase, end


def _cuts_a_list(doc, end: int) -> bool:
    """The break at `end` is a comma or "and" inside a list of names or things: what
    follows it has no verb of its own before the next break or the sentence's end, and an
    "and" or "or" joins it (not an aside: "his overlord Varo, king of Kessel")."""
    if end + 1 >= len(doc) or doc[end].lower_ not in LIST_JOINS:
        return False
    if doc[end + 1].pos_ not in ("PROPN", "NOUN", "ADJ", "NUM"):
        return False
    joined = doc[end].lower_ in ("and", "or")
    for token in doc[end + 1 :]:
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return False
        if _break_at(token) and token.lower_ not in LIST_JOINS:
            break
        joined = joined or token.lower_ in ("and", "or")
    return joined

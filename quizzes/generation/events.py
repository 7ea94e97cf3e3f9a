"""Events a lesson dates, for ordering questions: "In 1936 the first trial opened." ->
(1936, "The first trial opened")."""

import re

from quizzes.generation.answers import Answer
from quizzes.generation.context import PERSON_NOUNS, PERSONAL, leaning_words
from quizzes.generation.entities import DATE, NUMBER
from quizzes.generation.event_clauses import (
    MONTHS_IN_TEXT,
    PARTS_OF_TIME,
    SUBORDINATORS,
    _aside_left,
    _dated_clause,
    _dated_conjunct,
    _dates_a_noun,
    _named_actor,
    _progressive,
    _subjects,
    _time_phrase,
    _when_clause,
    _who_clause,
    surface_clause,
)
from quizzes.generation.items import tidy
from quizzes.generation.questions import _phrase_on_root, _root
from quizzes.generation.referents import SUBJECT_PRONOUNS
from quizzes.generation.selection import LessonSentence
from quizzes.generation.sets import APPROXIMATE, MONTHS, DatedEvent, complete_before

YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")
EVENT_YEAR = re.compile(
    r"(?<![\d,.])\b(1\d{3}|20\d{2})\b(?![,.]\d)(?!\s*BCE?\b)()|\b(\d{1,4})\s*(?:BC|BCE)\b|\bAD\s*(\d{1,4})\b"
)
MAX_EVENT_WORDS = 22


def _event_year(text: str) -> int | None:
    """The one year a text names (BC years negative), or None for none or several."""
    found = list(EVENT_YEAR.finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    digits = match.group(1) or match.group(3) or match.group(4)
    bc = match.group(3) is not None
    return -int(digits) if bc else int(digits)


# Words after a number that make it a count: "in 500 ships".
COUNTED = {"NOUN", "NUM", "ADJ"}
SHORT_YEAR = re.compile(r"(?:(?:\d{1,2} )?(?i:" + "|".join(MONTHS) + r") )?(\d{3})(?: AD| CE)?")


def _short_year(doc, answer: Answer) -> int | None:
    """A year of three digits the sentence dates by with "in" or "during", which the tagger
    may read as a number: "In 774 the king ...", "took the capital in 756" (not "in 500
    ships": a number before a noun counts things)."""
    match = SHORT_YEAR.fullmatch(answer.text)
    before = doc[answer.token_start - 1] if answer.token_start else None
    after = doc[answer.token_end] if answer.token_end < len(doc) else None
    if answer.kind not in (DATE, NUMBER) or match is None or before is None:
        return None
    dated = " " in match.group(0) and answer.kind == DATE  # "On 28 October 312 he ..."
    part = before.lower_ == "of" and before.head.lemma_.lower() in PARTS_OF_TIME
    # "in early 624", "around 610": the year with its hedge or its part of the year.
    early = (
        before.lower_ in ("early", "late", "mid") and before.i and doc[before.i - 1].lower_ == "in"
    )
    hedge = before.lower_ in ("around", "about", "c.", "circa")
    if not (part or early or hedge) and before.lower_ not in (
        "in",
        "during",
        *(("on",) if dated else ()),
    ):
        return None  # "In the winter of 208, ...": the year of a season
    if after is not None and after.pos_ in COUNTED and not early:
        return None
    if hedge and after is not None and after.pos_ not in YEAR_FOLLOWERS:
        return None  # "about 700 Ethiopians were killed": a hedged count, not a year
    return int(match.group(1))


# Words that cannot end an event when the word they modify is cut away.
DANGLING = {"amod", "compound", "det", "nummod", "poss", "prep", "cc", "nmod"}
# What may follow a hedged year ("around 610, calling ...", "about 610 and"): no name or noun.
YEAR_FOLLOWERS = {"PUNCT", "ADP", "CCONJ", "SCONJ", "VERB", "AUX"}


# A second year of three digits in an event: "in 774 ..., from 772".
OTHER_SHORT_YEAR = re.compile(r"\b(?:in|from|until|by|after|before|since) \d{3}\b")


SHORT_SPAN = 2  # years: a span this short is the lesson's own time


def short_span(texts: list[str]) -> tuple[int, int] | None:
    """The years these texts name, when they all fall within SHORT_SPAN years."""
    years = [int(y) for text in texts for y in YEAR.findall(text)]
    if years and max(years) - min(years) <= SHORT_SPAN:
        return (min(years), max(years))
    return None


# "of 1967–1970", "from 1812 to 1815", "between 1936 and 1939": the span a summary opens on.
OPENING_RANGE = re.compile(
    r"\b(?:from|between|of|in)?\s*(1\d{3}|20\d{2})\s*(?:[–—-]|to|and)\s*(1\d{3}|20\d{2})\b"
)
OPENING_SPAN = 10  # years: a longer one is an age, not the lesson's episode


def opening_span(summary: list[str]) -> tuple[int, int] | None:
    """The span of years the summary's first sentence gives the episode ("The Nigerian
    Civil War of 1967–1970 was fought ..."): a date inside it keeps its options inside."""
    found = OPENING_RANGE.search(summary[0]) if summary else None
    if found is None:
        return None
    start, end = int(found.group(1)), int(found.group(2))
    return (start, end) if 0 < end - start <= OPENING_SPAN else None


YEAR_REACH = 3  # sentences back a day and month may take their year from


def years_before(sentences: list[LessonSentence], summary: frozenset[int]) -> dict[int, int]:
    """For each section sentence, the year the nearest sentence before it names (within
    YEAR_REACH): "On 21 May the poet ..." after "... 4-5 May 1930" happened in 1930."""
    found: dict[int, int] = {}
    last: tuple[int, int] | None = None
    for sentence in sorted(sentences, key=lambda s: s.index):
        if sentence.index in summary:
            continue
        if last is not None and sentence.index - last[0] <= YEAR_REACH:
            found[sentence.index] = last[1]
        year = _event_year(sentence.text)
        if year is not None and not _looked_back_to(sentence.doc, year):
            last = (sentence.index, year)
    return found


def _looked_back_to(doc, year: int) -> bool:
    """The year dates a "had" clause: an earlier time the sentence looks back to ("until
    Israel withdrew from the lands it had occupied in 1967"), not the story's time."""
    token = next((t for t in doc if t.text == str(abs(year))), None)
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def dated_event(
    sentence: LessonSentence,
    answer: Answer,
    topic: set[str],
    year_before: int | None = None,
    referent: str | None = None,
    from_words: bool = False,
) -> DatedEvent | None:
    """The sentence's event without its date, when the date dates the main verb: "In 1936
    the first trial opened." -> (1936, "The first trial opened"); a second clause is cut.
    A day and month with no year take `year_before`, the year the sentences before name;
    a "he" or "she" subject of the main verb is `referent` when given (referents.py)."""
    year = _event_year(answer.text) if answer.kind == DATE else None
    year = year or _short_year(sentence.doc, answer)
    inherited = (
        year is None
        and year_before is not None
        and _event_year(sentence.text) is None
        and any(w.lower() in MONTHS for w in answer.text.replace(",", " ").split())
    )
    if inherited:
        year = year_before
    root = _root(sentence.doc) or _timeline_root(sentence.doc, answer)
    doc = sentence.doc
    conjunct_named: dict[int, str] = {}  # a second clause's "he" the first clause names
    # The parser found no main verb (or a negated one): only the words can show the event.
    words_only = (
        surface_clause(doc, answer) if (root is None or from_words) and year is not None else None
    )
    if year is None or root is None and words_only is None:
        return None
    if words_only is not None:
        verb, start, phrase, limit = words_only
        root, gap = verb, range(0)
    else:
        opening = answer.token_start == 1 and doc[0].lower_ in ("in", "on", "during")
        after = doc[answer.token_end] if answer.token_end < len(doc) else None
        # "In 514 BC two Athenians ... murdered": the subject folded into the date's phrase.
        misparsed = opening and after is not None and after.pos_ in ("PROPN", "NOUN", "DET", "NUM")
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
        verb, start = root, 0
        limit, gap = len(doc), range(0)
        phrase = _time_phrase(doc, answer, root) if misparsed or has_subject else None
        if (when := _when_clause(doc, answer, root)) is not None:
            verb, start, phrase, limit, gap = when  # the "when" clause is what happened then
        if phrase is None and _timeline_entry(doc, answer, root):
            phrase = (
                0,
                answer.token_end + 1,
            )  # "July 1600: Aldo marches north.": a timeline's line
        if phrase is None and opening and answer.token_end < root.i and (misparsed or has_subject):
            phrase = (0, answer.token_end)  # "In 202 BC Scipio ...": parsed as a name's part
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if phrase is None and subject is not None and re.fullmatch(r"\d{3,4}( BC)?", answer.text):
            # "The Treaty of Karlowitz in 1699 handed ...": the year dates what the subject did.
            phrase = _phrase_on_root(sentence.doc, answer, subject, {"in"})
        if phrase is None and (conjunct := _dated_conjunct(doc, answer, root)) is not None:
            verb, start, phrase, conjunct_named = conjunct  # "..., and in 1977 the UN imposed"
        if phrase is None and (clause := _dated_clause(doc, answer, root)) is not None:
            verb, start, phrase, limit, gap = clause  # "After King Aldo was murdered in 1530, ..."
        if phrase is None and (who := _who_clause(doc, answer)) is not None:
            verb, start, phrase, limit, gap = who  # "..., Aldo, who was murdered in 48 BC, ..."
        if phrase is None and (aside := _participle_aside(sentence, answer, topic, year)):
            return aside  # "The Treaty of Kessel, signed in 1783, ended ...": the signing
        if phrase is None and (surface := surface_clause(doc, answer)) is not None:
            verb, start, phrase, limit = surface  # the parser misread the date's phrase
            gap = range(0)
    if phrase is None or _dates_a_noun(doc, phrase) or _progressive(verb):
        return None
    if phrase[1] < len(doc) and doc[phrase[1]].lower_ == "alone":
        phrase = (phrase[0], phrase[1] + 1)  # "In 1960 alone, seventeen nations were born"
    counted_from = start  # a clause cut from the front still counts towards a long event
    if verb == root and start == 0 and (opening := _opening_clause(doc, root, phrase)):
        start = opening  # "As those talks made progress, most producers lifted ... in 1974"
    if (adverb := _opening_adverb(doc, verb, start)) is not None:
        start = adverb  # "Then, in 1839, the company sent ...": the link to before goes
    if _comma_before_verb(doc, verb):
        return None  # "The Battle of Tarsk, fought on a plain on 9 December": no deed
    # A long sentence's event ends at the first comma or semicolon after the main verb
    # that leaves six words or more: what follows is another claim.
    end = limit
    for token in doc[verb.i + 1 : limit]:
        dash = token.text in ("–", "—") or token.text == "-" and bool(doc[token.i - 1].whitespace_)
        breaks = (token.text in (",", ";", ":") or dash) and token.i >= phrase[1]
        breaks = breaks and not _inside_a_clause(doc, token.i, limit)
        words = len([t for t in doc[counted_from : token.i] if not t.is_punct]) - (
            phrase[1] - phrase[0]
        )
        # A place or time phrase after the comma may go too: the event is whole without.
        if breaks and words >= 6 and complete_before(doc, token.i, frozenset({"prep"})):
            end = token.i
            break
    cut = end < limit  # a clause's own end ("Aldo, who was crowned in 1614, gave") is none
    if (
        cut
        and end + 1 < len(doc)
        and doc[end + 1].pos_ == "VERB"
        and doc[end + 1].tag_ in ("VBD", "VBN")
        and not (_opens_name_aside(doc, end + 1) and _finite(verb))
    ):
        # "X, a rebel army made up of exiles, invaded": the cut lost the verb (a participle
        # aside after a finite verb is only an aside: "was founded by Orun, known as ...")
        return None
    others = [t.text for t in doc[start:end] if t.i not in gap and not phrase[0] <= t.i < phrase[1]]
    if not inherited and (
        EVENT_YEAR.search(" ".join(others)) or OTHER_SHORT_YEAR.search(" ".join(others))
    ):
        # Two years in the event: which it is dated by is unclear. The clause the words
        # give may hold one ("defeated X in 634 and captured Damascus in 635").
        if words_only is None and not from_words:
            return dated_event(sentence, answer, topic, year_before, referent, from_words=True)
        return None
    skip = set(range(start)) | set(range(*phrase)) | set(range(end, len(doc))) | set(gap)
    inner = phrase[0] > start and phrase[1] + 1 < len(doc) and doc[phrase[1]].text == ","
    if inner and doc[phrase[1] + 1].dep_ == "prep" and not doc[phrase[0] - 1].is_punct:
        skip.add(phrase[1])  # "was arrested [on 1 May 1791], for refusing": one clause
    opening_aside: set[int] = set()
    if phrase[1] < len(doc) and doc[phrase[1]].text == "," and phrase[0] == start:
        skip.add(phrase[1])
        opening_aside = _aside_on_date(doc, phrase[1], verb)
        skip |= opening_aside
    skip |= _aside_on_subject(doc, verb, phrase)
    trimmed = set(range(_trimmed(doc, verb, skip), len(doc)))
    skip |= trimmed
    named = _named_pronoun(doc, verb, root, referent) | conjunct_named
    kept = [t for t in doc if t.i not in skip and not t.is_punct]
    if kept and kept[-1].dep_ in DANGLING and kept[-1].head.i in skip:
        return None  # "started the largest slave [rising ...]": the noun was trimmed away
    if kept and kept[0].lower_ == "of":
        return None  # "[hundreds] of villagers gathered": a fragment, not an event
    if kept and kept[0].tag_ in RELATIVE_TAGS:
        return None  # "whose ballet had caused a stir": a relative clause read as a main one
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or _subjects(t) for t in kept):
        return None  # "The Battle of Tarsk, fought on a plain": nothing happens in it
    text = tidy(_joined(doc, skip, named)).rstrip(" .,;")
    if not text[:1].isupper() and (phrase[0] == start or start):
        text = text[:1].upper() + text[1:]
    first = doc[phrase[1]] if phrase[0] == start and phrase[1] < len(doc) else doc[start]
    if first.pos_ == "PRON" and first.i not in named or not text[:1].isupper():
        return None
    if len(text.split()) > MAX_EVENT_WORDS:
        return None
    if ";" in text or _aside_left(doc, skip) or MONTHS_IN_TEXT.search(text):
        return None  # two claims, an aside's date ("The canal, opened, linked"), two dates
    clause = doc[start:end].as_doc()  # a second clause's "him" may not lean on the first
    # The date, an aside after it and a trimmed tail are no part of the event: they may
    # lean ("In 1688, during a quarrel between the towns, ..."); what else the cut left out
    # still counts.
    outside = (*range(*phrase), *opening_aside, *trimmed)
    left_out = {i - start for i in outside if start <= i < end}
    leaning = leaning_words(clause, topic, skip=left_out)  # type: ignore[arg-type]
    # The "he" is the person named before, and so is every "he", "his" or "him" after it.
    same_person = {word for i in named for word in PRONOUNS_OF[doc[i].lower_]}
    leaning = [word for word in leaning if word.lower() not in same_person]
    if leaning:
        return None  # "The next day ...": out of its paragraph the event is unclear
    if _unnamed_person(doc, skip | {t.i for t in doc if t.lower_ in same_person}):
        return None  # "The Senate gave him the name Augustus": who is "him"?
    return DatedEvent(year, _date_text(doc, answer, phrase), text, sentence)


# A subject pronoun and the other forms that stand for the same person.
PRONOUNS_OF = {
    "he": {"he", "him", "his", "himself"},
    "she": {"she", "her", "hers", "herself"},
}

# Participles that open an aside on a name: "..., known as the Builder, ...".
ASIDE_PARTICIPLES = {"known", "called", "named", "nicknamed", "born", "styled", "remembered"}


def _opens_name_aside(doc, i: int) -> bool:
    """The participle at `i` opens an aside on what comes before it, not a lost main verb."""
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return doc[i].tag_ == "VBN" and (doc[i].lower_ in ASIDE_PARTICIPLES or following == "as")


def _finite(verb) -> bool:
    """The verb says when on its own: a past or present form, or a form with its auxiliary."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children
    )


def _timeline_root(doc, answer: Answer):
    """The verb of a timeline's line the parser read as a sentence of its own after the
    date ("1715: The guild is dissolved."), or None."""
    if answer.token_start != 0 or answer.token_end >= len(doc) or doc[answer.token_end].text != ":":
        return None
    later = doc[answer.token_end + 1 :]
    # The clause's verb hangs on nothing inside it: a root, or the date the parser took as one.
    roots = [t for t in later if t.pos_ in ("VERB", "AUX") and t.head.i < later.start]
    roots += [t for t in later if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    if len(roots) != 1 or any(c.dep_ == "neg" for c in roots[0].children):
        return None
    return roots[0]


def _timeline_entry(doc, answer: Answer, root) -> bool:
    """The sentence is a line of a timeline: the date, a colon, then a whole clause ("March
    1702: Duke Aldo signs the treaty."), which is the event of that date."""
    if answer.token_start != 0 or answer.token_end + 1 >= len(doc):
        return False
    return doc[answer.token_end].text == ":" and root.i > answer.token_end


def _participle_aside(sentence: LessonSentence, answer: Answer, topic: set[str], year: int):
    """The event of a participle between commas on the subject that the date is on: "The
    Treaty of Kessel, signed in September 1783, ended the war." -> "The Treaty of Kessel was
    signed". The subject opens the sentence; "was" or "were" follows its number."""
    doc = sentence.doc
    for verb in (t for t in doc if t.dep_ == "acl" and t.tag_ == "VBN"):
        noun, first, last = verb.head, verb.left_edge.i, verb.right_edge.i
        if noun.dep_ not in ("nsubj", "nsubjpass") or noun.left_edge.i != 0 or first < 2:
            continue
        if doc[first - 1].text != "," or last + 1 >= len(doc) or doc[last + 1].text != ",":
            continue
        phrase = _time_phrase(doc, answer, verb)
        if phrase is None or any(t.is_punct for t in doc[: first - 1]):
            continue
        skip = set(range(first - 1, verb.i)) | set(range(*phrase)) | set(range(last + 1, len(doc)))
        kept = [t.text for t in doc[verb.i : last + 1] if t.i not in skip]
        if EVENT_YEAR.search(" ".join(kept)) or MONTHS_IN_TEXT.search(" ".join(kept)):
            return None  # a second date
        if noun.tag_ == "NNP" and noun.lower_.endswith("s"):
            return None  # "The Kessel Accords": "was" or "were"? the tagger cannot say
        be = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
        text = tidy(f"{doc[: first - 1].text} {be} {' '.join(kept)}").rstrip(" .,;")
        text = text[:1].upper() + text[1:]
        clause = doc[: last + 1].as_doc()
        if leaning_words(clause, topic, skip=skip) or _unnamed_person(doc, skip):  # type: ignore[arg-type]
            return None
        if len(text.split()) > MAX_EVENT_WORDS or doc[0].pos_ == "PRON":
            return None
        return DatedEvent(year, _date_text(doc, answer, phrase), text, sentence)
    return None


def _opening_adverb(doc, verb, start: int) -> int | None:
    """Where the event starts after an opening adverb set off by a comma that links it to
    the sentence before ("Then,", "However,", "Two days later,"): the event has its own
    date and reads whole without it."""
    for adverb in (c for c in verb.children if c.dep_ in ("advmod", "npadvmod")):
        comma = adverb.right_edge.i + 1
        if adverb.left_edge.i == start and comma + 1 < verb.i and doc[comma].text == ",":
            return comma + 1
    return None


def _trimmed(doc, verb, skip: set[int]) -> int:
    """Where an event longer than MAX_EVENT_WORDS ends once its last trailing phrase that
    the words before do not need is cut: a place ("defeated the guard [on a field just
    outside the walls of the old city]"), a clause on the object ("fired on a crowd [who had
    gathered ...]") or a second verb ("completed the conquest [and made himself ruler]").
    The least is cut that brings the event under the limit; the verb keeps a word after it
    ("charged [into a crowd ...]" is no cut); an event no such cut shortens is left long."""

    def words(begin: int, stop: int) -> int:  # as the text counts them: "German-born" is one
        return len("".join(t.text_with_ws for t in doc[begin:stop] if t.i not in skip).split())

    if words(0, len(doc)) <= MAX_EVENT_WORDS:
        return len(doc)
    cuts = set()
    for token in (t for t in doc[verb.i + 1 :] if t.i not in skip):
        place = token.dep_ == "prep" and token.lower_ != "of"
        second_verb = token.dep_ == "cc" and token.head == verb
        # "a treaty [dividing the lands]": a participle; "watched the planet [Venus cross
        # ...]" is the verb's own object and stays.
        relative = token.dep_ == "relcl" and doc[token.left_edge.i].tag_ in RELATIVE_TAGS
        clause = relative or token.dep_ == "acl" and token.tag_ in ("VBG", "VBN")
        if not (place or second_verb or clause):
            continue
        if token.head.i < verb.i or token.head.i > token.i:
            continue  # a phrase on the subject, or one that opens its own head's clause
        if place and token.head.pos_ == "NUM":
            continue  # "approved by 90.77 [per cent of voters]"
        # A place on a second verb may be what it needs ("were pressing companies [for
        # higher prices]"); a clause on its object is not.
        if not _on_the_verb(token, verb, chain=not place):
            continue  # "who had gathered [in the square]": the clause would end bare
        cut = token.left_edge.i
        cuts.add(cut - 1 if doc[cut - 1].text == "," else cut)
    for cut in sorted(cuts, reverse=True):
        whole = complete_before(doc, cut, frozenset({"prep"}))
        if whole and words(0, cut) <= MAX_EVENT_WORDS and words(verb.i + 1, cut):
            return cut
    return len(doc)


def _on_the_verb(token, verb, chain: bool) -> bool:
    """`token` hangs from the event's verb, or from a verb of its chain ("expressed regret
    and agreed to pay compensation [to ...]": "pay" is part of what the subject did), not
    from a clause of its own ("who had gathered [in the square]")."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    while (
        chain
        and head != verb
        and head.dep_ in ("xcomp", "conj")
        and head.head.pos_ in ("VERB", "AUX")
    ):
        head = head.head
    return head == verb


# "whose", "which", "who": a clause opening with one leans on a noun outside the event.
RELATIVE_TAGS = {"WDT", "WP", "WP$"}
# Clauses an event may not be cut inside before their verb.
INNER_CLAUSES = {"advcl", "relcl", "ccomp"}


def _inside_a_clause(doc, i: int, limit: int) -> bool:
    """Token `i` falls inside a clause whose verb comes after it: a cut there keeps the
    clause's subject and loses its verb ("went on strike after Clara Lemlich[, a young union
    activist, called for action]")."""
    later = (v for v in doc[i + 1 : limit] if v.pos_ == "VERB")
    return any(v.dep_ in INNER_CLAUSES and v.left_edge.i < i for v in later)


def _date_text(doc, answer: Answer, phrase: tuple[int, int]) -> str:
    """The date as the review note shows it: with the "around" or "about" the sentence
    puts before it ("Around 1754 BC, King Aldo ..." -> "around 1754 BC")."""
    if answer.text.split()[0].lower() in APPROXIMATE:
        return answer.text
    before = doc[answer.token_start - 2 : answer.token_start]
    of = len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in PARTS_OF_TIME
    if of and answer.kind == NUMBER:
        return f"{before.text} {answer.text}"  # "winter of 208", read from a bare number
    word = next(
        (t.lower_ for t in doc[phrase[0] : answer.token_start] if t.lower_ in APPROXIMATE), None
    )
    return f"{word} {answer.text}" if word else answer.text


def _unnamed_person(doc, skip: set[int]) -> bool:
    """A "he", "him", "her" or subject "they" in the event with no person named before it, or
    an object "it" or "them" with nothing before it but its own verb's subject: an ordering
    choice stands alone ("The Senate gave him the name Augustus", "Austria annexed it")."""
    kept = [t for t in doc if t.i not in skip]
    for n, token in enumerate(kept):
        lower = token.lower_
        if token.tag_ not in ("PRP", "PRP$") or lower in ("himself", "herself"):
            continue  # "Leclerc himself": the name stands right before
        before = kept[:n]
        # "After three months of talks they signed": a subject "they" is someone too.
        subject_they = lower == "they" and token.dep_ in ("nsubj", "nsubjpass")
        if subject_they and any(t.dep_ in ("nsubj", "nsubjpass") for t in before):
            continue  # "Members also agreed to accept the borders they had inherited"
        if (lower in PERSONAL or subject_they) and not any(
            t.ent_type_ == "PERSON" or t.lemma_.lower() in PERSON_NOUNS or _named_actor(t)
            for t in before
        ):
            return True
        if lower == "its" and not any(_a_thing(t) for t in before):
            return True  # "The Ugandan general Aldo Venn served as its chairman": of what?
        if lower in ("it", "them") and token.dep_ in ("dobj", "pobj", "dative"):
            verb = token.head
            while verb.dep_ == "conj" and not _subjects(verb):
                verb = verb.head  # "occupied X and annexed it": the first verb's subject
            own = {t.i for t in _subjects(verb)}
            own |= {t.i for i in own for t in doc[i].subtree}
            if not any(t.pos_ in ("NOUN", "PROPN") and t.i not in own for t in before):
                return True
    return False


def _a_thing(token) -> bool:
    """A noun that is no person nor a word on another noun ("the Ugandan general"): what an
    "its" may be of."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("PERSON", "NORP"):
        return False
    if token.dep_ in ("compound", "amod"):
        return False
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
        return False  # "the dictator Aldo Venn": a role the name beside it fills
    return token.lemma_.lower() not in PERSON_NOUNS and not _named_actor(token)


def _joined(doc, skip: set[int], named: dict[int, str] | None = None) -> str:
    """The text of the tokens kept, with a space where a cut left two words touching, and
    a pronoun in `named` written as the name it stands for."""
    parts = []
    for token in (t for t in doc if t.i not in skip):
        if parts and not parts[-1][-1:].isspace() and token.i - 1 in skip and not token.is_punct:
            parts.append(" ")
        name = (named or {}).get(token.i)
        parts.append(token.text_with_ws if name is None else name + token.whitespace_)
    return "".join(parts)


def _named_pronoun(doc, verb, root, referent: str | None) -> dict[int, str]:
    """{token: name} for a "he"/"she" subject of the event's verb, when it is the main
    verb and the lesson says who the pronoun is (`referent`)."""
    if referent is None or verb != root:
        return {}
    return {t.i: referent for t in _subjects(verb) if t.lower_ in SUBJECT_PRONOUNS}


def _comma_before_verb(doc, verb) -> bool:
    """A lone comma between a subject and its verb: the verb is a participle the parser
    read as the main one ("The Battle of Tarsk, fought on a plain ..., was ...")."""
    subject = next(iter(_subjects(verb)), None)
    if subject is None or verb.i < 2 or doc[verb.i - 1].text != ",":
        return False
    inside = doc[subject.left_edge.i : verb.i - 1]
    return subject.i < verb.i and not any(t.text == "," for t in inside)


def _opening_clause(doc, root, phrase: tuple[int, int]) -> int | None:
    """Where the main clause starts after an opening "As/After/Although ...," clause, when
    the date is on the main clause: the event is the main clause alone."""
    for clause in (c for c in root.children if c.dep_ == "advcl" and c.left_edge.i == 0):
        comma = clause.right_edge.i + 1
        if doc[0].lower_ in SUBORDINATORS and doc[comma].text == "," and comma < phrase[0]:
            return comma + 1 if comma + 1 < root.i else None
    return None


def _aside_on_subject(doc, verb, phrase: tuple[int, int]) -> set[int]:
    """The tokens of a ", who ...," clause or a name's apposition on the verb's subject,
    with its commas: the event says what the subject did, not who they were ("Prince
    Aldo, who was governing the colony, declared ..."); so too on the subject of an
    "after" clause in the event ("went on strike after Clara Lemlich, a young activist,
    called for action")."""
    # "On 31 October 1517 Aldo Venn, a monk, issued": the name parsed into the date.
    misread = [t for t in doc[phrase[1] : verb.i] if t.dep_ == "pobj" and t.head.i == phrase[0]]
    inner = (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i)
    found = set()
    for clause_verb in inner:
        found |= _aside_before(doc, clause_verb, _subjects(clause_verb))
    subjects = _subjects(verb) or [t for t in misread if t.pos_ == "PROPN"]
    return found | _aside_before(doc, verb, subjects)


def _aside_before(doc, verb, subjects: list) -> set[int]:
    """The first ", who ...," clause or name's apposition on one of `subjects`, between
    commas before `verb`, with its commas."""
    for subject in subjects:
        # "Aldo Venn, a monk and professor of theology, issued ...": a name's apposition;
        # after a common noun ("The commander, General Navarre, sent") the name stays.
        asides = ("relcl", "appos") if subject.pos_ == "PROPN" else ("relcl",)
        for clause in (c for c in subject.children if c.dep_ in asides and c.pos_ != "PROPN"):
            first, last = clause.left_edge.i, clause.right_edge.i
            if first > 0 and last + 1 < verb.i and doc[first - 1].text == doc[last + 1].text == ",":
                return set(range(first - 1, last + 2))
    return set()


def _aside_on_date(doc, comma: int, verb) -> set[int]:
    """The tokens of a noun phrase or a phrase on the verb set off by commas after an opening
    date, with its closing comma: "On 8 May 1921, a day that became known as Red Tuesday,
    soldiers fired" - once the date is out, its aside is a fragment (F8)."""
    first = comma + 1
    head = next((t for t in doc[first : verb.i] if t.left_edge.i == first), None)
    while head is not None and head.head.i < verb.i and head.head.left_edge.i == first:
        head = head.head  # the whole phrase that opens after the comma
    # "On 2 May 1702, at a meeting in the hall, the guild elected ...": a place or an
    # occasion on the verb, set off by commas, is an aside the event reads whole without.
    occasion = head is not None and head.dep_ == "prep" and head.head == verb
    named = head is not None and head.pos_ in ("NOUN", "PROPN")
    if not (occasion or named) or head.dep_ in ("nsubj", "nsubjpass"):
        return set()
    last = head.right_edge.i
    if last + 2 > verb.i or doc[last + 1].text != ",":
        return set()
    return set(range(first, last + 2))

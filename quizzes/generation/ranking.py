"""The ranker: how likely each generated item is usable as written, and whether it is key.

Every item starts from a prior for its rule family (how often items of that family were
usable in the reads so far, see docs in NOTES) and is multiplied down by each fault
signal it shows: the faults blind readers found (a title that gives the answer away,
a sentence leaning on the one before, options of mixed kinds, a word before the blank
that narrows the options, wrong options from outside the lesson, blanks more than one
answer fits, minor words blanked). Items at or above READY_AT are *ready*; the rest
*need review*. The reason is said in plain words for the bank page.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from quizzes.generation.checks import BARE_YEAR, contains_phrase, one_of_an_open_list, words
from quizzes.generation.context import leaning_words, month_without_year
from quizzes.generation.entities import DATE, GROUP, NUMBER, PERSON, PLACE, Entity, normalise
from quizzes.generation.entity_words import TITLES
from quizzes.generation.finekinds import FineKind
from quizzes.generation.giveaways import (
    date_given_away,
    name_only_the_answer_shares,
    restates_title_years,
    retells_the_title,
    says_only_the_title,
    title_counts_near,
)
from quizzes.generation.items import GeneratedQuestion
from quizzes.generation.lifetimes import lifetimes, outside_life, past_title_day
from quizzes.generation.names import looks_like_thing
from quizzes.generation.selection import content_lemmas, weighted_lemmas
from quizzes.generation.truefalse import hedged
from quizzes.generation.years import signed_years

READY_AT = 0.7
# Readers called a tenth of the ready items trivia; a trivia item is ready only when
# nothing else counts against it (a bare date at .88 stays, a number blank at .84 not).
TRIVIA_FACTOR = 0.8
KEY_POINT_INDEX = 100_000  # statements.KEY_POINT_INDEX: key points worked on as sentences
REASON_MAX = 200
YEAR = re.compile(r"\b(\d{3,4})\b")

# Priors: the chance an item of this family is usable when it shows no fault signal.
PRIORS = {
    "tf.true": 0.92,
    "tf.swap.date": 0.9,
    "tf.swap.number": 0.86,
    "tf.swap.person": 0.84,
    "tf.swap.event": 0.8,
    "tf.swap.document": 0.8,
    # Reads: 0 of 4 organisation or place swaps usable (a town made an ally, Britain
    # boycotting British cloth): never ready without a person's look.
    "tf.swap.organisation": 0.62,
    "tf.swap.place": 0.62,
    "cloze.date": 0.88,
    "cloze.person": 0.86,
    "cloze.number": 0.84,
    "cloze.event": 0.82,
    "cloze.document": 0.82,
    "cloze.organisation": 0.74,
    "cloze.place": 0.66,
    "cloze.group": 0.5,
    "cloze.language": 0.8,
    "cloze.term": 0.55,
    "mc.cloze.date": 0.88,
    "mc.cloze.person": 0.86,
    "mc.cloze.number": 0.84,
    "mc.cloze.event": 0.84,
    "mc.cloze.document": 0.84,
    "mc.cloze.organisation": 0.78,
    "mc.cloze.place": 0.66,  # reads: 1 of 4 usable (Angola among European states)
    "mc.cloze.group": 0.6,
    "wh.who": 0.84,
    "wh.by": 0.82,
    "wh.adverbial": 0.82,
    "sa": 0.68,  # short answers: a typed answer must match one of few forms
    "set.ordering": 0.88,
    "set.matching": 0.86,
    "mc.true": 0.86,
    "mc.cause": 0.8,
    "mc.result": 0.8,
    "mr.statements": 0.86,
}
# Each fault signal multiplies the confidence by its factor.
FACTORS = {
    "title-answer": 0.1,
    "title-dates": 0.1,
    "out-of-time": 0.1,
    "prompt-answer": 0.1,
    "cue-after": 0.3,
    "leans-strong": 0.35,
    "leans-mild": 0.75,
    "cue-narrows": 0.3,
    "mixed-kinds": 0.8,
    "outside-options": 0.88,  # per option from outside the lesson
    "fallback-options": 0.8,  # per curated fallback option
    "chronology-options": 0.93,  # per wrong cause or result taken from a dated event
    "reused-option": 0.75,  # a false statement another "Which is true?" item offers
    "uncertain-kind": 0.5,
    "minor-word": 0.4,
    "many-fit": 0.7,
    "long": 0.8,
    "long-option": 0.85,
    "duplicate-fact": 0.7,
    # Reads: blanks asking a bare year 17 of 17 usable, any other blank 63 of 100 (a
    # surname that "the Confederates" also fits, "14 July" where "Bastille Day" does).
    "open-blank": 0.75,
    "hedged": 0.6,
    "date-given": 0.3,
    "relative-value": 0.3,
}
PLAIN = {
    "title-answer": "the lesson title gives the answer away",
    "title-dates": "the title's dates give the answer away",
    "out-of-time": "the lesson's dates rule a wrong option out",
    "prompt-answer": "a word in the prompt fits only the right option",
    "cue-after": "the words after the blank give the answer away",
    "leans-strong": "leans on an earlier sentence",
    "leans-mild": "may lean on an earlier sentence",
    "cue-narrows": "the word before the blank narrows the options",
    "mixed-kinds": "some options may be of another kind",
    "outside-options": "wrong options from outside the lesson",
    "fallback-options": "wrong options from the general list",
    "chronology-options": "wrong options are events on the wrong side of its date",
    "reused-option": "a wrong option another item offers too",
    "uncertain-kind": "what kind of name it is was unclear",
    "minor-word": "tests a minor word",
    "many-fit": "more than one answer may fit",
    "long": "a long prompt",
    "long-option": "the right option stands out by length",
    "duplicate-fact": "another item asks the same fact",
    "open-blank": "other wordings may fit the blank",
    "hedged": "an estimate: a near option fits as well",
    "relative-value": "after 'after', 'since', 'over' or 'at least', other values are true as well",
    "date-given": "the rest of the sentence gives the date away",
    "enough-ready": "a detail, and the ready set has enough of those",
}
WORTH_PLAIN = {
    "keypoint": "from a key point",
    "summary": "from the summary",
    "actor": "about a main actor",
    "date": "a key date",
    "cause": "tests a cause",
    "result": "tests a consequence",
    "ordering": "orders the lesson's dated events",
    "matching": "matches people to what the lesson says of them",
    "true": "from the key points",
    "states-cause": "states a cause or consequence",
    "statements": "weighs several of the lesson's statements",
}
# Words by which a sentence states a cause or a consequence.
CAUSAL = re.compile(
    r"\b(because|as a result|led to|leading to|resulted in|caused|causing|forced|so that|"
    r"in order to|therefore|consequently|in response|in return|"
    # What an event meant or helped bring about (F18-F20 judges: key 8 of 9).
    r"showed that|shows that|showed how|shows how|proved that|helped)\b",
    re.I,
)


@dataclass
class RankContext:
    """What the ranker knows of the lesson beyond the item itself."""

    title: str
    title_years: tuple[int, ...] = ()
    topic: set[str] = field(default_factory=set)
    summary: frozenset[int] = frozenset()  # sentence indices of the summary
    main_actors: set[str] = field(default_factory=set)  # entity names
    fine: dict[str, FineKind] = field(default_factory=dict)
    by_alias: dict[str, Entity] = field(default_factory=dict)  # normalised name -> entity
    key_points: list[str] = field(default_factory=list)  # the key points' texts
    key_weights: list[dict[str, int]] = field(default_factory=list)  # their weighted lemmas
    title_lemmas: set[str] = field(default_factory=set)
    # A common noun written right before people's names ("the poet") -> those people.
    role_people: dict[str, set[str]] = field(default_factory=dict)
    lives: dict[str, tuple] = field(default_factory=dict)  # person -> (born, died) years

    def fine_of(self, text: str) -> FineKind:
        entity = self.by_alias.get(normalise(text))
        return self.fine.get(entity.name, FineKind()) if entity else FineKind()


def lesson_context(
    title_doc: Doc,
    entities: list[Entity],
    key_docs: list[Doc],
    topic: set[str],
    summary: frozenset[int],
    fine: dict[str, FineKind],
    sentence_docs: list[Doc] = (),
) -> RankContext:
    """The ranker's view of a lesson: title, its years, main actors and topic."""
    years = tuple(int(y) for y in YEAR.findall(title_doc.text) if 100 <= int(y) <= 2100)
    key_text = " ".join([title_doc.text, *(d.text for d in key_docs)])
    people = [e for e in entities if e.kind == PERSON]
    people.sort(key=lambda e: -len(e.mentions))
    actors = {e.name for e in people[:3] if len(e.mentions) >= 2}
    actors |= {
        e.name
        for e in entities
        # A count the key points give ("at least 20,000") is no actor (F20).
        if e.kind not in (DATE, NUMBER) and any(contains_phrase(key_text, n) for n in e.names)
    }
    by_alias = {normalise(n): e for e in entities for n in e.names}
    return RankContext(
        title_doc.text,
        years,
        topic,
        summary,
        actors,
        fine,
        by_alias,
        [doc.text for doc in key_docs],
        [weighted_lemmas(doc) for doc in key_docs],
        role_people=_role_people(people, sentence_docs),
        title_lemmas=content_lemmas(title_doc),
        lives=lifetimes(list(sentence_docs), {normalise(n) for e in people for n in e.names}),
    )


TITLE_WORDS = 5  # a shorter title names a topic ("Rwandan Genocide, 1994"), not a claim


def _restates_title(item: GeneratedQuestion, context: RankContext) -> bool:
    """The statement holds every content word of the title: the title says it is true."""
    if item.sentence is None or len(context.title_lemmas) < TITLE_WORDS:
        return False
    doc = item.sentence.doc
    if "lemmas" not in doc.user_data:  # asked of one sentence by each of its items
        doc.user_data["lemmas"] = content_lemmas(doc)
    said = doc.user_data["lemmas"]
    # Title case hides lemmas ("Buries"): a word's stem stands for it.
    return all(
        any(w.startswith(t[: max(3, len(t) - 3)]) for w in said) for t in context.title_lemmas
    )


def _role_noun(doc: Doc, token_start: int) -> str | None:
    """The common noun right before a name, after "the" and adjectives: "the Bactrian
    princess X" -> "princess"; None for a title ("King X") or no such noun."""
    if token_start < 2:
        return None
    noun = doc[token_start - 1]
    if noun.tag_ != "NN" or not noun.text.islower():
        return None
    name = doc[token_start : token_start + 4]
    if noun.head.i < token_start and not any(t.head == noun and t.dep_ == "appos" for t in name):
        return None  # "In the north X liberated ...": the noun is not the name's
    i = token_start - 2
    while i >= 0 and (doc[i].pos_ == "ADJ" or doc[i].ent_type_ == "NORP"):
        i -= 1
    return noun.lemma_.lower() if i >= 0 and doc[i].lower_ == "the" else None


def _role_people(people: list[Entity], docs: list[Doc]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for entity in people if docs else []:
        for mention in entity.mentions:
            if role := _role_noun(docs[mention.sentence], mention.token_start):
                found.setdefault(role, set()).add(entity.name)
    return found


def _one_holds_the_role(item: GeneratedQuestion, hidden, entity, context: RankContext) -> bool:
    """A blank on a person after a role only that person holds in the lesson ("the poet
    _____" where one poet is named): one answer fits."""
    if entity is None or entity.kind != PERSON or item.sentence is None:
        return False
    role = _role_noun(item.sentence.doc, hidden.token_start)
    return role is not None and context.role_people.get(role) == {entity.name}


def _main_actor_of_key_sentence(item: GeneratedQuestion, entity, context: RankContext) -> bool:
    """A blank on a main actor in a sentence a key point states (the key point names the
    person) or in the summary: the lesson has taught who it was, so one answer fits."""
    if entity is None or entity.kind != PERSON or entity.name not in context.main_actors:
        return False
    if looks_like_thing(entity.name) or item.sentence is None:
        return False
    if item.sentence.index in context.summary:
        return True
    return item.key_point is not None and _tests_the_key_point(item, context)


def in_title(text: str, context: RankContext, entity: Entity | None = None) -> bool:
    """The title names it, or a word of its stem ("Italian" in a title on "Italy")."""
    names = {text} | (entity.names if entity else set())
    for name in names:
        if contains_phrase(context.title, name):
            return True
    title_words = [w for w in words(context.title) if len(w) > 3]
    for word in words(normalise(text)):
        if len(word) < 4 or word.isdigit():
            continue
        stem = word[: max(4, len(word) - 3)]
        if any(w.startswith(stem) for w in title_words):
            return True
    return False


def _years(text: str) -> list[int]:
    return [int(y) for y in YEAR.findall(text)]


def printed_in_title(date: str, context: RankContext) -> bool:
    """The title prints this very date ("..., 23 June 1757")."""

    def words(text):
        return " ".join(re.sub(r"[^\w ]", " ", text.lower()).split())

    return bool(words(date)) and f" {words(date)} " in f" {words(context.title)} "


def _title_date_faults(item: GeneratedQuestion, context: RankContext) -> bool:
    """The title's years give a date item away: the answer is one, or options fall outside."""
    if not context.title_years or item.answer_kind != DATE:
        return False
    low, high = min(context.title_years), max(context.title_years)
    hidden = item.hidden
    if item.kind == "true_false" and hidden is not None and printed_in_title(hidden.text, context):
        return True  # "On 6 September 1944 ..." under a title "..., 6 June 1944"
    if item.kind == "true_false":
        swapped = _years(item.replacement)
        return any(not low <= y <= high for y in swapped) and bool(
            [y for y in _years(str(item.target)) if low <= y <= high]
        )
    answer_years = _years(str(item.answer))
    if any(y in context.title_years for y in answer_years):
        return True
    options = [str(c) for c in item.choices if c != item.answer]
    inside = any(low <= y <= high for y in answer_years)
    return inside and any(not low <= y <= high for o in options for y in _years(o))


def _out_of_time(item: GeneratedQuestion, hidden, context: RankContext) -> bool:
    """A wrong option or false statement the lesson's own dates rule out: a date past the
    title's day, or a person at a time the lesson has him dead or unborn."""
    if item.kind == "true_false":
        wrong = [item.replacement] if item.answer == "false" and item.replacement else []
    else:
        wrong = [str(c) for c in item.choices if c != item.answer]
    if not wrong:
        return False
    if hidden.kind == DATE:
        return past_title_day(hidden.text, wrong, context.title)
    if hidden.kind != PERSON or not context.lives or item.sentence is None:
        return False
    when = signed_years(item.sentence.doc.text) or signed_years(context.title)
    for name in wrong:
        entity = context.by_alias.get(normalise(name))
        if outside_life(set(entity.names) if entity else {name}, when, context.lives):
            return True
    return False


RELATIVE_WORDS = {"later", "earlier", "then", "soon", "afterwards"}


# "After 1945 many leaders believed ...": after 1943 too, and since 1946 as well (F19's
# "Since 1973", F20's "After _____"): the year is no answer one way.
RELATIVE_PREPOSITIONS = {"after", "since", "before", "until", "till", "by"}


def _before_the_span(item: GeneratedQuestion, hidden, skipped=frozenset()) -> list:
    """The sentence's tokens before the asked or swapped span, passing over `skipped`
    words right before it (a currency sign)."""
    if item.sentence is None:
        return []
    doc, at = item.sentence.doc, hidden.token_start
    while 0 < at <= len(doc) and doc[at - 1].text in skipped:
        at -= 1
    return list(doc[:at]) if 0 < at <= len(doc) else []


def _after_a_relative_word(item: GeneratedQuestion, hidden) -> bool:
    """The asked or swapped year follows "after", "since", "before", "until" or "by"."""
    if item.sentence is not None and hidden.text.split()[0].lower() in RELATIVE_PREPOSITIONS:
        return True  # the tagger took "after 1945" whole
    before = _before_the_span(item, hidden)
    return (
        bool(before)
        and before[-1].lower_ in RELATIVE_PREPOSITIONS
        and before[-1].pos_
        in (
            "ADP",
            "SCONJ",
        )
    )


# "passed £1,000", "at least 20,000": a smaller number is true as well (F21).
THRESHOLD_WORDS = {"passed", "over", "exceeded", "nearly", "almost", "above", "below", "under"}
THRESHOLD_PAIRS = {("more", "than"), ("at", "least"), ("fewer", "than"), ("less", "than")}
CURRENCY = {"£", "$", "€"}


def _after_a_threshold(item: GeneratedQuestion, hidden) -> bool:
    """The asked or swapped number follows "passed", "over", "at least", "more than" ..."""
    before = [t.lower_ for t in _before_the_span(item, hidden, CURRENCY)]
    return bool(before) and before[-1] in THRESHOLD_WORDS or tuple(before[-2:]) in THRESHOLD_PAIRS


def _skip_range(item: GeneratedQuestion) -> range:
    hidden = item.hidden
    if hidden is None or item.kind == "true_false" and item.answer == "true":
        return range(0)
    # "later in 1911" hidden whole: its "later" still leans, in the swap as in the blank.
    start = hidden.token_start
    doc = item.sentence.doc if item.sentence is not None else None
    while doc is not None and start < hidden.token_end and doc[start].lower_ in RELATIVE_WORDS:
        start += 1
    return range(start, hidden.token_end)


def _family(item: GeneratedQuestion) -> str:
    rule = item.rule
    if item.kind == "short_answer":
        return "sa"
    for prefix in ("mc.true", "mc.cause", "mc.result", "set.ordering", "set.matching"):
        if rule.startswith(prefix):
            return prefix
    if rule.startswith(("wh.who", "wh.by", "wh.adverbial")):
        return ".".join(rule.split(".")[:2])
    return rule


def _hides_a(hidden, kind: str) -> bool:
    return hidden is not None and hidden.kind == kind


def _signals(item: GeneratedQuestion, context: RankContext) -> list[str]:
    faults: list[str] = []
    hidden = item.hidden
    entity = hidden.entity if hidden is not None else None
    if (
        hidden is not None
        and item.kind != "true_false"
        or item.kind == "true_false"
        and (item.answer == "false")
    ):
        asked = hidden.text if hidden is not None else ""
        if asked and hidden.kind != DATE and in_title(asked, context, entity):
            faults.append("title-answer")
        elif asked and hidden.kind == NUMBER and title_counts_near(asked, context.title):
            faults.append("title-answer")  # "_____ volunteers" under "... of the Thousand"
        swapped_in = item.kind == "true_false" and item.replacement and hidden.kind != DATE
        if swapped_in and in_title(item.replacement, context):
            faults.append("title-answer")
    if _title_date_faults(item, context):
        faults.append("title-dates")
    if hidden is not None and (
        hidden.kind == DATE
        and _after_a_relative_word(item, hidden)
        or hidden.kind == NUMBER
        and _after_a_threshold(item, hidden)
    ):
        faults.append("relative-value")
    if hidden is not None and _out_of_time(item, hidden, context):
        faults.append("out-of-time")
    states = item.kind == "true_false" and item.answer == "true" or item.rule.startswith("mc.true")
    if states and _restates_title(item, context):
        # "Vesuvius buried Pompeii in AD 79" under that title, as a statement or as the
        # right one of "Which is true?" (F21).
        faults.append("title-answer")
    if (right := _right_statement(item)) and (
        says_only_the_title(right, context.title)
        or restates_title_years(right, context.title)
        or retells_the_title(right, context.title)
    ):
        # "Bangladesh became an independent country"; "The Paraguayan War ... was fought
        # between 1864 and 1870" under "The Paraguayan War, 1864-1870".
        faults.append("title-answer")
    if item.sentence is not None and not item.rule.startswith(("set.", "mc.true")):
        leaning = leaning_words(item.sentence.doc, context.topic, _skip_range(item))
        strong = [w for w in leaning if w.lower() not in ("also", "again", "too")]
        if strong or month_without_year(item.sentence.doc, context.title):
            faults.append("leans-strong")
        elif leaning:
            faults.append("leans-mild")
    if entity is not None and not entity.certain:
        faults.append("uncertain-kind")
    elif entity is None and item.rule.startswith("tf.swap") and _hides_a(hidden, PERSON):
        # "the Ottomans invaded Venetian Cyprus" -> "... invaded Gian Andrea Doria": a name
        # the lesson never typed as a person, swapped for one.
        faults.append("uncertain-kind")
    sources = item.distractor_sources
    faults += ["outside-options"] * sum(s == "course" for s in sources)
    faults += ["fallback-options"] * sum(s == "fallback" for s in sources)
    faults += ["chronology-options"] * sum(s == "chronology" for s in sources)
    faults += ["reused-option"] * min(1, sum(s == "reused" for s in sources))
    mc_on_a_name = item.kind == "multiple_choice" and hidden is not None and entity is not None
    if mc_on_a_name and _options_of_mixed_kinds(item, context):
        faults.append("mixed-kinds")
    if (
        item.rule.startswith("tf.swap")
        and entity is not None
        and _swap_of_unshown_kind(item, context)
    ):
        faults.append("mixed-kinds")
    if hidden is not None and item.sentence is not None and _cue_after(item, hidden):
        faults.append("cue-after")
    if (
        hidden is not None
        and item.kind in ("fill_blank", "short_answer", "multiple_choice")
        and hidden.kind != DATE
        and item.sentence is not None
        and one_of_an_open_list(item.sentence.doc, hidden.token_start)
    ):
        faults.append("many-fit")  # "including _____, many barons": the king fell too
    elif hidden is not None and item.kind in ("fill_blank", "short_answer"):
        if hidden.kind == GROUP and not hidden.plural:
            faults.append("minor-word")  # "the _____ forces": an adjective
        elif hidden.kind in (PLACE, "term", GROUP, "organisation"):
            faults.append("many-fit")
    if (
        item.kind in ("multiple_choice", "fill_blank")
        and hidden is not None
        and hidden.kind == DATE
        and item.sentence is not None
        and hedged(item.sentence.doc, hidden.token_start)
    ):
        faults.append("hedged")  # "Around _____": a year next to it fits as well
    dated = hidden is not None and hidden.kind == DATE and item.sentence is not None
    asks_the_date = item.kind != "true_false" or item.answer == "false"
    if dated and asks_the_date and date_given_away(item.sentence.doc, hidden):
        faults.append("date-given")  # "On 17 August _____, two days after Japan surrendered"
    open_blank = (
        item.kind == "fill_blank"
        and hidden is not None
        and not BARE_YEAR.fullmatch(hidden.text)
        and not _one_holds_the_role(item, hidden, entity, context)
        and not _main_actor_of_key_sentence(item, entity, context)
    )
    if open_blank:
        faults.append("open-blank")
    if item.kind == "multiple_choice" and entity is not None and _prompt_gives(item, context):
        faults.append("prompt-answer")
    if item.prompt and len(item.prompt.split()) > 40:
        faults.append("long")
    if item.kind == "multiple_choice" and item.choices:
        lengths = sorted(len(str(c)) for c in item.choices)
        if len(str(item.answer)) == lengths[-1] and lengths[-1] > 2 * max(lengths[-2], 1):
            faults.append("long-option")
    return faults


def _options_of_mixed_kinds(item: GeneratedQuestion, context: RankContext) -> bool:
    """A person or place among options whose fine kinds the lesson does not show to be one:
    readers found a ship among governors, a river among cities, kings among ministers."""
    if item.hidden.kind not in (PERSON, PLACE):
        return False
    wanted = context.fine.get(item.hidden.entity.name, FineKind())
    options = [str(c) for c in item.choices if c != item.answer]
    if item.hidden.kind == PERSON and not _all_shown_people(item, options, context):
        return True
    if item.hidden.kind == PERSON and not wanted.sort:
        # People of the lesson itself, none shown to be of another role or gender: the
        # faults readers found were options from outside (Lincoln among Haitian leaders).
        entities = [context.by_alias.get(normalise(option)) for option in options]
        return any(
            entity is None
            or entity.kind != PERSON
            or not entity.certain
            or wanted.clashes(context.fine_of(option))
            for entity, option in zip(entities, options, strict=True)
        )
    if not wanted.sort:
        return True
    return any(context.fine_of(option).sort != wanted.sort for option in options)


def _all_shown_people(item: GeneratedQuestion, options: list[str], context) -> bool:
    """The answer and every option are names the lesson shows to be people's."""
    names = [item.hidden.entity.name]
    for option in options:
        entity = context.by_alias.get(normalise(option))
        names.append(entity.name if entity is not None else "")
    return all(name in context.people for name in names)


def _swap_of_unshown_kind(item: GeneratedQuestion, context: RankContext) -> bool:
    """A name swapped for one whose fine kind the lesson does not show to be the same:
    readers found a ship made a leader, a town made an ally, a body made a lunar module."""
    if item.hidden.kind not in (PERSON, PLACE, "organisation"):
        return False
    wanted = context.fine.get(item.hidden.entity.name, FineKind())
    found = context.fine_of(item.replacement)
    if item.hidden.kind == PERSON:
        # Both of one shown role, or (no role shown) of one shown gender: a movement
        # swapped in for "the poet X" showed no clash, only no role.
        if wanted.sort:
            return found.sort != wanted.sort or bool(wanted.clashes(found))
        return not wanted.gender or found.gender != wanted.gender or bool(found.sort)
    return not wanted.sort or found.sort != wanted.sort


def _cue_after(item: GeneratedQuestion, hidden) -> bool:
    """ "_____, Queen of Scots", "_____ the Conqueror": the words after the blank name it."""
    if item.kind == "true_false" or "_____" not in item.prompt:
        return False
    doc = item.sentence.doc
    after = doc[hidden.token_end : hidden.token_end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].lower_ in TITLES:
        return True
    return len(after) >= 2 and after[0].lower_ == "the" and after[1].is_title


def _right_statement(item: GeneratedQuestion) -> str:
    """The true statement an item shows as right: a true one, or a "Which is true?" key."""
    if item.kind == "true_false" and item.answer == "true":
        return item.prompt
    return str(item.answer) if item.rule.startswith("mc.true") else ""


def _prompt_gives(item: GeneratedQuestion, context: RankContext) -> bool:
    """A role or a name in the prompt that fits one option only."""
    others = [str(c) for c in item.choices if c != item.answer]
    return _prompt_names_role(item, context) or name_only_the_answer_shares(
        item.prompt, str(item.answer), others
    )


def _prompt_names_role(item: GeneratedQuestion, context: RankContext) -> bool:
    """ "... and the pope declared it void": the prompt's title fits one option only."""
    titles = context.fine.get(item.hidden.entity.name, FineKind()).titles
    prompt_words = set(words(item.prompt.replace("_____", " ")))
    named = titles & prompt_words
    if not named:
        return False
    others = [str(c) for c in item.choices if c != item.answer]
    return any(not context.fine_of(o).titles & named for o in others)


STRONG_COVER = 0.6  # a true statement is a key point's when it says most of it


def _tests_the_key_point(item: GeneratedQuestion, context: RankContext) -> bool:
    """The item asks what its key point says (readers judged a sentence that merely shares
    a key point's words a detail): the hidden or swapped name is in the key point, a
    structure item was built from it, or a true statement says most of it."""
    if item.key_point >= len(context.key_points) or item.rule.startswith(("mc.true", "set.")):
        return True
    if item.sentence is not None and item.sentence.index >= KEY_POINT_INDEX:
        return True  # the key point itself, as a statement
    text = context.key_points[item.key_point]
    hidden = item.hidden
    if hidden is not None:
        names = {hidden.text} | (hidden.entity.names if hidden.entity else set())
        return any(contains_phrase(text, name) for name in names)
    if item.sentence is None:
        return False
    key = context.key_weights[item.key_point]
    said = sum(weight for lemma, weight in key.items() if lemma in item.sentence.weights)
    return said >= STRONG_COVER * sum(key.values())


def _main_actor_acts(item: GeneratedQuestion, context: RankContext) -> bool:
    """A statement whose subject is one of the lesson's main actors is about that actor."""
    sentence = item.sentence
    if sentence is None or sentence.source is not None and sentence.index >= KEY_POINT_INDEX:
        return False
    doc = sentence.doc
    for mention in sentence.mentions:
        entity = context.by_alias.get(normalise(mention.text))
        if entity is None or entity.name not in context.main_actors or entity.kind != PERSON:
            continue
        if any(
            t.dep_ in ("nsubj", "nsubjpass") for t in doc[mention.token_start : mention.token_end]
        ):
            return True
    return False


QUANTITY_WORDS = {"dozen", "hundred", "thousand", "million"}
SHARE_WORDS = {"per", "percent", "%"}  # "a duty of 3 per cent" is a term, not a count


def _states_a_count(doc: Doc) -> bool:
    """The sentence counts something ("About 12,000 soldiers were taken prisoner",
    "thousands of houses"), not a year, a day or a share."""
    for token in doc:
        if token.lemma_.lower() in QUANTITY_WORDS and token.tag_ == "NNS":
            return True
        if token.pos_ != "NUM" or token.dep_ not in ("nummod", "quantmod", "compound"):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.lower_ in SHARE_WORDS:
            continue
        if token.ent_type_ == "DATE" and token.head.lemma_ not in ("day", "week", "month"):
            continue  # "in 1702", "on 12 June": a date; "in just 18 days" is a count
        return True
    return False


def _born(doc: Doc) -> bool:
    return any(t.lower_ == "born" and t.dep_ == "ROOT" for t in doc)


def _month_moved(item: GeneratedQuestion) -> bool:
    """A false statement that keeps the year and moves the month or the day."""
    hidden = item.hidden
    if item.answer != "false" or hidden is None or hidden.kind != DATE or not item.replacement:
        return False
    years = signed_years(hidden.text)
    return bool(years) and signed_years(item.replacement) == years


def _a_key_points_detail(item: GeneratedQuestion) -> bool:
    """F18 and F19 judges, both: a statement of a key point that counts something
    ("About 91,000 soldiers were taken prisoner"), gives a birth, or moves a month inside
    the right year tests a detail of the key point, not what it says."""
    if item.kind != "true_false" or item.sentence is None:
        return False
    doc = item.sentence.doc
    return _states_a_count(doc) or _born(doc) or _month_moved(item)


def _worth(item: GeneratedQuestion, context: RankContext) -> tuple[str, list[str]]:
    """ "key", "detail" or "trivia", with the plain reasons a key item is key."""
    why: list[str] = []
    family = _family(item)
    for prefix, name in (
        ("mc.true", "true"),
        ("mc.cause", "cause"),
        ("mc.result", "result"),
        ("set.ordering", "ordering"),
        ("set.matching", "matching"),
    ):
        if family == prefix:
            why.append(name)
    if item.key_point is not None and _tests_the_key_point(item, context):
        why.append("keypoint")
    if item.sentence is not None and item.sentence.index in context.summary:
        why.append("summary")
    if item.sentence is not None and not why and CAUSAL.search(item.sentence.text):
        why.append("states-cause")  # readers count a cause or consequence as key
    hidden = item.hidden
    entity = hidden.entity if hidden is not None else None
    if (
        entity is not None
        and entity.name in context.main_actors
        and hidden.kind != GROUP
        or item.kind == "true_false"
        and _main_actor_acts(item, context)
    ):
        why.append("actor")
    if why == ["actor"] and item.kind == "true_false":
        why = []  # F4 readers: a main actor's minor deed as a statement, 0 of 4 key
    if set(why) <= {"keypoint", "actor"} and _a_key_points_detail(item):
        why = []
    if why:
        return "key", why
    if hidden is not None and (hidden.kind == NUMBER or hidden.kind == GROUP and not hidden.plural):
        return "trivia", []
    return "detail", []


def _assess_parts(item: GeneratedQuestion, context: RankContext) -> None:
    """A multiple-response item is as trusted as its least trusted statement, and key when
    most of its statements are."""
    for part in item.parts:
        assess(part, context)
    faults = list(dict.fromkeys(fault for part in item.parts for fault in part.faults))
    confidence = min(PRIORS.get(_family(item), 0.6), *(part.confidence for part in item.parts))
    key = sum(part.worth == "key" for part in item.parts)
    item.faults = faults
    item.worth = "key" if 2 * key > len(item.parts) else "detail"
    item.confidence = round(confidence, 3)
    item.ready = confidence >= READY_AT  # every statement ready as a true/false item
    why = ["statements"] if item.worth == "key" else []
    item.reason = reason_text(item.ready, faults, why)


def assess(item: GeneratedQuestion, context: RankContext) -> None:
    """Set the item's confidence, tier, worth and plain-words reason."""
    if item.parts:
        _assess_parts(item, context)
        return
    faults = _signals(item, context)
    confidence = PRIORS.get(_family(item), 0.6)
    for fault in faults:
        confidence *= FACTORS[fault]
    worth, why = _worth(item, context)
    if worth == "trivia":
        confidence *= TRIVIA_FACTOR
    item.faults = faults
    item.worth = worth
    if item.sentence is not None:
        lemmas = content_lemmas(item.sentence.doc)
        item.topical = round(len(lemmas & context.topic) / max(len(lemmas), 1), 3)
    item.confidence = round(confidence, 3)
    item.ready = confidence >= READY_AT
    item.reason = reason_text(item.ready, faults, why)


def reason_text(ready: bool, faults: list[str], why: list[str]) -> str:
    """ "Ready: from a key point; about a main actor." / "Needs review: ..." (<= 200 chars)."""
    unique_faults = list(dict.fromkeys(PLAIN[f] for f in faults))
    unique_why = list(dict.fromkeys(WORTH_PLAIN[w] for w in why))
    if ready:
        text = "Ready: " + ("; ".join(unique_why) if unique_why else "a detail of the lesson")
    else:
        text = "Needs review: " + ("; ".join(unique_faults) or "the wording was made by rule")
    text += "."
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


# F4 + F5 judges (400 ratings): key 73-100% of the items the ranker calls key from a key
# point or the summary, 7-13% of the details (mostly a date swapped in an incidental
# sentence). A ready set reads 60% key only when about nine in ten of its items are key,
# so details go back to review, down to READY_FLOOR. Fresh lessons carry 12-15 clean key
# items: with a floor of 20 the F5 and F6 ready sets read 37-45% key, so the floor is the
# issue's bar rather than its twenty (estimated on 85 tuned lessons: floor 20 -> 51% key,
# 18 ready a lesson; floor 12 -> 61% key, 15 ready; a lesson with key items enough still
# keeps 20 and more). A quiz that draws more than the ready set holds is refused with
# the count, and the teacher approves more from review.
KEY_SHARE = 0.9
KIND_KEEP = 3  # ready items of a kind curation never goes below
READY_FLOOR = 12
TOPICAL = 0.5  # share of a sentence's content words that are the lesson's topic words


def curate_ready(questions: list[GeneratedQuestion]) -> None:
    """Keep the ready set key: past READY_FLOOR ready items, detail items (the
    least topical and least trusted first) go back to review until at least KEY_SHARE
    of the ready set is key."""
    ready = [q for q in questions if q.ready]
    # Readers judged key half the details whose sentence is mostly the lesson's topic
    # words, a tenth of the others: those go first.
    details = sorted(
        (q for q in ready if q.worth != "key"),
        key=lambda q: (q.topical >= TOPICAL, q.confidence),
    )
    key = len(ready) - len(details)
    kinds = Counter(q.kind for q in ready)
    for dropped in details:
        if len(ready) <= READY_FLOOR or key >= KEY_SHARE * len(ready):
            break
        if kinds[dropped.kind] <= KIND_KEEP:
            continue  # the ready set keeps every kind it has
        dropped.ready = False
        dropped.faults = [*dropped.faults, "enough-ready"]
        dropped.reason = reason_text(False, ["enough-ready"], [])
        ready.remove(dropped)
        kinds[dropped.kind] -= 1

"""Three wrong options of the answer's kind: from the lesson, the course, then fallbacks.

A wrong option must be plainly wrong: never a name the source sentence uses, never one
the lesson says the same thing of, never an alias or a part of another option, and of
the answer's grammatical form (article, number) so that grammar gives nothing away.
"""

import hashlib
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from quizzes.generation.answers import Answer
from quizzes.generation.checks import (
    contains_phrase,
    is_acronym_of,
    overlaps_as_name,
    same_option,
    says_the_same,
)
from quizzes.generation.entities import DATE, NUMBER, PERSON, Entity, normalise
from quizzes.generation.entity_words import TITLES
from quizzes.generation.eras import existed_since, of_another_age, of_another_side
from quizzes.generation.fallbacks import (
    ACTIVE_YEAR,
    COUNTRIES,
    FALLBACKS,
    GENERIC_TAGS,
    PLACE_WITHIN,
)
from quizzes.generation.finekinds import (
    PLACE_CUES,
    REGNAL,
    FineKind,
    cue_before,
    fine_kind_of_name,
)
from quizzes.generation.nlp import ORG_HEADS
from quizzes.generation.selection import LessonSentence, content_lemmas
from quizzes.generation.sets import MONTHS
from quizzes.generation.years import signed_years

# Not a part of a larger number: "50,000 years" holds no year "000".
YEAR = re.compile(r"(?<![\d,.])\b(1\d{3}|20\d{2}|\d{3})\b(?![,.]\d)")
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.I)
NUMBER_IN_TEXT = re.compile(r"\d[\d,]*(?:\.\d+)?")
YEAR_SHIFTS = (3, -2, 5, -4, 1, -6, 8, -1, 2, -3, 10, -5)
# Far enough from the answer to be plainly wrong, near enough to be believed.
NUMBER_FACTORS = (2, 0.5, 3, 1.5, 4, 0.25, 2.5, 0.4)
# A percentage, whose wrong values must stay possible shares on the same side of half.
PERCENT = re.compile(r"^\s*(?:%|per\s?cent\b)", re.I)
SHARE_POINTS = (-10, 7, -20, 12, -5, -15, 4, -25)
ERA_SPAN = 40  # years either side of the lesson's middle year a fallback may come from
SOURCE_RANK = {"lesson": 0, "course": 1, "fallback": 2}


@dataclass(frozen=True)
class Candidate:
    name: str
    kind: str
    source: str  # "lesson", "course" or "fallback"
    takes_the: bool | None = None
    plural: bool | None = None
    entity: Entity | None = None
    tags: tuple[str, ...] = ()


@dataclass
class DistractorPool:
    """Everything a lesson can draw wrong options from."""

    entities: list[Entity]
    sentences: list[LessonSentence]
    extra_docs: list[Doc]  # key points: the lesson's claims too
    course: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    lesson_words: set[str] = field(default_factory=set)
    related: set[frozenset[str]] = field(default_factory=set)  # "Marathon in Attica"
    year: int | None = None  # the lesson's middle year, if it gives years
    title_years: tuple[int, ...] = ()  # years the title names: options must stay inside
    span_years: tuple[int, int] | None = None  # a short span the summary and key points name
    fine: dict[str, FineKind] = field(default_factory=dict)  # entity name -> fine kind
    origins: dict[str, str] = field(default_factory=dict)  # option -> where it came from
    _mentioned: dict[str, bool] = field(default_factory=dict)
    _blob: str = ""
    _lemmas: dict[tuple, set[str]] = field(default_factory=dict)
    _extra: list[set[str]] | None = None
    _said: dict[tuple, bool] = field(default_factory=dict)
    _years: dict[int, set[int]] = field(default_factory=dict)  # sentence index -> its years
    _item_years: dict[tuple, set[int]] = field(default_factory=dict)  # item_years, once each
    _sides: dict[str, set[str]] | None = None  # person -> peoples named before their roles
    _since: dict[str, int] | None = None  # noun lemma -> year the lesson has it made or found
    ready_falses: dict[int, list] = field(default_factory=dict)  # key point -> false forms

    def mentions(self, text: str) -> bool:
        """Whether the lesson's sentences or key points name this (cached per pool)."""
        if text not in self._mentioned:
            if not self._blob:
                texts = [s.text for s in self.sentences] + [d.text for d in self.extra_docs]
                self._blob = "\n".join(texts)
            self._mentioned[text] = contains_phrase(self._blob, text)
        return self._mentioned[text]

    def extra_lemmas(self) -> list[set[str]]:
        """The key points' content lemmas, found once per pool."""
        if self._extra is None:
            self._extra = [content_lemmas(doc) for doc in self.extra_docs]
        return self._extra

    def lemmas(self, sentence: LessonSentence, skip: tuple[int, int]) -> set[str]:
        key = (sentence.index, skip)
        if key not in self._lemmas:
            self._lemmas[key] = content_lemmas(sentence.doc, skip)
        return self._lemmas[key]

    def candidates(self, kind: str) -> list[Candidate]:
        # A name the tagger could not agree on may be of another kind: no wrong option.
        found = [
            Candidate(e.name, e.kind, "lesson", e.takes_the, e.plural, e)
            for e in self.entities
            if e.kind == kind and e.certain
        ]
        found += [
            Candidate(name, kind, "course", takes_the)
            for name, takes_the in self.course.get(kind, [])
        ]
        for name, tags in FALLBACKS.get(kind, []):
            takes_the = kind in ("organisation", "event") and not name.isupper()
            found.append(Candidate(name, kind, "fallback", takes_the, None, None, tags))
        return found


def stable_hash(*parts: str) -> int:
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return int(digest[:12], 16)


WATER = {"sea", "ocean", "gulf", "river", "lake", "canal", "strait", "straits", "bay", "channel"}
LANDFORMS = {
    "peninsula",
    "island",
    "islands",
    "mountains",
    "valley",
    "desert",
    "plateau",
    "coast",
    "plain",
    "plains",
    "isthmus",
}
CONTINENTS = {
    "europe",
    "asia",
    "africa",
    "americas",
    "america",
    "south asia",
    "west africa",
    "east asia",
    "middle east",
    "caribbean",
    "balkans",
    "latin america",
    "north america",
    "south america",
    "pacific",
    "atlantic",
}


def place_sort(name: str) -> str:
    """Water, landform, continent or region, country, or town or province: options keep to
    one sort."""
    text = normalise(name)
    words = text.split()
    # "Sea of Marmara": before "of" stands what the place is.
    head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
    if head in WATER or text in ("atlantic", "pacific", "mediterranean", "nile", "thames"):
        return "water"
    if head in LANDFORMS:
        return "land"
    if text in CONTINENTS:
        return "region"
    if text in COUNTRIES:
        return "country"
    return "town or province"


def fallback_fits(name: str, tags, lesson_words: set[str], year: int | None) -> bool:
    """A curated name fits a lesson sharing two specific topic words, from its era."""
    if len((set(tags) - GENERIC_TAGS) & lesson_words) < 2:
        return False  # a name from another time and place is no real choice
    active = ACTIVE_YEAR.get(name)
    return active is None or year is None or abs(active - year) <= ERA_SPAN


def names_a_body(name: str) -> bool:
    """The name says it is an organisation: "... Party", "... Command", or an acronym."""
    words = name.split()
    return bool(words) and (words[-1].lower() in ORG_HEADS or name.isupper())


def places_nest(a: str, b: str) -> bool:
    """One well-known place lies inside the other (by the shipped gazetteer)."""
    a, b = normalise(a), normalise(b)
    return b in PLACE_WITHIN.get(a, ()) or a in PLACE_WITHIN.get(b, ())


def _display(candidate: Candidate, answer: Answer) -> str:
    if candidate.kind == PERSON and len(answer.text.split()) == 1:
        if candidate.entity is not None:
            short = candidate.entity.short_name
            # Only a short name the lesson itself uses ("Carta" alone never stands).
            return short if short in candidate.entity.names else candidate.entity.name
        return candidate.name.split()[-1]
    return candidate.name


def _lesson_mentions(pool: DistractorPool, text: str) -> bool:
    return pool.mentions(text)


def _said_of(
    pool: DistractorPool,
    candidate: Candidate,
    sentence: LessonSentence,
    answer: Answer,
    strict: bool = False,
) -> bool:
    """The lesson claims of the candidate what the sentence claims of the answer.

    `strict` (for false statements) also counts a sentence that ties the candidate to
    another name of this sentence by a shared word: "Constantinople, the capital of the
    Byzantine Empire" makes "capital of the Byzantine Empire" unsafe as a false swap.
    """
    if candidate.entity is None:
        return False
    claim = pool.lemmas(sentence, (answer.token_start, answer.token_end))
    names = {
        t.lemma_.lower()
        for t in sentence.doc
        if t.pos_ == "PROPN" and not answer.token_start <= t.i < answer.token_end
    }
    for mention in candidate.entity.mentions:
        other = pool.sentences[mention.sentence]
        said = pool.lemmas(other, (mention.token_start, mention.token_end))
        if says_the_same(claim, said):
            return True
        shared = claim & said
        if strict and shared & names and shared - names:
            return True
    names = candidate.entity.names
    for doc, lemmas in zip(pool.extra_docs, pool.extra_lemmas(), strict=True):
        if any(name.lower() in doc.text.lower() for name in names) and says_the_same(claim, lemmas):
            return True
    return False


def candidate_fine_kind(candidate: Candidate, pool: DistractorPool) -> FineKind:
    if candidate.entity is not None:
        return pool.fine.get(candidate.entity.name, FineKind())
    return fine_kind_of_name(candidate.name, candidate.kind)


def _fine_fits(found: FineKind, wanted: FineKind, strict: bool) -> bool:
    """Of the wanted fine kind; `strict` (a cue word before the blank) needs it known:
    after "Pope", a name the lesson also calls "Pope", or one of the same role."""
    if found.clashes(wanted):
        return False
    if strict:
        if wanted.titles and found.titles & wanted.titles:
            return not (wanted.gender and found.gender and wanted.gender != found.gender)
        return (not wanted.sort or found.sort == wanted.sort) and (
            not wanted.gender or found.gender == wanted.gender
        )
    return True


def _fits(
    candidate: Candidate,
    answer: Answer,
    display: str,
    sentence: LessonSentence,
    pool: DistractorPool,
    wanted: FineKind | None = None,
    strict: bool = False,
) -> bool:
    wanted = wanted or FineKind()
    if not _fine_fits(candidate_fine_kind(candidate, pool), wanted, strict):
        return False  # a city among countries, a pope among generals, a man for "Empress"
    if answer.after_article == "the" and candidate.takes_the is False:
        return False
    if answer.after_article != "the" and candidate.takes_the:
        return False
    if candidate.plural is not None and candidate.plural != answer.plural:
        return False
    if answer.entity is not None and (
        answer.entity is candidate.entity or answer.entity.is_alias(display)
    ):
        return False
    if (
        answer.entity is not None
        and candidate.entity is not None
        and frozenset((answer.entity.name, candidate.entity.name)) in pool.related
    ):
        return False  # one place inside the other: not plainly wrong
    if answer.kind == "place" and (
        places_nest(display, answer.text) or place_sort(display) != place_sort(answer.text)
    ):
        return False  # a sea is no fair wrong option for a country, nor a continent
    if answer.kind == "organisation" and not names_a_body(display):
        return False  # "Hôtel de Ville" beside "Third Estate": only bodies by their head noun
    if same_option(display, answer.text) or overlaps_as_name(display, answer.text):
        return False
    if contains_phrase(sentence.text, display) or _initials_in(sentence.text, display):
        return False  # the prompt names it ("the ANC" for the African National Congress)
    if candidate.entity is not None and any(
        contains_phrase(sentence.text, name) for name in candidate.entity.names
    ):
        return False
    if answer.kind == PERSON and of_another_age(candidate, sentence, pool):
        return False  # a scholar of 1837 offered as the father of a king of 268 BC
    if answer.kind == PERSON and of_another_side(candidate, sentence, answer, pool):
        return False  # US Army officers offered as "the Oglala war leader _____"
    if answer.kind == PERSON and _surname_beside(sentence.text, answer, display):
        return False  # "blamed _____ and Braun": "Otto Braun" is already in the prompt
    if candidate.source != "lesson" and _lesson_mentions(pool, display):
        return False  # the lesson speaks of it: it may well be right
    key = (candidate.name, sentence.index, answer.token_start, answer.token_end)
    if key not in pool._said:
        strict = candidate.source == "lesson"
        pool._said[key] = _said_of(pool, candidate, sentence, answer, strict=strict)
    return not pool._said[key]


def _surname_beside(text: str, answer: Answer, name: str) -> bool:
    """The prompt, outside the blank, names this person by their last name, or by their
    first where a name puts the family first (F20: "Maeno ..." beside "Maeno Ryōtaku")."""
    words = name.split()
    rest = text[: answer.start] + " " + text[answer.end :]
    return len(words) > 1 and any(
        len(word) > 3
        and word[0].isupper()
        and word.lower() not in TITLES
        and re.search(rf"\b{re.escape(word)}\b", rest) is not None
        for word in (words[0], words[-1])
    )


def _initials_in(text: str, name: str) -> bool:
    """The text names `name` by its initials."""
    return any(is_acronym_of(word, name) for word in re.findall(r"\b[A-Z]{2,}\b", text))


def _named_distractors(
    answer: Answer,
    sentence: LessonSentence,
    pool: DistractorPool,
    seed: str,
    lesson_only: bool,
    wanted: FineKind,
    strict: bool,
) -> list[str]:
    ranked = []
    for candidate in pool.candidates(answer.kind):
        if lesson_only and candidate.source != "lesson":
            continue
        topical = -len((set(candidate.tags) - GENERIC_TAGS) & pool.lesson_words)
        if candidate.source == "fallback" and not fallback_fits(
            candidate.name, candidate.tags, pool.lesson_words, pool.year
        ):
            continue
        display = _display(candidate, answer)
        length_gap = abs(len(display) - len(answer.text)) // 6
        order = (SOURCE_RANK[candidate.source], topical, length_gap, stable_hash(seed, display))
        ranked.append((order, display, candidate))
    ranked.sort(key=lambda item: item[0])
    chosen: list[str] = []
    from_lesson = 0
    # The full checks are the costly part: run them in rank order, only as far as needed.
    for order, display, candidate in ranked:
        if len(chosen) >= 6:
            break
        if any(same_option(display, c) or overlaps_as_name(display, c) for c in chosen):
            continue
        if _fits(candidate, answer, display, sentence, pool, wanted, strict):
            chosen.append(display)
            pool.origins[display] = candidate.source
            from_lesson += order[0] == 0
    if from_lesson < 2:
        # Options mostly from outside the lesson read as filler: better no choice at all.
        return chosen[:from_lesson]
    return _not_shortest(chosen, answer.text)


def _not_shortest(chosen: list[str], answer: str) -> list[str]:
    """Keep the three best, swapping in a longer one so the answer is not the longest."""
    best = chosen[:3]
    if len(best) == 3 and all(len(answer) > len(option) for option in best):
        longer = [option for option in chosen[3:] if len(option) >= len(answer)]
        if longer:
            best[-1] = longer[0]
    return best


def title_range(pool: DistractorPool) -> tuple[int, int] | None:
    """The years the title spans ("..., 1904-1905"), or else the short span the summary
    and key points name (a boycott of 1955-1956): a date inside it keeps to it, since a
    reader rules out at a glance a year outside the events."""
    if pool.title_years:
        return (min(pool.title_years), max(pool.title_years))
    return pool.span_years


def _crosses(year: int, shifted: int, span: tuple[int, int]) -> bool:
    """The shifted year lands on another side of the span than the year itself."""
    low, high = span
    return (year < low) != (shifted < low) or (year > high) != (shifted > high)


# The most days each month can have: "30 January" shifted to February is no date.
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
DAY = re.compile(r"\b([12]?\d|3[01])\b")


# Words that tie a sentence to a time of year: "a long spell of hot, dry weather" moved
# from June to December reads as absurd.
SEASON_WORDS = re.compile(
    r"\b(summer|winter|spring|autumn|hot|heat|heatwave|cold|snow\w*|frost\w*|froze|frozen|"
    r"freezing|ice|icy|drought|monsoon|harvest)\b",
    re.I,
)


def _shift_months(answer: Answer, seed: str, sentence_text: str = "") -> list[str]:
    """ "12 February 1904" -> "12 May 1904": the same year, another month; none where the
    sentence names its season or weather (a month away may still be true of a hot spell)."""
    found = MONTH.search(answer.text)
    rest = sentence_text[: answer.start] + sentence_text[answer.end :]
    if not found or SEASON_WORDS.search(rest):
        return []
    month = MONTHS.index(found.group(0).lower())
    shifts = [3, -2, 5, -4, 2, -3, 4, -1, 1, 6, -5]
    start = stable_hash(seed, "month") % len(shifts)
    options = []
    days = [int(d) for d in DAY.findall(answer.text.replace(found.group(0), " "))]
    day = next((d for d in days if d <= 31), 0)
    for shift in shifts[start:] + shifts[:start]:
        other = month + shift
        if 0 <= other < 12 and day <= MONTH_DAYS[other]:
            name = MONTHS[other].capitalize()
            options.append(answer.text[: found.start()] + name + answer.text[found.end() :])
    return options


def _shift_years(answer: Answer, pool: DistractorPool, seed: str, sentence_text: str) -> list[str]:
    match = YEAR.search(answer.text)
    if not match:
        return []
    year = int(match.group())
    decade = answer.text.rstrip().endswith("0s")
    shifts = [s * 10 for s in YEAR_SHIFTS] if decade else list(YEAR_SHIFTS)
    start = stable_hash(seed) % len(shifts)
    span = title_range(pool)
    inside = span is not None and span[0] <= year <= span[1]
    rest = sentence_text[: answer.start] + sentence_text[answer.end :]
    others = [int(y) for y in YEAR.findall(rest)]
    found = []
    for shift in shifts[start:] + shifts[:start]:
        shifted = year + shift
        if inside and not span[0] <= shifted <= span[1]:
            continue  # the title's years rule it out at a glance
        if span is not None and not inside and _crosses(year, shifted, span):
            continue  # a law of 1885 in a lesson "..., 1888" moved to 1893 reads as absurd
        if any(_crosses(year, shifted, (other, other)) for other in others):
            continue  # "late 1953 ... an invasion in the spring of 1944" contradicts itself
        text = answer.text[: match.start()] + str(shifted) + answer.text[match.end() :]
        if shifted > 0 and not _lesson_mentions(pool, str(shifted)):
            found.append(text)
    if inside and len(found) < 3 and not MONTH.search(rest):
        # "bombed on _____, and in February ...": another month named beside it would
        # leave one option in order; only a sentence naming none takes month shifts.
        found += _shift_months(answer, seed, sentence_text)
    return found


FOUR_DIGIT_YEAR = re.compile(r"1\d{3}|20\d{2}")


def _numbers_beside(answer: Answer, sentence_text: str) -> list[float]:
    """The sentence's other counts (not its years): "Of the _____ dead, 123 were women"."""
    rest = sentence_text[: answer.start] + " " + sentence_text[answer.end :]
    values = []
    for raw in NUMBER_IN_TEXT.findall(rest):
        count = re.fullmatch(r"\d{1,3}(,\d{3})+|\d+(\.\d+)?", raw)
        if count and not FOUR_DIGIT_YEAR.fullmatch(raw):
            values.append(float(raw.replace(",", "")))
    return values


def _scale_number(
    answer: Answer, pool: DistractorPool, seed: str, sentence_text: str = ""
) -> list[str]:
    match = NUMBER_IN_TEXT.search(answer.text)
    if not match:
        return []
    raw = match.group()
    if not re.fullmatch(r"\d{1,3}(,\d{3})+|\d+|\d+\.\d+", raw):
        return []  # "50,8": a decimal comma or a list, not a number to scale
    value = float(raw.replace(",", ""))
    share = PERCENT.search(answer.text[match.end() :]) is not None
    # A share moves by points (90.8 -> 80.8), never past the whole or across half: a
    # majority stays a majority. Other numbers scale.
    if share:
        values = [value + points for points in SHARE_POINTS]
        values = [v for v in values if 0 < v < 100 and (v > 50) == (value > 50)]
    else:
        values = [value * factor for factor in NUMBER_FACTORS]
    # An option on the other side of a number the sentence gives beside it ("Of the 36
    # dead, 123 were women") makes a part larger than its whole: the reader rules it out.
    # Only a bare count: "about _____ south of Johannesburg, killing 69 people" compares
    # kilometres with people.
    beside = _numbers_beside(answer, sentence_text) if raw == answer.text.strip() else []
    values = [v for v in values if all((v > b) == (value > b) for b in beside if b != value)]
    start = stable_hash(seed) % len(values) if values else 0
    found = []
    for new in values[start:] + values[:start]:
        if "." not in raw:
            new_text = f"{round(new):,}" if "," in raw else str(round(new))
        else:
            new_text = f"{new:.1f}"
        if new_text in (raw, "0") or _lesson_mentions(pool, new_text):
            continue
        found.append(answer.text[: match.start()] + new_text + answer.text[match.end() :])
    return found


def wanted_kind(
    answer: Answer, sentence: LessonSentence, pool: DistractorPool
) -> tuple[FineKind, bool, str]:
    """The fine kind options must share, whether a cue word makes it strict, and the cue.

    A title or place noun right before the answer ("Empress", "the town of") names the
    kind for every option, so each must be known to be of it.
    """
    found = pool.fine.get(answer.entity.name, FineKind()) if answer.entity else FineKind()
    cue = cue_before(sentence.doc, answer.token_start)
    if not cue and answer.kind == PERSON and found.sort == "ruler" and REGNAL.search(answer.text):
        # "Pedro IV": options are other monarchs the lesson (or the lists) know, never a
        # saint or a town beside a numbered king (F11 readers).
        return found, True, ""
    if not cue or answer.kind not in (PERSON, "place"):
        return found, False, ""
    word = cue.split()[0].lower()
    if answer.kind == PERSON:
        from_cue = fine_kind_of_name(cue, PERSON)
        merged = FineKind(
            from_cue.sort or found.sort, from_cue.gender or found.gender, from_cue.titles
        )
        return merged, True, cue
    sort = PLACE_CUES.get(word) or found.sort
    return FineKind(sort), True, cue


def _year_read_as_number(sentence: LessonSentence, answer: Answer) -> bool:
    """ "inherited the kingdom in 768", "suffered from 303": a bare three- or four-digit
    number after "in", "since", "from" or "by" may be a year the tagger took for a count
    (scaled, "from 303" became "from 909")."""
    before = sentence.doc[answer.token_start - 1] if answer.token_start > 0 else None
    return (
        before is not None
        and before.lower_ in ("in", "since", "by", "until", "of", "from")
        and re.fullmatch(r"\d{3,4}", answer.text.strip()) is not None
    )


def choose_distractors(
    answer: Answer,
    sentence: LessonSentence,
    pool: DistractorPool,
    seed: str,
    lesson_only: bool = False,
) -> list[str]:
    """Up to three wrong options; fewer means the answer cannot make a fair choice.

    `lesson_only` keeps to the lesson's own names: a false statement built from a name
    the lesson never mentions might, by bad luck, be true.
    """
    if answer.kind == DATE:
        found = _shift_years(answer, pool, seed, sentence.text)
        since = existed_since(sentence, pool)
        if since is not None and min(signed_years(answer.text), default=since) >= since:
            # Before the thing existed is no date for it: a reader rules it out at once.
            found = [o for o in found if min(signed_years(o), default=since) >= since]
    elif answer.kind == NUMBER:
        if _year_read_as_number(sentence, answer):
            return []  # scaled, "in 768" becomes "in 1920"
        found = _scale_number(answer, pool, seed, sentence.text)
    else:
        wanted, strict, _ = wanted_kind(answer, sentence, pool)
        return _named_distractors(answer, sentence, pool, seed, lesson_only, wanted, strict)
    unique: list[str] = []
    for option in found:
        others = [*unique, answer.text]
        # "400 km" beside "6,400 km" reads as a part of it.
        if all(not same_option(option, o) and not overlaps_as_name(option, o) for o in others):
            unique.append(option)
    return unique[:3]

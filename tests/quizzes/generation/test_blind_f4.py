"""The faults two blind judges found in the ready items of the fourth fresh set (F4), and
the kinds of question it lacked.

The lessons are released now, so the generator is tuned on them; each case stands for a
general fault shape, named in the comment, not for the one lesson it was seen in.
"""

import re
from collections import Counter
from pathlib import Path

import pytest

from quizzes.generation.answers import entity_answers
from quizzes.generation.cloze import cloze_prompt, fill_blank
from quizzes.generation.context import leaning_words
from quizzes.generation.entities import mentions_in
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText, generate_bank
from quizzes.generation.statements import MAX_KEY_USES

RELEASED_F4 = Path(__file__).parents[1] / "data" / "released-f4"


@pytest.fixture(scope="module")
def f4_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F4.glob("*.txt")}


def _ready(bank, kind=None):
    return [q for q in bank.questions if q.ready and (kind is None or q.kind == kind)]


def _bank(title, sentences):
    """A small lesson's bank: the sentences, the first of them its summary."""
    return generate_bank(LessonText(title, [], list(enumerate(sentences, start=1)), frozenset({1})))


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # F4: most lessons have 5+ years but only 0-3 events dated on the main verb.
        # A date on the second main clause, which has a subject of its own.
        (
            "Unrest spread through Tarsk, and in 1977 the United Nations imposed an arms "
            "embargo on Tarsk.",
            "1977",
            (1977, "The United Nations imposed an arms embargo on Tarsk"),
        ),
        # A year written "AD 79".
        (
            # (A bare "the volcano" would lean on an earlier sentence: F6.)
            "Vesuvius erupted in AD 79 under a new emperor.",
            "AD 79",
            (79, "Vesuvius erupted under a new emperor"),
        ),
        # A second year in a clause the event leaves out.
        (
            "King Aldo died in Tarsk on 26 December 1530 and was succeeded by his brother "
            "Marek, who lost the throne in 1540.",
            "26 December 1530",
            (1530, "King Aldo died in Tarsk and was succeeded by his brother Marek"),
        ),
        # "on the morning of <date>": the date is the time of the main verb.
        (
            "After days of waiting, Sultan Selim attacked on the morning of 21 April 1526.",
            "21 April 1526",
            (1526, "After days of waiting, Sultan Selim attacked"),
        ),
    ],
)
def test_more_dated_events_for_ordering(event, sentence, date, expected):
    assert event(sentence, date) == expected


def test_an_event_keeps_a_hyphenated_word_whole(event):
    # Seen on the tuned sets after the change: a cut at the hyphen of "Self-Government".
    found = event(
        "In 1949 Kwame Nkrumah founded the Convention People's Party with the slogan "
        '"Self-Government Now", which won the election.',
        "1949",
    )
    assert found and "Self-Government Now" in found[1]


def test_there_with_no_place_before_it_leans():
    # F4 judge B: "reports of gold there" with no place named.
    leaning, placed = parse_all(
        [
            "In 1874 an army expedition confirmed reports of gold there.",
            "In 1874 an army expedition reached Tarsk and found gold there.",
        ]
    )
    assert "there" in leaning_words(leaning)
    assert "there" not in leaning_words(placed)


@pytest.mark.parametrize(
    "sentence, date",
    [
        # The second clause's subject is a pronoun: out of its sentence it is unclear.
        ("The prince was driven south, and in 1504 he captured the city of Tarsk.", "1504"),
        # "By 1888 ...": a state reached by then, not an event that happened then.
        ("By 1888 the system of forced labour in Tarsk was collapsing.", "1888"),
        # The date belongs to a noun before it ("before his death in 1882").
        (
            "Aldo rallied crowds in Tarsk; Marek Holm had already won freedom in court for "
            "hundreds of people before his death in 1882.",
            "1882",
        ),
        # The date dates an aside ("The canal, opened in 1869, linked ...").
        ("The Tarsk Canal, opened in 1869, linked the Northern Sea to the Eastern Sea.", "1869"),
    ],
)
def test_no_event_where_the_date_is_unclear(event, sentence, date):
    assert not event(sentence, date)


KESSEL = [
    "The town of Kessel was buried by ash from the mountain in 1801.",
    "Thousands of people fled to the coast, and many others died in the streets.",
    "The governor Aldo Venn ordered the harbour closed on the first night.",
    "The general Pieter Laan marched his soldiers to the coast in 1802.",
    "The general Jan Brod refused to leave the old fort and was captured in 1803.",
    "The poet Ida Sorn wrote a long poem about the buried town in 1870.",
    "Visitors from across Europe came to see the ruins of Kessel after 1880.",
    "The ruins of Kessel were named a world heritage site in 1997.",
]


def test_a_blank_after_a_role_one_person_holds_is_ready():
    # F4: fill-in-the-blank was ready only on bare years (lessons lacked a fourth kind).
    # "The poet _____" where the lesson names one poet has one answer; "The general
    # _____" where it names two does not.
    bank = _bank("The Burial of Kessel", KESSEL)
    blanks = {q.answer: q for q in bank.questions if q.kind == "fill_blank"}

    assert blanks["Ida Sorn"].ready and blanks["Aldo Venn"].ready
    assert not blanks["Pieter Laan"].ready and not blanks["Jan Brod"].ready


def test_each_false_statement_is_a_wrong_option_at_most_three_times_per_lesson(f4_banks):
    # F4 judges: the same absurd false statement stood in three "Which is true?" items.
    # Twice is allowed (random draws and the quiz builder keep such a pair apart): once
    # only left most lessons without the key items these are (a key point's false form
    # may serve three since round 7; a body sentence's two: test_blind_f6).
    repeated = {}
    for lesson, bank in f4_banks.items():
        seen = Counter(
            d for q in _ready(bank) if q.rule.startswith("mc.true") for d in q.distractors
        )
        repeated.update({(lesson, text): n for text, n in seen.items() if n > MAX_KEY_USES})
    assert repeated == {}


def test_no_person_swapped_in_from_decades_away(f4_banks):
    # F4 judges: a president of the 1970s swapped in as the canal's builder of 1907.
    found = [
        text
        for bank in f4_banks.values()
        for q in _ready(bank)
        for text in [q.prompt, *map(str, q.choices)]
        if "Carter directed" in text
    ]
    assert found == []


@pytest.mark.parametrize(
    "sentence, name",
    [
        # F4 judges: "a general named Taksin, also known as _____": the alias before the
        # blank points to the answer.
        (
            "Months before the fall, a general named Taksin, also known as Phraya Tak, fled.",
            "Phraya Tak",
        ),
        ("The port of Edo, now called Tokyo, grew quickly after 1868.", "Tokyo"),
    ],
)
def test_no_blank_on_a_name_after_another_name_for_it(parse, sentence, name):
    parsed = parse([sentence])
    (lesson_sentence,) = parsed.sentences
    answer = next(
        a
        for a in entity_answers(lesson_sentence, mentions_in(lesson_sentence.doc, 0), {})
        if a.text == name
    )
    assert cloze_prompt(lesson_sentence, answer) is None


def test_no_officer_of_the_other_side_offered_as_a_peoples_leader(f4_banks):
    # F4 judges: US Army officers offered as "the Oglala war leader _____".
    found = [
        q.choices
        for q in _ready(f4_banks["the-battle-of-the-little-bighorn-25-june-1876"])
        if "Oglala war leader _____" in q.prompt
        and {"Marcus Reno", "George Crook", "Alfred Terry"} & set(q.choices)
    ]
    assert found == []


SIDES = [
    "In 1510 the Tarskan king Aldo Venn led his army against the Kessel towns.",
    "The Kessel chief Marek Holm gathered the hill clans to meet him.",
    "The Kessel chief Ida Sorn brought warriors from the coast.",
    "The Kessel chief Anna Dorn held the northern pass with the archers.",
    "The Kessel chief Otto Brand led a raid on the enemy camp at night.",
    "The Tarskan general Pieter Laan commanded the cavalry on the right.",
    "The Tarskan general Jan Brod held the river crossing with the infantry.",
    "In 1511 the Kessel chief Tomas Rell died in the fighting at the ford.",
    "Aldo Venn took the capital of Kessel in 1512 after a long siege.",
    "Marek Holm escaped to the mountains with a few hundred followers in 1513.",
]


def test_a_peoples_leader_is_offered_only_among_that_peoples_people():
    # "the Kessel chief _____": Tarskan generals are the other side, not fair options.
    bank = _bank("The Tarskan War", SIDES)
    wrong_side = {"Aldo Venn", "Pieter Laan", "Jan Brod"}
    offered = [
        set(q.distractors)
        for q in bank.questions
        if q.kind == "multiple_choice" and "Kessel chief _____" in q.prompt
    ]
    # (Before the side rule: three items, each offering the three Tarskans.)
    assert all(not options & wrong_side for options in offered)


def test_matching_describes_people_by_more_than_a_bare_role(f4_banks):
    # F4 judge B: "The Premier" (of where?) and "A lawyer" are bare stubs.
    stubs = [
        description
        for bank in f4_banks.values()
        for q in _ready(bank, "matching")
        for _, description in q.answer
        if len(description.split()) <= 2 and description.split()[0] in ("A", "An", "The")
    ]
    assert stubs == []


def test_a_true_statement_that_restates_the_title_is_not_ready():
    # F4 judge B: "In AD 79 Mount Vesuvius erupted ... and buried ... Pompeii" under the
    # title "Vesuvius Buries Pompeii, AD 79": the title answers it.
    sentences = [
        "In 1801 the mountain Kessel erupted and buried the town of Tarsk under ash.",
        *KESSEL[1:],
    ]
    bank = _bank("The Mountain Kessel Buries Tarsk, 1801", sentences)
    assert not [
        q for q in _ready(bank, "true_false") if q.answer == "true" and q.prompt == sentences[0]
    ]


def test_a_year_blank_after_in_says_it_asks_a_year(parse):
    # F4 judges: "the High Court, which first sat in _____" fits a place as well as a year.
    parsed = parse(["The high court of Kessel first sat in 1903."])
    (sentence,) = parsed.sentences
    (answer,) = [
        a for a in entity_answers(sentence, mentions_in(sentence.doc, 0), {}) if a.text == "1903"
    ]
    item = fill_blank(sentence, answer, cloze_prompt(sentence, answer))
    assert item.prompt == "The high court of Kessel first sat in the year _____."


def test_a_false_year_is_more_than_one_year_off(f4_banks):
    # F4 judges: "falsity rests on a one-year shift (1516/1517)" on a minor date.
    near = []
    for bank in f4_banks.values():
        for q in _ready(bank, "true_false"):
            if q.answer == "false" and q.rule == "tf.swap.date":
                shown = re.findall(r"\b\d{3,4}\b", q.prompt)
                true = re.findall(r"\b\d{3,4}\b", q.sentence.text)
                pairs = zip(shown, true, strict=False)
                near += [(a, b) for a, b in pairs if abs(int(a) - int(b)) == 1]
    assert near == []


def test_a_name_is_described_only_where_the_sentence_writes_it_whole(f4_banks):
    # Seen after "who" clauses widened matching: "Panama Canal -> Took full control on 31
    # December 1999", said of Panama (the country) in "... to Panama, which took ...".
    bank = f4_banks["the-opening-of-the-panama-canal-1914"]
    said = [
        f"{term} -> {description}"
        for q in _ready(bank, "matching")
        for term, description in q.answer
        if term == "Panama Canal" and "full control" in description
    ]
    said += [card.back for card in bank.flashcards if card.back.startswith("Panama Canal took")]
    assert said == []


@pytest.mark.parametrize(
    "description",
    [
        "Become Sultan of Delhi in 1517",  # "who had become": the tense lost
        "Raising money in the United States",  # a participle, not what they did
        "Agreed to act",  # too little to tell anyone by
    ],
)
def test_matching_takes_no_description_cut_from_its_verb(f4_banks, f3_sets, description):
    # Seen on the tuned sets (F3, F4) once matching took "who" clauses.
    found = [
        d
        for bank in [*f4_banks.values(), *f3_sets.values()]
        for q in _ready(bank, "matching")
        for _, d in q.answer
        if d == description
    ]
    assert found == []


def test_a_people_prompt_matches_no_group(f3_sets):
    # "Match each person ...": "Africans -> Had to pay a hut tax".
    terms = [
        term for q in _ready(f3_sets["maji-maji-rebellion"], "matching") for term, _ in q.answer
    ]
    assert "Africans" not in terms


@pytest.fixture(scope="module")
def f3_sets(lesson_file):
    folder = Path(__file__).parents[1] / "data" / "released-f3"
    return {path.stem: generate_bank(lesson_file(path)) for path in folder.glob("*.txt")}


def test_a_statement_only_about_a_main_actor_is_no_key_item(f4_banks):
    # F4 readers called key none of the 4 statements the ranker called key only because
    # a main actor acts in them (a minor deed of Custer's is a detail).
    only_actor = [
        q.prompt
        for bank in f4_banks.values()
        for q in _ready(bank, "true_false")
        if q.reason == "Ready: about a main actor."
    ]
    assert only_actor == []


def test_a_which_clause_keeps_its_tense_and_its_referents(f4_banks):
    # Seen on F4 matching: "Ibrahim Lodi -> Become Sultan of Delhi" (from "who had become")
    # and "Chagatai Turkic -> Describes his battles" (whose? the memoir's, misread).
    pairs = {
        term: description
        for q in _ready(f4_banks["the-first-battle-of-panipat-1526"], "matching")
        for term, description in q.answer
    }
    assert pairs["Ibrahim Lodi"] == "Had become Sultan of Delhi in 1517"
    assert "Chagatai Turkic" not in pairs


def test_of_two_dated_claims_the_event_keeps_only_its_own(event):
    # Two years in one clause left it unclear which dated the event; the clause up to the
    # "and" holds one claim and one year (stop 21).
    sentence = "Excavations began at the north gate in 1738 and at the south gate in 1748."
    assert event(sentence, "1738") == (1738, "Excavations began at the north gate")

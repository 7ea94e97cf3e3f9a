"""The faults two blind judges found in the ready items of the ninth fresh set (F9).

The lessons are released now, so the generator is tuned on them; each case stands for a
general fault shape, named in the comment, with an invented sentence or lesson beside the
released one where the shape allows.
"""

from pathlib import Path

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.giveaways import retells_the_title
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank

RELEASED_F9 = Path(__file__).parents[1] / "data" / "released-f9"


@pytest.fixture(scope="module")
def f9_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F9.glob("*.txt")}


# 1. Lifted sentences that keep a "him", an "it" or "the young governor" of an earlier one.


@pytest.mark.parametrize(
    "sentence, word",
    [
        # "Tupaia ... sailed with him": the subject is never the "him" of its own verb.
        (
            "Anna Vell, a weaver from the nearby village of Tolsk, sailed with him and helped "
            "the crew trade with the islanders.",
            "him",
        ),
        # "Augustus sent Varus ... to organise it": neither the sender nor the one sent is it.
        ("In 1702 Mira sent Tarel, an official who had governed Morva, to organise it.", "it"),
        # "Timur had filled Samarkand ..., and the young governor set out": which governor?
        (
            "Orvan had filled Tolsk with scholars, and the young governor set out to make it a "
            "centre of learning.",
            "the governor",
        ),
    ],
)
def test_a_pronoun_or_role_of_an_earlier_sentence_leans(sentence, word):
    (doc,) = parse_all([sentence])
    assert word in leaning_words(doc), leaning_words(doc)


@pytest.mark.parametrize(
    "lesson, source",
    [
        ("cook-observes-the-transit-of-venus-from-tahiti-1769", "sailed with him"),
        ("ulugh-beg-builds-his-observatory-at-samarkand", "the young governor set out"),
        ("the-battle-of-the-teutoburg-forest-ad-9", "to organise it"),
    ],
)
def test_no_ready_item_lifts_a_sentence_that_leans(f9_banks, lesson, source):
    lifted = [q for q in f9_banks[lesson].questions if q.kind not in ("matching", "ordering")]
    ready = [q for q in lifted if q.ready and source in q.prompt]
    assert ready == [], [(q.kind, q.prompt) for q in ready]


# 2. Options a reader rules out from the sentence itself.


def test_a_whole_is_never_offered_smaller_than_its_part(parse):
    # F9: "Of the _____ dead, 123 were women": 36 and 58 offered for 146.
    parsed = parse(
        [
            "The fire broke out on the eighth floor, where 365 people worked.",
            "Only 58 workers escaped by the roof and 36 by the stairs.",
            "Of the 146 dead, 123 were women and girls.",
            "The owners had 240 machines on the floor.",
        ]
    )
    for options in parsed.options(2, "146"):
        assert options and all(int(o) > 123 for o in options), options


def test_no_option_is_a_fragment_of_a_titled_name(f9_banks):
    # F9: "Rukh" offered twice, the second word of "Shah Rukh".
    options = {
        c
        for q in f9_banks["ulugh-beg-builds-his-observatory-at-samarkand"].questions
        if q.ready and q.kind == "multiple_choice"
        for c in q.choices
    }
    assert "Rukh" not in options


# 3. Accepted answers (the marking rows are in test_marking_names.py).


def test_the_released_japanese_name_accepts_western_order(f9_banks):
    bank = f9_banks["the-battle-of-sekigahara-1600"]
    blanks = [q for q in bank.questions if q.kind == "fill_blank" and q.answer == "Tokugawa Ieyasu"]
    assert blanks and all("Ieyasu Tokugawa" in q.accepted for q in blanks)


# 4. A true statement that is the title with its place renamed.


def test_a_statement_of_the_title_and_its_year_gives_itself_away():
    title = "Gold Is Found at Tarsk, 1702"
    assert retells_the_title("Gold was found at the Red Hill in 1702.", title)
    assert not retells_the_title(
        "In 1702 a herder named Ana Vell found rich gold ore on a mountain above the river.",
        title,
    )


def test_the_released_title_statement_is_no_ready_key(f9_banks):
    bank = f9_banks["silver-is-found-at-potosi-1545"]
    said = [
        q
        for q in bank.questions
        if q.ready and "Silver was found at the Cerro Rico in 1545." in (q.prompt, q.answer)
    ]
    assert said == [], [(q.kind, q.prompt) for q in said]


# 5. Round 7E-A2: ancient lessons held back by signals that read their names and years wrong.


def test_a_bare_year_before_1000_is_a_date_and_a_count_stays_a_count(parse):
    # Pakal: "attacked Palenque in 599 and again in 611": a year the tagger took for a count,
    # so its blank was rated trivia and held back.
    parsed = parse(
        [
            "Tolsk's armies attacked Morva in 599 and again in 611, wrecking its shrines.",
            "The king of Morva sent 640 soldiers to the river.",
        ]
    )
    assert parsed.answer(0, "611").kind == "date"
    assert parsed.answer(1, "640").kind == "number"


def test_the_released_ancient_year_blank_is_ready(f9_banks):
    bank = f9_banks["pakal-the-great-rules-palenque"]
    ready = [q for q in bank.questions if q.ready and q.answer == "611"]
    assert ready, [(q.confidence, q.faults, q.worth) for q in bank.questions if q.answer == "611"]


def test_a_name_described_as_an_astronomer_is_a_person(parse):
    # Eratosthenes: "comes from Cleomedes, a Greek astronomer": taken for a place, so it
    # was offered beside Cyrene and Syene ("Eratosthenes of Cleomedes").
    parsed = parse(
        [
            "Tarel was born in Tolsk and studied in Morva.",
            "The clearest account of his method comes from Vennor, a Greek astronomer who "
            "wrote about it later.",
        ]
    )
    kinds = {e.name: e.kind for e in parsed.entities}
    assert kinds.get("Vennor") == "person", kinds


def test_no_released_place_question_offers_the_astronomer(f9_banks):
    bank = f9_banks["eratosthenes-measures-the-size-of-the-earth"]
    offered = [
        q.prompt
        for q in bank.questions
        if "Cleomedes" in q.choices
        and q.answer in ("Cyrene", "Syene")
        or "Eratosthenes of Cleomedes" in q.prompt
    ]
    assert offered == [], offered


@pytest.mark.parametrize(
    "sentence, leans",
    [
        # Pakal: "In 659 his forces won ... on the Palace walls": the palace is nobody's "his".
        (
            "In 659 his forces won a victory over enemies to the east, and the captives were "
            "shown on the Palace walls.",
            True,
        ),
        # ... but the name a possessive looks ahead to, as the subject, is his.
        ("In his speech, Marcus Varro warned the senate of the danger.", False),
        # Nzinga, taken for a place by the tagger, is still the subject "her" looks ahead to.
        ("After her brother died in 1624, Nzinga took power, though nobles objected.", False),
        ("To buy his freedom, the emperor promised to fill a room with gold.", False),
    ],
)
def test_a_possessive_at_the_start_looks_ahead_only_to_the_subject(sentence, leans):
    (doc,) = parse_all([sentence])
    assert ("his" in leaning_words(doc)) is leans, leaning_words(doc)


def test_a_year_after_from_is_never_scaled_as_a_count(parse):
    # Edict of Milan: "the Great Persecution from 303" was offered as "from 909".
    parsed = parse(
        [
            "Christians had suffered the Great Persecution from 303.",
            "The emperor Tarel ruled the eastern provinces.",
        ]
    )
    for options in parsed.options(0, "303"):
        assert all(abs(int(o) - 303) < 50 for o in options), options

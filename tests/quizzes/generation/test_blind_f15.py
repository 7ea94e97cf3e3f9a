"""The faults two blind judges found in the ready items of the fifteenth fresh set (F15).

Its first read (12 lessons, 100 ready items, two readers): 82 and 84 usable, 70 and 71
key; 5 of the 8 lessons with four years and four named people had four kinds ready. The
lessons are released now. Each case stands for a fault shape; the sentences are invented.
"""

from pathlib import Path

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.giveaways import date_given_away
from quizzes.generation.matching import Pair, matching
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank
from quizzes.generation.selection import LessonSentence
from tests.quizzes.generation.conftest import lesson_text_of_file as lesson_file_of

RELEASED_F15 = Path(__file__).parents[1] / "data" / "released-f15"


@pytest.mark.parametrize(
    "sentence",
    [
        # "Still, Badr began the rise of ...": an answer to a sentence not shown.
        "Still, Kessel began the rise of Varnish power.",
        "Nonetheless, Kessel kept its charter for a century.",
        # "Nicosia fell that September": which September?
        "Kessel fell that September, and Tarsk held out until 1571.",
        # "The strongest was Sosso": the strongest what?
        "The strongest was Kessel, ruled by a blacksmith king.",
    ],
)
def test_a_sentence_that_leans_on_the_one_before_is_found(sentence):
    (doc,) = parse_all([sentence])

    assert leaning_words(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "Aldo Venn was still strong in 1600.",
        "Kessel fell in September 1570.",
        "The strongest army of Kessel marched on Tarsk.",
    ],
)
def test_a_sentence_whole_on_its_own_is_not_found(sentence):
    (doc,) = parse_all([sentence])

    assert not leaning_words(doc)


def _pairs(rows: list[tuple[str, str]]) -> list[Pair]:
    (doc,) = parse_all(["Aldo Venn ruled Kessel."])
    sentence = LessonSentence(0, 0, doc.text, doc, usable=True)
    return [Pair(term, description, sentence) for term, description in rows]


def test_a_place_is_never_matched_to_a_description_leaning_on_a_person():
    # "Canossa -> A fortress belonging to his ally Countess Matilda": whose ally?
    pairs = _pairs(
        [
            ("Aldo Venn", "Decided to meet the bishop before the winter"),
            ("Marek Dorn", "Replied by closing the bridge to all carts"),
            ("Tomas Varo", "A merchant of the coast"),
            ("Belmont", "A fortress in the hills belonging to his ally the countess"),
            ("Kessel", "A port on the river Varna"),
        ]
    )

    question = matching(pairs, "Match each name to what the lesson says of it.")

    assert question is not None
    assert all("his ally" not in description for _, description in question.answer)


@pytest.mark.parametrize(
    "sentence, date, given",
    [
        # "On 17 August _____, two days after Japan surrendered ...": the anchor gives the
        # year, and a false year contradicts it.
        (
            "On 17 August 1712, two days after the old king died, the council declared Kessel free.",
            "17 August 1712",
            True,
        ),
        # "On Easter Monday, 24 August 1916": the feast fixes the month.
        (
            "On Easter Monday, 24 April 1716, the guild of Kessel seized the town hall.",
            "24 April 1716",
            True,
        ),
        # "December _____ ... in January 1919": the next year named beside it.
        (
            "In the election of December 1718 the party won and met as a council in January 1719.",
            "December 1718",
            True,
        ),
        ("On 17 August 1712 the council declared Kessel free.", "17 August 1712", False),
        ("In 1718 the party won, and in 1725 it met as a council.", "1718", False),
    ],
)
def test_a_date_is_given_away_only_by_an_anchor_a_feast_or_a_year_beside_it(
    parse, sentence, date, given
):
    parsed = parse([sentence])
    answer = parsed.answer(0, date)

    assert date_given_away(parsed.sentences[0].doc, answer) is given


def test_a_false_statement_never_swaps_a_person_for_a_name_the_lesson_never_typed():
    # "The Holy League was formed after the Ottomans invaded Venetian Cyprus" became
    # "... invaded Gian Andrea Doria": the tagger read "Venetian Cyprus" as a person once.
    bank = generate_bank(lesson_file_of(RELEASED_F15 / "battle-of-lepanto.txt"))
    swaps = [
        q
        for q in bank.questions
        if q.ready and q.kind == "true_false" and q.answer == "false" and q.hidden is not None
    ]

    assert all(q.hidden.entity is not None for q in swaps if q.hidden.kind == "person")

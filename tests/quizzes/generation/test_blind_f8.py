"""The faults two blind judges found in the ready items of the eighth fresh set (F8).

The lessons are released now, so the generator is tuned on them; each case stands for a
general fault shape, named in the comment, and most have an invented lesson beside the
released one.
"""

from pathlib import Path

import pytest

from quizzes.generation.distractors import choose_distractors
from quizzes.generation.entities import build_entities
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank
from quizzes.generation.years import signed_years

RELEASED_F8 = Path(__file__).parents[1] / "data" / "released-f8"


@pytest.fixture(scope="module")
def f8_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F8.glob("*.txt")}


def _options(bank):
    return [
        (q, c) for q in bank.questions if q.ready and q.kind == "multiple_choice" for c in q.choices
    ]


# 1. Options of another age or before their subject existed.


def test_signed_years_reads_ad_years_of_one_or_two_digits():
    # "In AD 60 or 61": the Roman lesson's own years, missed by the 3-4 digit parsers.
    assert signed_years("In AD 60 or 61, the Iceni rose; by 1902 a statue stood.") == [60, 61, 1902]
    assert signed_years("Caesar was murdered in 44 BC, Augustus died in AD 14.") == [-44, 14]


def test_a_person_of_another_age_is_no_option_for_an_undated_sentence(parse):
    # F8: the Victorian sculptor of a 1902 statue offered as the Roman legion's commander;
    # the prompt gives no year, the lesson's narrative around it does (AD 60).
    parsed = parse(
        [
            "In AD 60 the Iceni rose against the governor Marcus Varro.",
            "Part of the Fifth Legion, led by Titus Lenna, marched to help and was destroyed.",
            "The governor Marcus Varro then defeated the rebels near the river.",
            "The financial official Gaius Rufo fled to Gaul.",
            "In 1902 a bronze statue of the queen, made by Henry Ashcombe, was placed in London.",
        ]
    )
    answer = parsed.answer(1, "Titus Lenna")
    for seed in ("a", "b", "c", "d"):
        options = choose_distractors(answer, parsed.sentences[1], parsed.pool, seed)
        assert "Henry Ashcombe" not in options, options


def test_a_date_option_never_falls_before_the_lesson_dates_its_subject(parse):
    # F8: "the stone was handed over ... under a treaty in _____": 1795 and 1797 offered,
    # before the stone was found in 1799.
    parsed = parse(
        [
            "The discovery of the Orvala Stone in 1799 gave scholars a text in three scripts.",
            "French soldiers found the stone while rebuilding a fort.",
            "After the war, the stone was handed over to the British under a treaty in 1801.",
            "In 1802 it went on display in the museum.",
        ]
    )
    for options in parsed.options(2, "1801"):
        assert options and all(int(o) >= 1799 for o in options), options


@pytest.mark.parametrize(
    "lesson, blank, wrong",
    [
        ("boudicas-revolt-against-rome-ad-60-61", "led by _____", "Thomas Thornycroft"),
        ("champollion-cracks-the-code-of-the-rosetta-stone", "under a treaty in _____", "1797"),
        ("champollion-cracks-the-code-of-the-rosetta-stone", "under a treaty in _____", "1795"),
    ],
)
def test_no_released_f8_option_of_another_age(f8_banks, lesson, blank, wrong):
    offered = [c for q, c in _options(f8_banks[lesson]) if blank in q.prompt]
    assert wrong not in offered


# 2. A peer's title names a person.


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "However, the government of the Prime Minister, Lord Wakefield, backed the judges.",
            "Lord Wakefield",
        ),
        (
            "The allied army, led by the Brazilian commander the Duke of Orvala, pushed forward.",
            "Duke of Orvala",
        ),
    ],
)
def test_a_peer_goes_by_his_title_never_by_the_bare_place(sentence, name):
    # F8: "Liverpool" offered among people for Lord Liverpool reads as the city.
    names = {n for e in build_entities(parse_all([sentence])) for n in e.names}

    assert name in names, names
    assert name.split()[-1] not in names, names


def test_no_released_f8_option_is_a_peers_bare_place(f8_banks):
    offered = {c for q, c in _options(f8_banks["the-peterloo-massacre"])}
    assert "Liverpool" not in offered


# 3. A true statement that restates the title's range of years.


def _right_statements(bank):
    for q in bank.questions:
        if not q.ready:
            continue
        if q.kind == "true_false" and q.answer == "true":
            yield q.prompt
        elif q.rule.startswith("mc.true"):
            yield q.answer


def test_no_ready_true_statement_restates_the_titles_years(f8_banks):
    # F8 items 69 and 93: "The Paraguayan War, ... was fought between 1864 and 1870" under
    # "The Paraguayan War, 1864-1870": the title answers it, as a true/false item and as
    # the right option of "Which is true?".
    bank = f8_banks["the-paraguayan-war-1864-1870"]
    assert not [s for s in _right_statements(bank) if "between 1864 and 1870" in s]


@pytest.mark.parametrize(
    "statement, gives",
    [
        ("The Orvalan War, also called the War of Crowns, was fought between 1711 and 1716.", True),
        ("The Orvalan War lasted from 1711 to 1716 and ruined Orvala.", True),
        ("In 1711 Orvala seized a ship on the river Sava.", False),  # one end: a fact of its own
        ("The war between 1711 and 1716 left Tessaly the strongest state.", False),  # no title name
    ],
)
def test_a_statement_restates_the_titles_range_only_with_its_name_and_both_years(statement, gives):
    from quizzes.generation.giveaways import restates_title_years

    assert restates_title_years(statement, "The Orvalan War, 1711-1716") is gives


# 4. "Which of these statements is true?": the right option of the wrong ones' make.

RELEASED_F7 = Path(__file__).parents[1] / "data" / "released-f7"


def test_an_undated_key_point_among_dated_wrong_options_is_asked_by_its_dated_sentence(
    lesson_file,
):
    # F7, F8 readers (all four): the short undated option is always the right one. Where
    # the lesson sentence stating the key point is dated and short, it is the right option.
    bank = generate_bank(
        lesson_file(RELEASED_F7 / "french-agents-sink-the-rainbow-warrior-1985.txt")
    )
    (item,) = [
        q
        for q in bank.questions
        if q.ready and q.rule.startswith("mc.true") and "Moruroa" in q.target
    ]
    assert all(signed_years(str(c)) for c in item.choices), item.choices
    assert item.answer.startswith("From 1966, France tested nuclear weapons")

"""The faults two blind judges found in the ready items of the seventh fresh set (F7).

The lessons are released now, so the generator is tuned on them; each case stands for a
general fault shape, named in the comment, not for the one lesson it was seen in.
"""

from pathlib import Path

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank

RELEASED_F7 = Path(__file__).parents[1] / "data" / "released-f7"


@pytest.fixture(scope="module")
def f7_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F7.glob("*.txt")}


def _leaning(text, topic=frozenset()):
    (doc,) = parse_all([text])
    return leaning_words(doc, set(topic))


@pytest.mark.parametrize(
    "text",
    [
        # "Many did, and one of the gifts was a giraffe": many of whom did what?
        "Several did, and one of the gifts was a lion that reached Delhi in 1420.",
        "Most could not, so the council sold the land in 1870.",
    ],
)
def test_an_opening_elliptical_clause_leans(text):
    assert _leaning(text)


@pytest.mark.parametrize(
    "text",
    [
        # "In 1975, for example, ... served as its chairman": an example of what?
        "In 1984, for instance, the city council banned the march.",
        "For example, the Kenyan army guarded the border in 1964.",
    ],
)
def test_an_inserted_for_example_leans(text):
    assert any(word.lower().startswith("for ") for word in _leaning(text))


def test_a_for_example_before_a_list_of_its_own_does_not_lean():
    assert not _leaning("Several ports, for example Lisbon and Porto, grew rich from the trade.")


def test_its_after_only_a_person_and_his_role_leans():
    # "the Ugandan dictator Idi Amin served as its chairman": the chairman of what?
    found = _leaning("In 1964 the Egyptian president Gamal Abdel Nasser served as its chairman.")

    assert "its" in found


def _option_texts(bank):
    for q in bank.questions:
        if q.ready and q.rule.startswith("mc.true"):
            yield from ((q, text) for text in q.choices)
        elif q.ready and q.kind == "true_false":
            yield q, q.prompt


def test_no_ready_statement_or_which_is_true_option_leans(f7_banks):
    # "Madero was elected president later in 1916": the swap hid "later" inside the date;
    # "Many did, and ...", "In 1972, for example, ... its chairman" stood as written.
    leaning = [
        (lesson, text, found)
        for lesson, bank in f7_banks.items()
        for _, text in _option_texts(bank)
        # A bare "the rush" is clear under its title; the generator reads it with the topic.
        if (found := [w for w in _leaning(text) if not w.startswith("the ")])
    ]

    assert leaning == []


def _right_statements(bank):
    for q in bank.questions:
        if q.ready and (
            q.rule.startswith("mc.true") or q.kind == "true_false" and q.answer == "true"
        ):
            yield q.answer if q.kind == "multiple_choice" else q.prompt


@pytest.mark.parametrize(
    ("lesson", "statement"),
    [
        # Under "The Bangladesh Liberation War, 1971": a liberation war is for independence.
        ("the-bangladesh-liberation-war-1971", "Bangladesh became an independent country."),
    ],
)
def test_no_ready_true_statement_only_says_what_the_title_says(f7_banks, lesson, statement):
    assert statement not in list(_right_statements(f7_banks[lesson]))


def test_no_ready_person_choice_alone_shares_a_name_the_prompt_writes(f7_banks):
    # "After Cao Cao's death in 220, his son _____": only "Cao Pi" among the options is a Cao.
    giveaways = [
        (q.prompt, q.answer)
        for bank in f7_banks.values()
        for q in bank.questions
        if q.ready and q.kind == "multiple_choice" and "_____" in q.prompt
        for word in str(q.answer).split()
        if len(word) > 1
        and word[0].isupper()
        and word in q.prompt.replace("'s", " ").split()
        and not any(word in str(d).split() for d in q.choices if d != q.answer)
    ]

    assert giveaways == []

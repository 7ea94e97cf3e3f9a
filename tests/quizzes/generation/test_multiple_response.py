""" "Which of these statements are true?" with two or three right options.

Blind reads F15 and F16 found the fourth kind missing in most lessons that had four dates
and four named people (5 of 8, 4 of 11 reached four kinds): ordering and matching need
what many lessons do not give, while every lesson has ready true/false statements. One
multiple-response item per lesson is made of them, each option a statement of its own
fact, marked by the product's usual multiple-response rule.
"""

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank
from quizzes.scoring import score_answer

DATA = Path(__file__).parents[1] / "data"
RELEASED = [DATA / "released-f15", DATA / "released-f16"]


@pytest.fixture(scope="module")
def released_banks(lesson_file):
    return {
        path.stem: generate_bank(lesson_file(path))
        for folder in RELEASED
        for path in sorted(folder.glob("*.txt"))
    }


def _responses(bank):
    return [q for q in bank.questions if q.kind == "multiple_response"]


# F15 (a statement among four): "Judah, a small hill kingdom ..., had to pay him tribute":
# "him" is the indirect object of the subject's own verb, so the subject is not him.
@pytest.mark.parametrize(
    "sentence",
    [
        "Tolsk, a small hill kingdom with its capital at Varn, had to pay him tribute.",
        "Aldo Venn gave him a sword and a horse.",
    ],
)
def test_an_indirect_object_pronoun_never_means_its_verbs_subject(sentence):
    (doc,) = parse_all([sentence])
    assert "him" in leaning_words(doc), leaning_words(doc)


def test_most_released_lessons_get_one_ready_multiple_response_item(released_banks):
    with_item = [stem for stem, bank in released_banks.items() if _responses(bank)]
    assert all(len(_responses(bank)) <= 1 for bank in released_banks.values())
    # Measured when the item was added: 20 of the 24 released F15 and F16 lessons.
    assert len(with_item) >= 18, with_item


def test_an_item_offers_four_statements_two_or_three_of_them_true(released_banks):
    for stem, bank in released_banks.items():
        for item in _responses(bank):
            assert item.ready, (stem, item.reason)
            assert len(item.choices) == 4 and len(set(item.choices)) == 4, stem
            assert 2 <= len(item.answer) <= 3 and set(item.answer) < set(item.choices), stem
            assert Counter(part.answer for part in item.parts)["false"] == 4 - len(item.answer)
            assert all(option.endswith((".", "?", "!", "”", '"')) for option in item.choices)


def test_each_statement_is_of_its_own_fact(released_banks):
    for stem, bank in released_banks.items():
        for item in _responses(bank):
            sentences = [part.sentence.index for part in item.parts]
            key_points = [
                p.sentence.key_point for p in item.parts if p.sentence.key_point is not None
            ]
            assert len(set(sentences)) == 4, stem
            assert len(set(key_points)) == len(key_points), stem


def test_no_true_option_shows_what_a_false_one_swapped_out(released_banks):
    for stem, bank in released_banks.items():
        for item in _responses(bank):
            falses = [part for part in item.parts if part.answer == "false"]
            for false in falses:
                swapped_out = false.hidden.text.lower()
                others = [option.lower() for option in item.choices if option != false.prompt]
                assert not any(swapped_out in option for option in others), (stem, swapped_out)


def test_no_option_leans_on_a_sentence_the_student_cannot_see(released_banks):
    for stem, bank in released_banks.items():
        for item in _responses(bank):
            for part in item.parts:
                (doc,) = parse_all([part.prompt])
                assert not {"him", "her", "he", "she", "they", "it"} & set(leaning_words(doc)), (
                    stem,
                    part.prompt,
                )


def test_the_item_is_marked_like_any_multiple_response(released_banks):
    item = next(item for bank in released_banks.values() for item in _responses(bank))
    question = SimpleNamespace(kind=item.kind, answer=item.answer, accepted_answers=[])
    wrong = next(option for option in item.choices if option not in item.answer)
    assert score_answer(question, item.answer) == 1.0
    assert 0 < score_answer(question, item.answer[1:]) < 1
    assert score_answer(question, [*item.answer, wrong]) < 1
    assert score_answer(question, [wrong]) == 0.0


def test_released_lessons_reach_four_ready_kinds(released_banks):
    four = [
        stem
        for stem, bank in released_banks.items()
        if len({q.kind for q in bank.questions if q.ready}) >= 4
    ]
    # Before the item: 11 of these 24 lessons had four ready kinds; with it, 19.
    assert len(four) >= 18, sorted(set(released_banks) - set(four))

from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from quizzes.generation.checks import positions_spread
from quizzes.generation.pipeline import LessonText, generate_bank


@pytest.fixture(scope="module")
def lesson_text(lesson_file):
    return lesson_file(Path(settings.LESSON_FIXTURES_DIR) / "moscow-trials-great-purge.txt")


@pytest.fixture(scope="module")
def bank(lesson_text):
    return generate_bank(lesson_text)


def test_same_text_gives_the_same_bank(lesson_text, bank):
    again = generate_bank(lesson_text)

    assert [(q.fingerprint, q.prompt, q.choices) for q in again.questions] == [
        (q.fingerprint, q.prompt, q.choices) for q in bank.questions
    ]


def test_true_and_false_statements_are_balanced(bank):
    answers = Counter(q.answer for q in bank.questions if q.kind == "true_false")

    assert abs(answers["true"] - answers["false"]) <= max(2, sum(answers.values()) // 5)


def test_right_options_are_spread_over_positions(bank):
    mc = [q for q in bank.questions if q.kind == "multiple_choice"]

    assert positions_spread([q.choices.index(q.answer) for q in mc])


def test_every_key_point_has_a_card(lesson_text, bank):
    carded = {c.key_point for c in bank.flashcards if c.rule == "card.keypoint"}

    assert carded == set(range(len(lesson_text.key_points)))


def test_fingerprints_are_unique(bank):
    prints = [q.fingerprint for q in bank.questions]

    assert len(prints) == len(set(prints))


def test_accepted_forms_never_name_another_person_of_the_lesson():
    text = LessonText(
        "The Fall of the French Monarchy",
        [],
        list(
            enumerate(
                [
                    "In July 1789 King Louis XVI moved thousands of troops toward Paris and Versailles.",
                    "Louis XVI was executed in Paris in January 1793 after a trial.",
                    "Prince Louis of Spain had claimed the French throne for himself in 1790.",
                ],
                start=1,
            )
        ),
    )

    bank = generate_bank(text)

    typed = ("fill_blank", "short_answer")
    asked = [q for q in bank.questions if q.answer == "Louis XVI" and q.kind in typed]
    assert asked
    assert all("Louis" not in q.accepted for q in asked)

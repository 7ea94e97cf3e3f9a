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


def test_a_key_point_no_sentence_states_keeps_itself_as_its_source():
    # F2 sheet: "By July 1932 the Dow had lost almost nine-tenths of its value." came with
    # the source "The Dow did not return to its 1929 peak until November 1954."
    key_point = "By July 1802 the Lund index had lost almost nine-tenths of its value."
    sentences = [
        "Prices on the Lund exchange rose through the summer of 1801.",
        "On 3 October 1801 the Lund index fell by about 13 per cent.",
        "Thousands of savers in Arvania lost everything in the winter that followed.",
        "The Lund index did not return to its 1801 peak until March 1830.",
        "Marlow, the governor of Arvania, insisted that the economy was sound.",
    ]
    bank = generate_bank(
        LessonText("The Lund Crash of 1801", [key_point], list(enumerate(sentences, start=1)))
    )

    stating = [q for q in bank.questions if q.kind == "true_false" and "nine-tenths" in q.prompt]
    assert stating
    assert {q.source_text for q in stating} == {key_point}


def _ordering_events(title: str, sentences: list[str]) -> list[str]:
    """Every event the lesson's ordering questions ask to put in order."""
    bank = generate_bank(LessonText(title, [], list(enumerate(sentences, start=1))))
    return [e for q in bank.questions if q.kind == "ordering" for e in q.answer]


def test_an_ordering_event_is_never_a_fragment_cut_from_its_quantity():
    # F2: "Of Māori gathered on the lawn ..." (from "On 5 February hundreds of Māori ...").
    sentences = [
        "In 1801 the governor of Arvania encouraged the chiefs to sign a declaration.",
        "Marlow arrived in the bay of Lund on 29 January 1802.",
        "With the governor's help he drafted a short treaty, and Tomas translated it overnight.",
        "On 5 February hundreds of villagers gathered on the green at Lund to debate it.",
        "On 6 February more than forty chiefs signed a treaty with Marlow at Lund.",
        "In 1804 Marlow proclaimed his rule over the whole of Arvania.",
        "In 1875 a tribunal was set up to investigate breaches of the treaty.",
    ]
    events = _ordering_events("The Treaty of Lund", sentences)
    assert events
    assert not [e for e in events if e.split()[0].lower() in ("of", "in", "on", "at")]


@pytest.mark.parametrize("typed", ["701 BC", "701", "701 B.C.", "701 BCE", "701 bc"])
def test_a_bc_year_is_accepted_without_its_era_when_the_lesson_is_all_bc(typed):
    # F2: a typed key "486 BC" with no variant, so "486" was refused.
    from quizzes.scoring import answer_is_accepted

    sentences = [
        "Edmund died in 701 BC, and his son Aldric spent years preparing a far larger army.",
        "In 690 BC Aldric marched north with about 40,000 men.",
        "The walls of Tarsk fell to Aldric in 688 BC after a long siege.",
    ]
    bank = generate_bank(LessonText("The Wars of Aldric", [], list(enumerate(sentences, start=1))))

    asked = [q for q in bank.questions if q.kind == "fill_blank" and q.answer == "701 BC"]
    assert asked
    assert all(answer_is_accepted(q, typed) for q in asked)


def test_a_year_on_the_subject_dates_the_event_for_ordering():
    # F2: "The Treaty of Karlowitz in 1699 handed Hungary ... to the Habsburgs." gave no
    # event, and 9 of 12 lessons had no ordering question.
    sentences = [
        "In 1529 the army of Arvania besieged Tarsk.",
        "In 1605 Marlow founded a new capital at Lund.",
        "In 1684 Marlow formed an alliance with the northern princes.",
        "The Treaty of Hollin in 1699 handed the southern provinces to Arvania.",
        "In 1740 the old prince of Tarsk died at Lund.",
    ]
    events = _ordering_events("The Rise of Arvania", sentences)
    assert "The Treaty of Hollin handed the southern provinces to Arvania" in events


def test_an_ordering_event_keeps_its_main_verb():
    # Seen on F2 after the subject-year rule: "The Rwandan Patriotic Front (RPF), a rebel
    # army made up largely of Tutsi refugees" (the verb "invaded" cut off).
    sentences = [
        "In 1933 the governors of Arvania issued identity cards to every family.",
        "In 1990 the Northern Front (NF), a rebel army made up largely of exiles, invaded"
        " from Tarsk.",
        "In 1993 Marlow signed a peace deal at Lund, agreeing to share power.",
        "In 1994 the Northern Front captured Lund and soon controlled most of the country.",
        "In 1996 a tribunal for Arvania was set up at Hollin.",
        "In 1998 Marlow founded a new capital at Tarsk.",
        "In 2001 the last of the old princes died at Lund.",
    ]
    events = _ordering_events("The Arvanian War", sentences)
    assert events
    assert not [e for e in events if e.endswith("exiles")]

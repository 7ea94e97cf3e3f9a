"""The faults two blind judges found in the ready items of the sixth fresh set (F6).

The lessons are released now, so the generator is tuned on them; each case stands for a
general fault shape, named in the comment, not for the one lesson it was seen in.
"""

import re
from collections import Counter
from pathlib import Path

import pytest

from quizzes.generation.checks import differs_by_one_span
from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank
from quizzes.generation.statements import MAX_KEY_USES, MAX_USES, as_statement
from quizzes.scoring import answer_is_accepted

RELEASED_F6 = Path(__file__).parents[1] / "data" / "released-f6"
MONTHS = "January February March April May June July August September October November December"
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS.split(), start=1)}


@pytest.fixture(scope="module")
def f6_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F6.glob("*.txt")}


def _ready(bank, kind=None):
    return [q for q in bank.questions if q.ready and (kind is None or q.kind == kind)]


def _leaning(text, topic=frozenset()):
    (doc,) = parse_all([text])
    return leaning_words(doc, set(topic))


def test_an_opening_also_leans():
    # "Also in 1455, Fust sued ...": also in which other year's story?
    found = _leaning("Also in 1620, the guild sued the printer and took over his presses.")

    assert "Also in" in found


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # "so from 1865 the company hired ...": the lesson has two companies.
        ("Workers were scarce, so from 1870 the firm hired farmers from the valley.", "firm"),
        # "..., and the camp suffered from hunger": whose camp?
        (
            "The general's scouts took the passes and cut their roads, and the camp suffered"
            " from hunger, disease and desertion.",
            "camp",
        ),
    ],
)
def test_a_bare_definite_subject_leans_unless_it_is_the_topic(text, noun):
    assert f"the {noun}" in _leaning(text)
    assert f"the {noun}" not in _leaning(text, {noun})


def test_an_object_it_after_a_century_leans():
    # "In the twelfth century BC, the Elamite king ... carried it off": the stele unnamed.
    found = _leaning("In the ninth century BC, the Assyrian king Tukulti carried it off to Assur.")

    assert "it" in found


def test_a_his_after_an_organisation_leans():
    # "The Ethiopian Orthodox Church traces its roots to his reign": a church is no "he".
    assert "his" in _leaning("The Ethiopian Orthodox Church traces its roots to his reign.")


def _dates_of(text, year):
    pattern = rf"(?:(\d{{1,2}}) )?({'|'.join(MONTH_NUMBER)})(?: (\d{{1,2}}))?,? {year}"
    return [
        (MONTH_NUMBER[m.group(2)], int(m.group(1) or m.group(3) or 0))
        for m in re.finditer(pattern, text)
    ]


def test_no_false_date_falls_past_the_day_the_title_gives(f6_banks):
    # Title "Krakatoa Erupts, 27 August 1883": "began to erupt in November 1883" and "In
    # late December 1883 ... exploded" are false on sight.
    bank = f6_banks["krakatoa-erupts-27-august-1883"]
    offered = [q.prompt for q in _ready(bank, "true_false") if q.answer == "false"]
    offered += [str(c) for q in _ready(bank, "multiple_choice") for c in q.choices if c != q.answer]

    late = [text for text in offered for date in _dates_of(text, 1883) if date > (8, 27)]

    assert late == []


def test_no_person_swapped_into_a_time_after_the_lesson_says_he_died(f6_banks):
    # "Julius Caesar commanded Octavian's fleet" at Actium (31 BC): the lesson says Caesar
    # was murdered in 44 BC.
    bank = f6_banks["the-battle-of-actium-31-bc"]
    swapped = [
        q.prompt
        for q in _ready(bank, "true_false")
        if q.answer == "false" and "Julius Caesar" in q.prompt
    ]

    assert swapped == []


def test_a_surname_blank_accepts_the_full_name_a_key_point_gives(f6_banks):
    # "Octavian's admiral, _____": the key point's "Marcus Agrippa" was marked wrong.
    bank = f6_banks["the-battle-of-actium-31-bc"]
    blanks = [q for q in bank.questions if q.kind == "fill_blank" and q.answer == "Agrippa"]

    assert blanks
    for q in blanks:
        assert answer_is_accepted(q, "Marcus Agrippa"), q.accepted
        assert not answer_is_accepted(q, "Marcus Lepidus")


def _uses_by_origin(lesson, bank):
    """How often each false statement is a wrong option of a ready "Which is true?" item,
    split by where it came from: a key point, a summary sentence or a sentence explaining
    a key point, or the rest of the lesson body."""
    main = [as_statement(k) for k in lesson.key_points]
    main += [as_statement(text) for p, text in lesson.sentences if p in lesson.summary_positions]
    # A body sentence that explains a key point states the key point's fact too.
    main += [
        as_statement(q.sentence.text)
        for q in bank.questions
        if q.sentence is not None and q.sentence.key_point is not None
    ]
    seen = Counter(d for q in _ready(bank) if q.rule.startswith("mc.true") for d in q.distractors)
    key = {text: n for text, n in seen.items() if any(differs_by_one_span(m, text) for m in main)}
    body = {text: n for text, n in seen.items() if text not in key}
    return key, body


def test_a_false_form_serves_at_most_its_share_of_which_is_true_items(lesson_file):
    # Round 7: the key share is the gap. A quiz never shows two items sharing a wrong
    # option, so a key point's or summary's false form may serve more items than a body
    # sentence's detail (F19, tuned: five and three; the read items were all usable).
    most_key, most_body = 0, 0
    for path in sorted(RELEASED_F6.glob("*.txt")):
        lesson = lesson_file(path)
        key, body = _uses_by_origin(lesson, generate_bank(lesson))
        most_key = max([most_key, *key.values()])
        most_body = max([most_body, *body.values()])

    assert most_key <= MAX_KEY_USES and most_body <= MAX_USES


def test_a_key_sentence_is_ready_as_written_and_with_one_swap_a_body_one_either(
    f6_banks, lesson_file
):
    # Round 7: readers call a summary's or key point's statement key three times in four,
    # a body sentence's one in ten. A quiz never shows two items of one sentence, so a key
    # sentence may stand in the ready set both ways; a body sentence keeps one.
    sides = {}
    for path in sorted(RELEASED_F6.glob("*.txt")):
        lesson = lesson_file(path)
        summary = {text for p, text in lesson.sentences if p in lesson.summary_positions}
        for q in _ready(f6_banks[path.stem], "true_false"):
            main = q.sentence.key_point is not None or q.source_text in summary
            sides.setdefault((path.stem, q.sentence.index, main), set()).add(q.answer)
    first = [s for (name, index, _), s in sides.items() if "railroad" in name and index == 0]

    assert first == [{"true", "false"}]  # "On 10 May 1869, railway workers ... gathered"
    assert all(len(s) == 1 for (_, _, main), s in sides.items() if not main)

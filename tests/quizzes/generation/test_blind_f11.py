"""The faults two blind judges found in the ready items of the eleventh fresh set (F11).

Its first read (12 lessons, 100 ready items, two readers): 91 and 91 usable, 63 and 73
key. The lessons are released now; each case stands for a general fault shape.
"""

from pathlib import Path

import pytest

from quizzes.generation.finekinds import fine_kinds
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank
from quizzes.generation.retype import retype_names
from quizzes.generation.statements import reads_as_a_note

RELEASED_F11 = Path(__file__).parents[1] / "data" / "released-f11"


@pytest.fixture(scope="module")
def f11_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F11.glob("*.txt")}


def _asking(bank, answer, prompt_part):
    return [
        q
        for q in bank.questions
        if q.kind != "true_false" and q.answer == answer and prompt_part in q.prompt
    ]


def test_a_short_name_accepts_the_full_name_the_lesson_gives(f11_banks):
    # "_____ defeated a series of Seleucid forces" keyed "Judah", refused "Judah Maccabee".
    bank = f11_banks["the-maccabean-revolt-167-160-bce"]
    typed = [
        q
        for q in bank.questions
        if q.kind in ("fill_blank", "short_answer") and q.answer == "Judah"
    ]

    assert typed
    assert all("Judah Maccabee" in q.accepted for q in typed)


@pytest.mark.parametrize(
    "slug, answer, prompt_part",
    [
        # "including _____, many barons and seven bishops": the king fell too.
        ("the-battle-of-mohacs-1526", "Tomori", "including _____"),
    ],
)
def test_one_example_of_an_open_list_is_not_ready(f11_banks, slug, answer, prompt_part):
    asked = _asking(f11_banks[slug], answer, prompt_part)

    assert asked
    assert not any(q.ready for q in asked)


def test_no_ready_item_offers_a_saint_or_a_town_for_a_numbered_king(f11_banks):
    bank = f11_banks["kimpa-vita-leads-the-antonian-movement-in-kongo"]
    offered = [
        set(q.choices)
        for q in bank.questions
        if q.ready and q.kind == "multiple_choice" and q.answer == "Pedro IV"
    ]

    assert not [c for c in offered if c & {"Anthony", "Mary", "Jesus", "Mbanza Kongo"}]


def test_a_ruler_known_by_a_regnal_number_has_rulers_for_options(parse):
    # F11 (both readers): "_____ finally retook São Salvador" keyed Pedro IV among a saint,
    # the Virgin Mary and a town; a numbered ruler's options are other rulers or none.
    lesson = parse(
        [
            "By 1690 several claimants ruled from mountain strongholds, among them Pedro IV.",
            "She said she had been possessed by Saint Anthony and that Mary was born in Tarsk.",
            "The friar Bernardo Rossi preached against her in the capital in 1705.",
            "Pedro IV finally retook the capital in February 1709 and restored the monarchy.",
            "The historian John Thornton wrote her story in 1998.",
        ]
    )
    lesson.pool.fine = fine_kinds(lesson.entities, [s.doc for s in lesson.sentences])

    for options in lesson.options(3, "Pedro IV"):
        assert not {"Anthony", "Mary", "Bernardo Rossi", "John Thornton"} & set(options)


def test_a_name_in_brackets_after_a_place_is_that_place(parse):
    # F11: "São Salvador (Mbanza Kongo)" made Mbanza Kongo a person, offered for a king.
    lesson = parse(
        [
            "The capital, São Salvador (Mbanza Kongo), was sacked in 1678 and abandoned.",
            "Pedro IV later retook São Salvador and restored the monarchy.",
        ]
    )
    retype_names(lesson.entities, [s.doc for s in lesson.sentences])

    kinds = {e.name: e.kind for e in lesson.entities}
    assert kinds["Mbanza Kongo"] == kinds["São Salvador"] == "place"


@pytest.mark.parametrize(
    "key_point, note",
    [
        ("Green Sprouts loans for farmers.", True),  # F11: no verb, so no statement
        ("Marked the height of the terror.", True),  # a subject the reader must supply
        ("Fought on 1 October 1801 near the river.", True),
        ("Expedition led by Sir Aldo Venn.", True),  # F14: a participle, no main verb
        ("Women at the heart of the protests.", True),  # F14
        ("The treaty survives in two copies.", False),
        ("The king aimed to remove his rivals.", False),
    ],
)
def test_a_key_point_written_as_a_note_is_no_statement(key_point, note):
    (doc,) = parse_all([key_point])

    assert reads_as_a_note(doc) is note


def test_no_statement_is_made_of_a_verbless_key_point(f11_banks):
    bank = f11_banks["wang-anshis-new-policies-in-song-china"]
    shown = [q.prompt for q in bank.questions if q.kind == "true_false"]
    shown += [c for q in bank.questions if q.kind == "multiple_choice" for c in q.choices]

    assert "Green Sprouts loans for farmers." not in shown

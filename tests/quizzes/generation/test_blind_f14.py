"""The faults two blind judges found in the ready items of the fourteenth fresh set (F14).

Its first read (12 lessons, 100 ready items, two readers): 93 and 93 usable, 76 and 78
key; 8 of 12 lessons had four kinds ready. The lessons are released now.
"""

from pathlib import Path

import pytest

from quizzes.generation.pipeline import generate_bank

RELEASED_F14 = Path(__file__).parents[1] / "data" / "released-f14"


@pytest.fixture(scope="module")
def f14_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F14.glob("*.txt")}


@pytest.mark.parametrize(
    "slug, note",
    [
        ("the-chipko-movement-in-the-indian-himalayas", "Women at the heart of the protests."),
        (
            "british-troops-storm-magdala-and-emperor-tewodros-dies",
            "Expedition led by Sir Robert Napier.",
        ),
    ],
)
def test_a_key_point_written_as_a_note_is_never_a_statement(f14_banks, slug, note):
    # Both readers: "has no verb, so it is not a statement to judge true or false". The
    # item came in to tie the key point to the bank, past the note check.
    statements = [q.prompt for q in f14_banks[slug].questions if q.kind == "true_false"]

    assert note not in statements

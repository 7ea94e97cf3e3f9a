"""The faults two blind judges found in the ready items of the twelfth fresh set (F12).

Its first read (12 lessons, 100 ready items, two readers): 91 and 93 usable, 81 and 77
key; 11 of 12 lessons had four kinds ready. The lessons are released now.
"""

from pathlib import Path

import pytest

from quizzes.generation.events import opening_span
from quizzes.generation.giveaways import title_counts_near
from quizzes.generation.pipeline import generate_bank


@pytest.mark.parametrize(
    "number, title, near",
    [
        # F12: "sailed with _____ volunteers" (1,089) under "Expedition of the Thousand".
        ("1,089", "Garibaldi and the Expedition of the Thousand", True),
        ("about 1,000", "The March of the Thousand", True),
        ("310", "The Three Hundred at the Pass", True),
        ("95", "The Hundred Days", True),
        ("4,000", "The Expedition of the Thousand", False),
        ("1,089", "The Siege of Tarsk, 1089", False),  # a year in the title is no count
        ("1,089", "The Defence of Tarsk", False),
    ],
)
def test_a_count_the_title_names_gives_its_number_away(number, title, near):
    assert title_counts_near(number, title) is near


RELEASED_F12 = Path(__file__).parents[1] / "data" / "released-f12"


@pytest.fixture(scope="module")
def f12_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F12.glob("*.txt")}


def test_no_ready_item_asks_the_count_the_title_names(f12_banks):
    bank = f12_banks["garibaldi-and-the-expedition-of-the-thousand"]

    assert not [q for q in bank.questions if q.ready and q.answer == "1,089"]


def test_a_lesson_dating_four_events_through_an_opening_during_has_an_ordering(f12_banks):
    # "During the war with Pakistan in 1965, Prime Minister ... asked Indians to skip one
    # meal a week": the fifth dated event, and the lesson's fourth kind.
    bank = f12_banks["the-green-revolution-in-india"]

    assert [q for q in bank.questions if q.ready and q.kind == "ordering"]


@pytest.mark.parametrize(
    "summary, span",
    [
        # F12: "The Nigerian Civil War of 1967–1970 was fought ...": options 1962, 1965 and
        # 1976 for a year of the war fell outside it.
        (["The Tarskan Civil War of 1967–1970 was fought between two regions."], (1967, 1970)),
        (["The war lasted from 1812 to 1815 and ended in a draw."], (1812, 1815)),
        (["Nigeria became independent in 1960.", "The war of 1967–1970 followed."], None),
        (["The empire ruled from 1500 to 1800 across the plain."], None),  # no short span
    ],
)
def test_the_span_the_summary_opens_with_bounds_its_dates(summary, span):
    assert opening_span(summary) == span

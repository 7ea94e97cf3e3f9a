"""The faults two blind judges found in the ready items of the fifth fresh set (F5).

The lessons are released now, so the generator is tuned on them; each case stands for a
general fault shape, named in the comment, not for the one lesson it was seen in.
"""

from pathlib import Path

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText, generate_bank
from quizzes.generation.sets import DatedEvent, ordering

RELEASED_F5 = Path(__file__).parents[1] / "data" / "released-f5"


@pytest.fixture(scope="module")
def f5_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F5.glob("*.txt")}


def _ready(bank, kind=None):
    return [q for q in bank.questions if q.ready and (kind is None or q.kind == kind)]


def test_no_ready_option_offers_part_of_a_things_name_as_a_person(f5_banks):
    # "Manchester Railway" (of "the Liverpool and Manchester Railway") among engineers.
    bank = f5_banks["the-liverpool-and-manchester-railway-opens"]

    offered = {str(c) for q in _ready(bank, "multiple_choice") for c in q.choices}

    assert "Manchester Railway" not in offered


def test_a_his_after_a_place_leans():
    # "At the Mawei post station his furious escort killed ...": a station is nobody's "his".
    (doc,) = parse_all(
        ["At the Kessel river crossing his angry guards killed the minister and his son."]
    )

    assert "his" in leaning_words(doc, set())


def test_every_option_of_which_is_true_ends_alike(f5_banks):
    # The right option, a key point written as a note, alone had no full stop.
    for bank in f5_banks.values():
        for q in bank.questions:
            if q.rule.startswith("mc.true"):
                endings = {str(c).rstrip()[-1] in ".!?" for c in q.choices}
                assert endings == {True}, q.choices


@pytest.mark.parametrize(
    "opening",
    [
        "After a new route was surveyed, the council approved the canal",
        "Finally the council approved the canal",
        "The first plan for the canal was rejected by the council",
    ],
)
def test_no_ordering_event_tells_its_place_in_the_order(opening):
    # "The first bill ... was defeated", "After a new route was surveyed, Parliament
    # approved ...": the words give the order away.
    texts = [
        opening,
        "The canal opened to traffic",
        "A storm flooded the lower locks",
        "The company was sold to the state",
        "Engineers widened the canal for steamships",
    ]
    (doc,) = parse_all(["The canal opened in 1830."])
    from quizzes.generation.selection import LessonSentence

    sentence = LessonSentence(0, 0, doc.text, doc, usable=True)
    events = [DatedEvent(1820 + 5 * i, str(1820 + 5 * i), t, sentence) for i, t in enumerate(texts)]

    question = ordering(events)

    shown = " | ".join(question.answer) if question else ""
    for word in ("After", "Finally", "first"):
        assert word not in shown.split(), shown


def test_no_blank_inside_a_saints_place_name():
    # "the rebuilding of St _____'s Basilica in Rome": the saint's name is part of a
    # building's name, not a person the lesson asks about.
    bank = generate_bank(
        LessonText(
            "A Lesson on a Church",
            [],
            list(
                enumerate(
                    [
                        "In 1506 Pope Julius II began the rebuilding of St Mark's Cathedral in "
                        "the city of Velden.",
                        "The work on the new church took more than a century to finish.",
                    ],
                    start=1,
                )
            ),
        )
    )

    prompts = [q.prompt for q in bank.questions if q.answer == "Mark"]

    assert prompts == []

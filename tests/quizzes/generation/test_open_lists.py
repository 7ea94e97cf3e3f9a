"""A blank that is one example of a longer list the lesson leaves open.

F11 (both readers): "had lost perhaps 14,000 men, including _____, many barons and seven
bishops" keyed one commander, though the king fell too; "among them _____ at Kibangu" kept
one of several claimants; "among them _____, São Luiz and São Borja" one of seven towns.
"""

import pytest

from quizzes.generation.checks import one_of_an_open_list
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText, generate_bank

LESSON = [
    "King Aldo Venn of Tarsk raised a large army against the Varnian invaders in 1525.",
    "Command of the Tarskan army was given to Jan Vos, archbishop of Kalo, who chose to"
    " fight in the open.",
    "By evening the Tarskans had lost 14,000 men, including Vos, many barons and seven bishops.",
]


@pytest.mark.parametrize(
    "sentence, name, example",
    [
        (
            "By evening the army had lost 14,000 men, including Jan Vos and many barons.",
            "Jan",
            True,
        ),
        ("By 1690 several claimants ruled, among them Jan Vos at Kibo.", "Jan", True),
        ("Many nobles joined the rebels, such as Karel Dorn and Jan Vos.", "Jan", True),
        ("By evening the army had lost its commander, Jan Vos, and many barons.", "Jan", False),
        ("Jan Vos, including his brothers, fled to the coast.", "Jan", False),
    ],
)
def test_a_name_given_as_one_example_of_a_list_is_seen(sentence, name, example):
    (doc,) = parse_all([sentence])
    start = next(t.i for t in doc if t.text == name)

    assert one_of_an_open_list(doc, start) is example


def test_a_blank_on_one_example_of_an_open_list_says_more_may_fit():
    bank = generate_bank(LessonText("The Northern War", [], list(enumerate(LESSON, 1))))

    (item,) = [q for q in bank.questions if q.answer == "Vos" and q.kind != "true_false"]
    assert "more than one answer may fit" in item.reason
    assert not item.ready

import pytest

from quizzes.live.questions import (
    BadChoice,
    answer_bars,
    given_from_choice,
    is_playable,
    right_answer_text,
    right_choice,
    shown_options,
)
from quizzes.models import Question, QuestionKind
from quizzes.scoring import score_answer


def question(kind, choices, answer):
    return Question(kind=kind, prompt="?", choices=choices, answer=answer)


MC = question(
    QuestionKind.MULTIPLE_CHOICE, ["Metternich", "Talleyrand", "Castlereagh"], "Metternich"
)
TF = question(QuestionKind.TRUE_FALSE, [], "false")
MR = question(
    QuestionKind.MULTIPLE_RESPONSE, ["Austria", "Spain", "Prussia"], ["Austria", "Prussia"]
)
ORDER = question(QuestionKind.ORDERING, ["C", "A", "B"], ["A", "B", "C"])


def test_only_tap_kinds_with_options_are_playable():
    assert is_playable(QuestionKind.TRUE_FALSE, [])
    assert is_playable(QuestionKind.ORDERING, ["a", "b"])
    assert not is_playable(QuestionKind.MULTIPLE_CHOICE, ["only one"])
    assert not is_playable(QuestionKind.FILL_BLANK, [])
    assert not is_playable(QuestionKind.MATCHING, ["a", "b"])


def test_options_follow_the_games_order():
    assert shown_options(MC, [2, 0, 1]) == ["Castlereagh", "Metternich", "Talleyrand"]
    assert shown_options(TF, []) == ["True", "False"]


def test_a_tap_becomes_the_answer_the_marker_reads():
    options = shown_options(MC, [2, 0, 1])

    assert score_answer(MC, given_from_choice(MC, options, 1)) == 1.0
    assert score_answer(MC, given_from_choice(MC, options, 0)) == 0.0
    assert score_answer(TF, given_from_choice(TF, ["True", "False"], 1)) == 1.0
    mr_options = shown_options(MR, [0, 1, 2])
    assert score_answer(MR, given_from_choice(MR, mr_options, [2, 0])) == 1.0
    order_options = shown_options(ORDER, [0, 1, 2])
    assert score_answer(ORDER, given_from_choice(ORDER, order_options, [1, 2, 0])) == 1.0


@pytest.mark.parametrize(
    "item, choice",
    [(MC, 3), (MC, [0]), (TF, 2), (MR, [0, 0]), (MR, [5]), (ORDER, [0, 1])],
)
def test_a_choice_that_does_not_fit_is_refused(item, choice):
    options = shown_options(item, None)

    with pytest.raises(BadChoice):
        given_from_choice(item, options, choice)


def test_the_right_options_and_their_text():
    options = shown_options(ORDER, [0, 1, 2])

    assert right_choice(MR, shown_options(MR, None)) == [0, 2]
    assert right_choice(TF, ["True", "False"]) == [1]
    assert right_answer_text(ORDER, options) == "A → B → C"


def test_bars_count_each_option_and_mark_the_right_one():
    options = shown_options(MC, None)

    bars = answer_bars(MC, options, ["Metternich", "Talleyrand", "Metternich"])

    assert [(bar["label"], bar["count"], bar["right"]) for bar in bars] == [
        ("Metternich", 2, True),
        ("Talleyrand", 1, False),
        ("Castlereagh", 0, False),
    ]


def test_ordering_bars_count_the_right_order():
    bars = answer_bars(ORDER, ["C", "A", "B"], [["A", "B", "C"], ["C", "A", "B"]])

    assert [bar["count"] for bar in bars] == [1, 1]


def test_true_false_bars_count_true_and_false():
    bars = answer_bars(TF, ["True", "False"], ["false", "false", "true"])

    assert [bar["count"] for bar in bars] == [1, 2]

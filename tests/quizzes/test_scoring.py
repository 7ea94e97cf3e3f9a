from dataclasses import dataclass, field
from typing import Any

import pytest

from quizzes.models import QuestionKind
from quizzes.scoring import normalize_answer, score_answer


@dataclass
class Q:
    kind: str
    answer: Any
    accepted: list[str] = field(default_factory=list)


MC = Q(QuestionKind.MULTIPLE_CHOICE, "Lev Kamenev")
FILL = Q(QuestionKind.FILL_BLANK, "Grigory Zinoviev", accepted=["Zinoviev"])
MR = Q(QuestionKind.MULTIPLE_RESPONSE, ["Zinoviev", "Kamenev"])
MATCH = Q(QuestionKind.MATCHING, [["Stalin", "General Secretary"], ["Lenin", "Founder"]])
ORDER = Q(QuestionKind.ORDERING, ["1917", "1924", "1936", "1953"])


def test_multiple_choice_needs_the_exact_option():
    assert score_answer(MC, "Lev Kamenev") == 1.0
    assert score_answer(MC, "Grigory Zinoviev") == 0.0
    assert score_answer(MC, ["Lev Kamenev"]) == 0.0


@pytest.mark.parametrize(
    "typed", ["Grigory Zinoviev", "grigory zinoviev", "  Grigory   Zinoviev. ", "Zinoviev"]
)
def test_fill_blank_accepts_case_spacing_and_listed_variants(typed):
    assert score_answer(FILL, typed) == 1.0


@pytest.mark.parametrize("typed", ["", "Kamenev", "Zinov", None])
def test_fill_blank_refuses_other_answers(typed):
    assert score_answer(FILL, typed) == 0.0


def test_leading_article_and_thousands_separator_are_ignored():
    question = Q(QuestionKind.SHORT_ANSWER, "the Red Army", accepted=["10,000 soldiers"])

    assert score_answer(question, "Red Army") == 1.0
    assert score_answer(question, "10000 soldiers") == 1.0


def test_true_false_compares_the_statement_truth():
    question = Q(QuestionKind.TRUE_FALSE, "false")

    assert score_answer(question, "false") == 1.0
    assert score_answer(question, "True") == 0.0


def test_multiple_response_gives_partial_credit_and_wrong_picks_cost():
    assert score_answer(MR, ["Zinoviev", "Kamenev"]) == 1.0
    assert score_answer(MR, ["Zinoviev"]) == 0.5
    assert score_answer(MR, ["Zinoviev", "Trotsky"]) == 0.0
    assert score_answer(MR, ["Trotsky", "Bukharin"]) == 0.0


def test_matching_credits_each_correct_pair():
    assert score_answer(MATCH, {"Stalin": "General Secretary", "Lenin": "Founder"}) == 1.0
    assert score_answer(MATCH, {"Stalin": "General Secretary", "Lenin": "Poet"}) == 0.5
    assert score_answer(MATCH, [["Stalin", "Founder"]]) == 0.0


def test_ordering_credits_each_item_in_its_place():
    assert score_answer(ORDER, ["1917", "1924", "1936", "1953"]) == 1.0
    assert score_answer(ORDER, ["1917", "1924", "1953", "1936"]) == 0.5
    assert score_answer(ORDER, ["1917"]) == 0.25


def test_tampered_shapes_score_zero_instead_of_failing():
    assert score_answer(MATCH, "garbage") == 0.0
    assert score_answer(ORDER, {"a": 1}) == 0.0
    assert score_answer(MR, 42) == 0.0


def test_normalize_answer_folds_curly_quotes_and_dashes():
    assert normalize_answer("  The Tsar’s Army — ") == "tsar's army"

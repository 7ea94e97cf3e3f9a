"""The grading table: per normaliser rule, typed answers that must count as right and ones
that must not (issue 10, point 4). Each row is (key, accepted variants, typed)."""

from dataclasses import dataclass, field
from typing import Any

import pytest

from quizzes.models import QuestionKind
from quizzes.scoring import accept_answer_variant, answer_is_accepted, score_answer


@dataclass
class Typed:
    answer: Any
    accepted: list[str] = field(default_factory=list)
    kind: str = QuestionKind.FILL_BLANK


RIGHT = {
    "case and spaces": ("Grigory Zinoviev", [], "  grigory   ZINOVIEV "),
    "edge punctuation": ("Grigory Zinoviev", [], "Grigory Zinoviev."),
    "leading article": ("the Third Estate", [], "Third Estate"),
    "article added": ("Third Estate", [], "the third estate"),
    "diacritics": ("Hülegü", [], "Hulegu"),
    "diacritics the other way": ("Hulegu", [], "Hülegü"),
    "date month first": ("14 July 1789", [], "July 14, 1789"),
    "date ordinal": ("14 July 1789", [], "14th July 1789"),
    "date ordinal of": ("14 July 1789", [], "the 14th of July, 1789"),
    "date short month": ("14 July 1789", [], "14 Jul 1789"),
    "date key month first": ("July 14, 1789", [], "14 July 1789"),
    "month and year": ("June 1215", [], "june, 1215"),
    "date after on": ("15 June 1215", [], "on 15 June 1215"),
    "year after in": ("1896", [], "in 1896"),
    "thousands separator": ("17,000", [], "17000"),
    "separator added": ("17000", [], "17,000"),
    "spaced thousands": ("100,000", [], "100 000"),
    "number in words": ("12", [], "twelve"),
    "twenty in words": ("20", [], "Twenty"),
    "words to digits key": ("four", [], "4"),
    "approximate number": ("about 7,000", [], "7000"),
    "compound number word with a unit": ("25 years", [], "twenty-five years"),
    "number word key": ("twenty-five years", [], "25 years"),
    "honorific dropped": ("Louis XVI", [], "King Louis XVI"),
    "honorific kept in key": ("King Louis XVI", [], "Louis XVI"),
    "title pope": ("Pope Innocent III", [], "Innocent III"),
    "surname listed by the lesson": ("Oreste Baratieri", ["Baratieri"], "baratieri"),
    "curly apostrophe": ("First Barons' War", [], "First Barons’ War"),
    "hyphen or space": ("Saint-Domingue", [], "Saint Domingue"),
    "initials with stops": ("John F. Kennedy", [], "John F Kennedy"),
    "era mark AD after a year": ("208", [], "208 AD"),
    "era mark AD before a year": ("208", [], "AD 208"),
    "era mark CE after a year": ("208", [], "208 CE"),
    "era mark with stops": ("208", [], "208 A.D."),
    "era mark in the key": ("AD 208", [], "208"),
    "BC key, BCE typed": ("31 BC", [], "31 BCE"),
    "BC with stops": ("31 BC", [], "31 B.C."),
    # F18: "Muhammad bin Saud" was marked wrong where the key wrote "ibn".
    "bin for ibn": ("Aldo ibn Marek", [], "Aldo bin Marek"),
    "ibn for bin": ("Aldo bin Marek al-Orun", [], "aldo ibn marek al orun"),
}
WRONG = {
    "another person": ("Grigory Zinoviev", ["Zinoviev"], "Kamenev"),
    "part of the name": ("Grigory Zinoviev", ["Zinoviev"], "Zinov"),
    "empty": ("Grigory Zinoviev", [], ""),
    "other day": ("14 July 1789", [], "15 July 1789"),
    "other year": ("14 July 1789", [], "14 July 1790"),
    "month alone for a date": ("14 July 1789", [], "July"),
    "year alone for a full date": ("14 July 1789", [], "1789"),
    "other number": ("17,000", [], "1,700"),
    "number word wrong": ("12", [], "twenty"),
    "compound number word wrong": ("25 years", [], "twenty-four years"),
    "other regnal number": ("Louis XVI", [], "Louis XIV"),
    "another title holder": ("Louis XVI", [], "King"),
    "surname not listed": ("Oreste Baratieri", [], "Oreste"),
    "a different place": ("Qing Empire", [], "Ming Empire"),
    "BC year without its mark": ("31 BC", [], "31"),
    "BC year marked AD": ("31 BC", [], "31 AD"),
    "BC year marked AD before": ("31 BC", [], "AD 31"),
    "AD year marked BC": ("208", [], "208 BC"),
    "era mark on another year": ("208", [], "209 AD"),
    "another father": ("Aldo ibn Marek", [], "Aldo bin Orun"),
}


@pytest.mark.parametrize("key, accepted, typed", RIGHT.values(), ids=RIGHT.keys())
def test_marking_accepts_a_right_variant(key, accepted, typed):
    assert score_answer(Typed(key, accepted), typed) == 1.0


@pytest.mark.parametrize("key, accepted, typed", WRONG.values(), ids=WRONG.keys())
def test_marking_refuses_a_wrong_answer(key, accepted, typed):
    assert score_answer(Typed(key, accepted), typed) == 0.0


def test_short_answers_use_the_same_marking():
    question = Typed("14 July 1789", kind=QuestionKind.SHORT_ANSWER)

    assert score_answer(question, "July 14, 1789") == 1.0


def test_an_answer_a_teacher_accepts_is_added_once():
    question = Typed("Qing Empire", [])

    accepted = accept_answer_variant(question, "China")
    again = accept_answer_variant(Typed("Qing Empire", accepted), "  china. ")

    assert accepted == ["China"]
    assert again == ["China"]
    assert answer_is_accepted(Typed("Qing Empire", accepted), "CHINA")


def test_accepting_the_key_itself_changes_nothing():
    assert accept_answer_variant(Typed("14 July 1789", []), "July 14, 1789") == []

"""Faults the blind read of F18 found (released after that read), each as a rule on
invented sentences: a relative time with no anchor leans on the sentence before."""

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all


@pytest.mark.parametrize(
    "sentence",
    [
        # F18: "Only a few years earlier, in 313, Constantine and ... had agreed": earlier
        # than what?
        "Only a few years earlier, in 1313, Aldo and Marek had agreed to share the river.",
        "Ten years earlier the town of Kessel had burned.",
        "Aldo had tried the same plan earlier.",
    ],
)
def test_earlier_with_nothing_to_be_earlier_than_leans_on_the_sentence_before(sentence):
    (doc,) = parse_all([sentence])

    assert leaning_words(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "An earlier agreement with Tarsk, signed in 1826, had changed little.",
        "Kessel fell earlier than Tarsk, in the spring of 1570.",
    ],
)
def test_earlier_that_says_what_it_is_earlier_than_stands_alone(sentence):
    (doc,) = parse_all([sentence])

    assert not leaning_words(doc)

"""Faults the blind read of F21 found (released after that read), each as a rule on
invented sentences."""

import pytest

from quizzes.generation.context import leaning_words
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText, generate_bank


@pytest.mark.parametrize(
    "sentence",
    [
        # F21: "Some hated slavery and believed ...": some of whom?
        "Some hated slavery and believed free settlers would never be treated fairly in Varnia.",
        # F21: "Among the passengers were a few Portuguese traders": of what ship?
        "Among the passengers were a few Varnian merchants.",
        # F21: "Japanese smiths quickly learned to copy them": the smiths copy the guns
        # of the sentence before, not themselves.
        "Varnian smiths quickly learned to copy them.",
        # F21: "His book, De Motu Cordis, appeared in Frankfurt in 1628": the book's title
        # beside "book" is nobody "his" could mean.
        "His book, The Long Road, appeared in Kessel in 1628.",
    ],
)
def test_some_the_passengers_them_and_his_lean_on_the_sentence_before(sentence):
    (doc,) = parse_all([sentence])

    assert leaning_words(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some of the merchants hated the new tax.",
        "The Varnians refused the tax, and Aldo Venn punished them in 1521.",
        "The smiths took the guns apart and learned to copy them.",
        "In his book, Aldo Venn praised the new walls of Kessel.",
    ],
)
def test_some_of_them_and_his_with_what_they_mean_stand_alone(sentence):
    (doc,) = parse_all([sentence])

    assert not leaning_words(doc)


def _bank(title, sentences, key_points=(), summary=frozenset()):
    lesson = LessonText(title, list(key_points), list(enumerate(sentences, 1)), summary)
    return generate_bank(lesson)


def test_a_count_after_passed_or_at_least_is_no_fair_blank():
    # F21: "The price, about £128 in January, passed £_____ by the summer." offered 400:
    # a price that passed £1,000 passed £400 too.
    bank = _bank(
        "The Kessel Grain Panic",
        [
            "In 1720 the Kessel Grain Company promised huge profits from the southern trade.",
            "The price, about £128 in January, passed £1,000 by the summer.",
            "In September 1720 the price collapsed and thousands of investors were ruined.",
            "In 1721 the minister Aldo Venn was put in charge of clearing up the company.",
        ],
        key_points=["The price passed £1,000 by the summer of 1720."],
    )

    asked = [
        q for q in bank.questions if q.ready and q.hidden is not None and q.hidden.text == "1,000"
    ]
    assert asked == [], [(q.kind, q.prompt) for q in asked]


def test_which_is_true_whose_right_option_is_the_title_is_a_giveaway():
    # F21: "On 26 July 1847 settlers ... declared the independent Republic of Liberia"
    # was the right option under "Liberia Declares Independence, 26 July 1847".
    bank = _bank(
        "Varnia Declares Independence, 12 May 1847",
        [
            "On 12 May 1847 settlers on the coast of Varnia declared the independent Republic of Varnia.",
            "In 1822 the first settlers reached the coast at Cape Kessel.",
            "In 1841 the merchant Aldo Venn became the colony's first governor.",
            "In 1848 Aldo Venn was elected the first president of the republic.",
            "In 1862 the United States recognised the republic.",
        ],
        key_points=[
            "The first settlers reached Cape Kessel in 1822.",
            "Aldo Venn became governor in 1841.",
            "The United States recognised Varnia in 1862.",
        ],
        summary=frozenset({1}),
    )

    giveaways = [
        q
        for q in bank.questions
        if q.ready and q.rule.startswith("mc.true") and "declared" in str(q.answer)
    ]
    assert giveaways == [], [(q.answer, q.choices) for q in giveaways]


@pytest.mark.parametrize(
    "sentence",
    [
        # F22: "All three survived, but the attack started a revolt ...": which three?
        "All three survived with only small injuries.",
        "Both survived the fall from the castle window.",
    ],
)
def test_a_bare_number_or_both_as_the_subject_leans(sentence):
    (doc,) = parse_all([sentence])

    assert leaning_words(doc)


def test_a_number_with_its_noun_as_the_subject_stands_alone():
    (doc,) = parse_all(["All three envoys survived the fall from the castle window."])

    assert not leaning_words(doc)

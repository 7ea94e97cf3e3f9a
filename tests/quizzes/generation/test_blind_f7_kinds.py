"""The ordering and matching faults two blind judges found in the seventh fresh set (F7).

Each case stands for a general fault shape, named in the comment, not for the one lesson it
was seen in; the sentences are invented.
"""

import pytest

from quizzes.generation.sets import without_sequence_words


@pytest.mark.parametrize(
    "text",
    [
        # "sent Zheng He on the of the voyages": the ordinal was a noun of its own.
        "The emperor sent the admiral on the first of the voyages",
        # "The natural case was recorded in Somalia": "the last" was what the event said.
        "The last natural case was recorded in Peru",
        "The final great battle was fought near the river",
    ],
)
def test_an_event_whose_ordinal_carries_its_sense_is_left_out(text):
    assert without_sequence_words(text) is None


def test_an_ordinal_before_a_noun_named_by_what_follows_is_cut():
    # "The first bill to authorise the line": "The bill to authorise the line" says the same.
    assert without_sequence_words("The first bill to build the canal was defeated") == (
        "The bill to build the canal was defeated"
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # F7: "Peru finally won its independence" was left out, and with it the ordering.
        ("The colony finally won its independence", "The colony won its independence"),
        ("The rebels eventually took the city", "The rebels took the city"),
    ],
)
def test_an_adverb_of_sequence_before_an_irregular_past_verb_is_cut(text, kept):
    assert without_sequence_words(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        # Tuned F3 and heldout: "the Third Estate" became "the Estate", "The Second
        # Continental Congress" "The Continental Congress"; the ordinal is part of a name.
        "The commoners, known as the Third Estate, declared themselves the Assembly",
        "The Second Continental Congress approved the declaration",
    ],
)
def test_an_ordinal_inside_a_name_stays(text):
    assert without_sequence_words(text) == text


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # F7 (Cleisthenes: 1 event from 7 dated sentences): the parser folded a subject
        # opening on a number ("two Athenians") into the date's phrase.
        (
            "In 514 BC two Athenians, Harmodius and Aristogeiton, murdered Hipparchus.",
            "514 BC",
            (-514, "Two Athenians, Harmodius and Aristogeiton, murdered Hipparchus"),
        ),
    ],
)
def test_an_event_whose_subject_opens_on_a_number(event, sentence, date, expected):
    assert event(sentence, date) == expected

"""Dated events for ordering (quizzes/generation/events.py), round 7B: the shapes that
left the F5 and F6 lessons with four years or more but fewer than four events."""

import pytest


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # F6: "After Julius Caesar was murdered in 44 BC, ... formed ... in 43 BC": the
        # opening clause has a subject of its own and its date is on its own verb.
        (
            "After King Aldo was murdered in 1530, his brother Marek formed a council in 1531.",
            "1530",
            (1530, "King Aldo was murdered"),
        ),
        (
            "When the Varni captured Tarsk in 1641, Queen Mira allied with them and won "
            "several victories.",
            "1641",
            (1641, "The Varni captured Tarsk"),
        ),
        # F6: "Everything changed in 1807, when Napoleon's armies invaded Portugal": the
        # "when" clause says what happened that year.
        (
            "Everything changed in 1807, when the armies of Marek invaded Tarsk.",
            "1807",
            (1807, "The armies of Marek invaded Tarsk"),
        ),
        # F6: "João opened ..., and in 1815 raised Brazil to the rank of a kingdom": a second
        # verb with no subject of its own takes the named subject of the first.
        (
            "Aldo opened the ports to foreign trade, founded a bank, and in 1815 raised Tarsk "
            "to the rank of a kingdom.",
            "1815",
            (1815, "Aldo raised Tarsk to the rank of a kingdom"),
        ),
    ],
)
def test_events_from_dated_clauses(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date",
    [
        # F6 (ready ordering, Actium): "he granted eastern lands to Cleopatra", "The Senate
        # gave him the name Augustus": out of its paragraph nobody knows who he is.
        ("In 34 BC, at a ceremony in Tarsk, he granted eastern lands to Queen Mira.", "34 BC"),
        ("In 27 BC the Senate gave him the name Aldo.", "27 BC"),
        # The opening clause's subject is a pronoun.
        ("After he was crowned in 1530, Marek formed a council.", "1530"),
    ],
)
def test_no_event_with_a_person_it_does_not_name(event, sentence, date):
    assert not event(sentence, date)


def test_an_object_it_needs_a_thing_before_it(event):
    # Seen on the tuned sets with the second verbs: "Austria-Hungary annexed it" (the
    # "it" is the land the first verb named, which the event leaves out).
    sentence = "The Varni had occupied Tarsk since 1878 and annexed it in 1908, which angered Mira."
    assert not event(sentence, "1908")

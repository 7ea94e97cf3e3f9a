"""Dated events for ordering (quizzes/generation/events.py), round 7B: the shapes that
left the F5 and F6 lessons with four years or more but fewer than four events."""

import pytest

from quizzes.generation.nlp import parse_all
from quizzes.generation.selection import LessonSentence
from quizzes.generation.sets import DatedEvent, ordering


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
        # Tuned F5 (ready ordering): "Late, a cloud of poisonous gas escaped from a factory".
        (
            "Late on the night of 2 December 1984, a cloud of gas escaped from a factory in Tarsk.",
            "December 1984",
            (1984, "A cloud of gas escaped from a factory in Tarsk"),
        ),
        # F1/F5: "... seized Atahualpa, ruler of the Inca Empire, in the main square of
        # Cajamarca in the northern Andes of Peru" ran past 22 words and was left out; the
        # place phrase after the comma may go, the event is whole without it.
        (
            "On 2 September 1898 an army under General Aldo Venn destroyed the army of the "
            "Varni state at Kessel, on the west bank of the river opposite Tarsk.",
            "2 September 1898",
            (
                1898,
                "An army under General Aldo Venn destroyed the army of the Varni state at Kessel",
            ),
        ),
        # F5: "On 31 October 1517 Martin Luther, a monk and professor of theology at the
        # University of Wittenberg in Saxony, issued ninety-five theses ..." ran past 22 words.
        (
            "On 31 October 1517 Aldo Venn, a monk and professor of theology at the University "
            "of Tarsk in the north, issued ninety-five theses against the sale of pardons.",
            "31 October 1517",
            (1517, "Aldo Venn issued ninety-five theses against the sale of pardons"),
        ),
    ],
)
def test_events_from_dated_clauses_and_long_sentences(event, sentence, date, expected):
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


def test_an_event_has_a_verb_that_says_it_happened(event):
    # Tuned F2: "The Battle of Ayacucho, fought on a high plain in the Peruvian Andes" was
    # offered as an event: a name and an aside, with nothing that happened.
    sentence = (
        "The Battle of Tarsk, fought on a high plain in the mountains on 9 December 1824, "
        "was the last great battle of the wars."
    )
    assert not event(sentence, "9 December 1824")


def test_an_aside_on_the_subject_is_left_out(event):
    # F6: "On 7 September 1822, Prince Pedro of Portugal, who was governing Brazil on
    # behalf of his father, declared that Brazil would no longer be ruled from Lisbon."
    sentence = (
        "On 7 September 1822, Prince Aldo of Tarsk, who was governing Kessel on behalf "
        "of his father, declared that Kessel would no longer be ruled from Tarsk."
    )
    assert event(sentence, "7 September 1822") == (
        1822,
        "Prince Aldo of Tarsk declared that Kessel would no longer be ruled from Tarsk",
    )


def _sentence():
    (doc,) = parse_all(["The canal opened in 1830."])
    return LessonSentence(0, 0, doc.text, doc, usable=True)


def test_ordering_drops_words_of_sequence_inside_an_event():
    # Tuned F1/F5/F6: "The last Allied soldiers were evacuated", "Pope Alexander VI first set
    # a dividing line", "The Office was set up later": the events were left out, and with
    # them the lesson's ordering; without the word each still says what happened.
    texts = [
        "The council first approved the canal",
        "The canal opened to traffic",
        "A storm flooded the lower locks",
        "The last barges were sold to the state",
        "A museum was set up later",
        "The locks were widened two years later",
        "The canal was closed two days after the flood",
    ]
    events = [
        DatedEvent(1820 + 5 * i, str(1820 + 5 * i), t, _sentence()) for i, t in enumerate(texts)
    ]

    question = ordering(events)

    assert question is not None and question.answer == [
        "The council approved the canal",
        "The canal opened to traffic",
        "A storm flooded the lower locks",
        "The barges were sold to the state",
        "A museum was set up",
    ]


def test_a_season_orders_against_a_month_of_its_year():
    # Tuned F2: "in the summer of 1187" and "2 October 1187" could not be ordered, and the
    # lesson had no ordering item.
    dates = [("1186", 1186), ("summer of 1187", 1187), ("2 October 1187", 1187), ("1190", 1190)]
    texts = [
        "Aldo became king",
        "Marek besieged Tarsk",
        "Tarsk surrendered to Marek",
        "Aldo died in exile",
    ]
    events = [DatedEvent(y, d, t, _sentence()) for (d, y), t in zip(dates, texts, strict=True)]

    question = ordering(events)

    assert question is not None and question.answer == texts


def test_a_list_of_names_is_never_cut(event):
    # Seen on the tuned sets with the cut before a place: "Bolívar led a combined army of
    # Colombians" (of Colombians, Peruvians, Argentines and Chileans, over the Andes).
    sentence = (
        "In 1824 Aldo Venn led a combined army of Varni, Tarskans, Kesselers and "
        "northerners over the high mountains, a march of many weeks."
    )
    found = event(sentence, "1824")
    assert found is None or "northerners" in found[1]


def test_the_ordering_note_gives_every_event_its_date():
    # Tuned F1: the note (the dates, shown at review) left out "The Allied soldiers were
    # evacuated": its text had lost "last" and no longer matched the lesson's event.
    texts = [
        "Aldo became king",
        "Marek besieged Tarsk",
        "Tarsk fell to Marek",
        "The last guards left",
    ]
    events = [DatedEvent(1800 + i, str(1800 + i), t, _sentence()) for i, t in enumerate(texts)]

    question = ordering(events)

    assert question.note == (
        "1800: Aldo became king; 1801: Marek besieged Tarsk; 1802: Tarsk fell to Marek; "
        "1803: The guards left"
    )


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # F18: "King Mongkut kept good relations with the Western powers, and he died on
        # 1 October 1868 after ...": the "he" of a second clause is the person the first
        # clause opens on, when the sentence names nobody else.
        (
            "Queen Mira kept good relations with the northern lords, and she died on "
            "3 May 1702 after a long illness.",
            "3 May 1702",
            (1702, "Queen Mira died after a long illness"),
        ),
        # ... and every "she" or "her" after it is the same person.
        (
            "Queen Mira kept good relations with the lords, and she died on 3 May 1702 after "
            "a fever that she had caught on her last journey.",
            "3 May 1702",
            (1702, "Queen Mira died after a fever that she had caught on her last journey"),
        ),
        (
            "General Aldo Venn lost the support of the army, and in 1640 he resigned.",
            "1640",
            (1640, "General Aldo Venn resigned"),
        ),
    ],
)
def test_a_second_clause_he_is_the_person_the_first_opens_on(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date",
    [
        # Two people before the "he": either may be meant.
        ("Queen Mira met King Orun at Kessel, and she died on 3 May 1702.", "3 May 1702"),
        ("Aldo Venn praised Marek Orvan, and in 1640 he resigned.", "1640"),
        # The first clause opens on no person: "the lords ..., and he" leans on before.
        ("The lords kept their lands, and in 1640 he resigned.", "1640"),
    ],
)
def test_a_second_clause_he_stays_unnamed_where_the_sentence_leaves_doubt(event, sentence, date):
    assert not event(sentence, date)

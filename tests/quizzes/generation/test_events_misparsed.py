"""Dated events where the parser misreads the date's phrase (quizzes/generation/event_clauses.py,
`surface_clause`): "died in 166 BCE and command passed ..." parsed with the date as the head
of the next clause, "around 1336 BCE" as two objects, "In the autumn of 539 BCE Orun's army"
with the subject inside the date's phrase. The event is read off the words instead: the clause
before the date, or the clause after an opening date, to the next break. Sentences are made up."""

from dataclasses import replace
from pathlib import Path

import pytest

from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import generate_bank
from quizzes.generation.selection import LessonSentence
from quizzes.generation.sets import DatedEvent, ordering, without_sequence_words

RELEASED = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # The clause before a trailing date, cut at the "and" of a second claim.
        (
            "Aldo Venn died in 166 BCE and command of the rebel army passed to his eldest son.",
            "166 BCE",
            (-166, "Aldo Venn died"),
        ),
        (
            "Queen Mira of Tarsk died around 1336 BCE, and after a short regency her nephew "
            "took the throne.",
            "1336 BCE",
            (-1336, "Queen Mira of Tarsk died"),
        ),
        # A short phrase after the date belongs to the event; the aside after it goes.
        (
            "Kessel was founded in 1351 by King Orun, known as the Builder, on an island "
            "where three rivers meet.",
            "1351",
            (1351, "Kessel was founded by King Orun"),
        ),
        # The clause after an opening date, the subject inside the date's phrase for the parser.
        (
            "In the autumn of 539 BCE Orun's army met the hill tribes at Kessel on the Varna "
            "River and won a crushing victory.",
            "539 BCE",
            (-539, "Orun's army met the hill tribes at Kessel on the Varna River"),
        ),
        # "only" goes with the date.
        (
            "The women of Tarsk gained the right to sit on the council only in 1919.",
            "1919",
            (1919, "The women of Tarsk gained the right to sit on the council"),
        ),
        # The parser found no main verb ("fleet" as the root, "sailed" a relative clause).
        (
            "In November 1274 a fleet of several hundred ships carrying Varnish, Dorian and "
            "Tarskan troops sailed from Kessel.",
            "November 1274",
            (
                1274,
                "A fleet of several hundred ships carrying Varnish, Dorian and Tarskan troops "
                "sailed from Kessel",
            ),
        ),
        # Two dated claims in one sentence: the first, cut at its "and".
        (
            "The Varnish forces defeated a Tarskan army at Belmont in 634 and captured "
            "Kessel in 635.",
            "634",
            (634, "The Varnish forces defeated a Tarskan army at Belmont"),
        ),
        # A second main clause opened by its date.
        (
            "Marek Dorn was named high priest in 152 BCE, and in 142 BCE Tomas Dorn won "
            "independence for Kessel.",
            "142 BCE",
            (-142, "Tomas Dorn won independence for Kessel"),
        ),
        (
            "Around 550 BCE Orun overthrew his overlord Varo, king of Kessel.",
            "550 BCE",
            (-550, "Orun overthrew his overlord Varo"),
        ),
    ],
)
def test_a_misparsed_date_phrase_still_dates_its_clause(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date",
    [
        # A span or a state, not an event on the date.
        ("Aldo Venn ruled as king from 668 until his death in 672.", "672"),
        ("By 1350 the fever had reached every port of the coast.", "1350"),
        # Going on at the time, not done then.
        ("In 1346 the army of Orun was besieging Kessel when the fever broke out.", "1346"),
        # A clause that opens with "after" is no main clause: its date is not the event's.
        ("After a long drought in 1074 the council of Tarsk closed the bridge.", "1074"),
        # The date is the time of the inner clause, not of the meaning.
        ("The failure of the council meant that Tarsk was united only in 1871.", "1871"),
        # Nothing happened then; and a cut at the first name of a list.
        ("Prince Aldo would not sign the treaty of Kessel in 1702.", "1702"),
        (
            "Prizes of the guild are not given to the dead, and in 1962 the prize went to "
            "Aldo Venn, Marek Dorn and Tomas Varo.",
            "1962",
        ),
        # A pronoun no sentence before names.
        ("He died in 166 BCE and command of the rebel army passed to his son.", "166 BCE"),
    ],
)
def test_no_event_is_read_off_a_span_a_state_or_a_subordinate_clause(event, sentence, date):
    assert event(sentence, date) is None


def test_a_four_digit_year_before_the_common_era_is_read_as_before_it(event):
    assert event(
        "In 1353 BCE the council of Tarsk closed the bridge to all carts.", "1353 BCE"
    ) == (
        -1353,
        "The council of Tarsk closed the bridge to all carts",
    )


@pytest.mark.parametrize(
    "sentence, date",
    [
        # The sentence opens with a bound, so the dated clause is no main clause.
        ("By the time the long war ended in 1868, Tarsk had lost its fleet.", "1868"),
        # A participle after the cut that is the main verb the parser lost.
        (
            "In 1990 the Varni Front (VF), a rebel army made up largely of exiles, invaded "
            "from the hills.",
            "1990",
        ),
    ],
)
def test_no_event_from_a_bound_a_clause_cut_short_or_a_lost_verb(event, sentence, date):
    assert event(sentence, date) is None


def test_a_clause_going_on_past_its_date_is_no_event(lesson_file):
    # "X had shown in 1950 that in DNA ...": cut at the date, "X had shown" says nothing.
    bank = generate_bank(
        lesson_file(RELEASED / "released-f14" / "the-discovery-of-the-dna-double-helix-1953.txt")
    )
    (ordering,) = [q for q in bank.questions if q.kind == "ordering"]

    assert all(not event.endswith("had shown") for event in ordering.answer)


def _events_of(texts: list[tuple[int, str, str]]):
    """DatedEvents of (year, event, sentence) triples, each with its own parsed sentence."""
    docs = parse_all([sentence for _, _, sentence in texts])
    return [
        DatedEvent(year, str(year), text, LessonSentence(i, i, doc.text, doc, usable=True))
        for i, ((year, text, _), doc) in enumerate(zip(texts, docs, strict=True))
    ]


def test_a_name_and_its_deed_is_an_event_of_two_words():
    # "Mattathias died" (F11): a name and a verb say what happened; "Work began" does not.
    events = _events_of(
        [
            (1701, "Aldo Venn wrote a letter to the guild", "Aldo Venn wrote a letter in 1701."),
            (1702, "Marek died", "Marek died in 1702."),
            (1703, "The guild expelled Aldo Venn", "The guild expelled Aldo Venn in 1703."),
            (1704, "Work began", "Work began in 1704."),
            (1705, "Tomas Dorn became master", "Tomas Dorn became master in 1705."),
            # A passive verb whose "was" went with the first of two verbs.
            (1706, "Varo hanged", "Varo was captured in 1705 and hanged in 1706."),
        ]
    )

    question = ordering(events)

    assert question is not None
    assert "Marek died" in question.answer
    assert "Work began" not in question.answer and "Varo hanged" not in question.answer


def test_a_name_given_later_tells_no_order():
    # "began building the villa later known as Ginkaku-ji" (F14): a name, not a sequence.
    assert without_sequence_words("Aldo Venn began building the villa later known as Belmont") == (
        "Aldo Venn began building the villa known as Belmont"
    )


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # A three-digit year after "around" or "in early" is a year, not a count.
        (
            "Orun began preaching in Kessel around 610, calling on people to obey one law.",
            "610",
            (610, "Orun began preaching in Kessel"),
        ),
        (
            "In early 624 news arrived that a large caravan was returning from Tarsk.",
            "624",
            (624, "News arrived that a large caravan was returning from Tarsk"),
        ),
        # The date's own words open with the part of the year: "summer of 1381".
        (
            "In the summer of 1381 thousands of peasants from Kessel marched on Tarsk to "
            "protest against a new tax.",
            "summer of 1381",
            (
                1381,
                "Thousands of peasants from Kessel marched on Tarsk to protest against a new tax",
            ),
        ),
    ],
)
def test_a_year_with_its_hedge_or_its_part_of_the_year_dates_its_clause(
    event, sentence, date, expected
):
    assert event(sentence, date) == expected


def test_a_span_of_months_orders_against_the_months_around_it():
    # "September–October 1945" comes after "15 August 1945" and before "December 1949".
    events = _events_of(
        [
            (1942, "Orun conquered the colony of Kessel", "Orun conquered Kessel in 1942."),
            (1945, "Orun's army surrendered at Tarsk", "It surrendered in 1945."),
            (1945, "Troops landed at Kessel to take the surrender", "They landed in 1945."),
            (1949, "Kessel became independent", "Kessel became independent in 1949."),
        ]
    )
    dates = ["March 1942", "15 August 1945", "September–October 1945", "December 1949"]
    events = [replace(event, date_text=date) for event, date in zip(events, dates, strict=True)]

    question = ordering(events)

    assert question is not None and len(question.answer) == 4


def test_a_hedged_count_is_no_year(lesson_file):
    # "...; about 700 Ethiopians were killed, while ...": a count, not the year 700.
    bank = generate_bank(
        lesson_file(
            RELEASED / "released-f14" / "british-troops-storm-magdala-and-emperor-tewodros-dies.txt"
        )
    )
    (ordering,) = [q for q in bank.questions if q.kind == "ordering"]

    assert "about 700" not in ordering.note


def test_an_event_never_ends_on_a_word_whose_noun_was_cut(lesson_file, monkeypatch):
    # "... defeated the army of the Neo" (F13, tuned): the cut took "-Babylonian Empire".
    from quizzes.generation import pipeline

    seen = []
    real_ordering = pipeline.ordering
    monkeypatch.setattr(
        pipeline, "ordering", lambda events: seen.extend(events) or real_ordering(events)
    )
    generate_bank(
        lesson_file(RELEASED / "released-f13" / "cyrus-the-great-captures-babylon-539-bce.txt")
    )

    assert seen and not [e.text for e in seen if e.text.endswith(" the Neo")]

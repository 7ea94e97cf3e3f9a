"""Dated events for ordering (quizzes/generation/events.py), round 8E: dated sentences of the
released lessons that gave no event, though their event reads whole without an aside, a
trailing phrase or the sentence around a "who" clause. Sentences are made up."""

import pytest

from quizzes.generation.nlp import parse_all
from quizzes.generation.selection import LessonSentence
from quizzes.generation.sets import DatedEvent, ordering, without_sequence_words


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # A place or occasion set off by commas after the opening date: once the date is out,
        # the event is the main clause without it.
        (
            "On 4 March 1702, at a crowded meeting in the town hall, the guild of weavers "
            "elected Aldo Venn as its master.",
            "4 March 1702",
            (1702, "The guild of weavers elected Aldo Venn as its master"),
        ),
        (
            "In 1688, during a long quarrel between the two river towns, the council of "
            "Tarsk closed the bridge to all carts.",
            "1688",
            (1688, "The council of Tarsk closed the bridge to all carts"),
        ),
    ],
)
def test_an_aside_after_the_opening_date_is_left_out(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # A long sentence: the last trailing place phrase goes (as little as brings it
        # under the limit), the event is whole without it.
        (
            "On 9 June 1650 a small army of hill farmers under the command of Marek Dorn "
            "defeated the royal guard of Tarsk on a marshy field just outside the walls of "
            "the old city.",
            "9 June 1650",
            (
                1650,
                "A small army of hill farmers under the command of Marek Dorn defeated the "
                "royal guard of Tarsk on a marshy field",
            ),
        ),
        # A second verb goes.
        (
            "In 1702 the young prince Aldo Venn of Tarsk completed the conquest of the last "
            "of the four rival valleys of the north and made himself lord of all the hills.",
            "1702",
            (
                1702,
                "The young prince Aldo Venn of Tarsk completed the conquest of the last of the "
                "four rival valleys of the north",
            ),
        ),
        # The clause may hang on a verb of the subject's chain: "agreed to pay ...".
        (
            "In 1702 the council of Tarsk expressed regret and agreed to pay compensation to "
            "more than 500 weavers who had lost their looms in the great fire of the old town.",
            "1702",
            (
                1702,
                "The council of Tarsk expressed regret and agreed to pay compensation to more "
                "than 500 weavers",
            ),
        ),
        # A long sentence: the "who" clause on the object goes.
        (
            "On 3 May 1790 soldiers fired on a large crowd of weavers and farmers who had "
            "gathered in the main square of Tarsk to demand lower taxes on bread.",
            "3 May 1790",
            (1790, "Soldiers fired on a large crowd of weavers and farmers"),
        ),
    ],
)
def test_a_long_event_loses_its_trailing_phrase(event, sentence, date, expected):
    assert event(sentence, date) == expected


def test_a_short_event_keeps_its_trailing_phrase(event):
    # Under the length limit nothing is trimmed: the place belongs to the event.
    sentence = "On 9 June 1650 the farmers defeated the guard on a field outside Tarsk."
    assert event(sentence, "9 June 1650") == (
        1650,
        "The farmers defeated the guard on a field outside Tarsk",
    )


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # A "who" clause on a name dates what that person did or underwent.
        (
            "The war ended with the defeat of his rival Aldo Venn, who was murdered in "
            "Tarsk in 48 BC.",
            "48 BC",
            (-48, "Aldo Venn was murdered in Tarsk"),
        ),
        (
            "Yet Marek Dorn, who became king in 1614, gave up the northern forts.",
            "1614",
            (1614, "Marek Dorn became king"),
        ),
    ],
)
def test_a_who_clause_on_a_name_is_its_event(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date",
    [
        # Not a name: "the rebels were scattered" says nothing of who they were.
        ("The war ended with the defeat of the rebels, who were scattered in 1648.", "1648"),
        # Not the name's own clause: "which" leans on a thing.
        ("The guild built a hall, which was finished in 1702.", "1702"),
    ],
)
def test_no_who_clause_event_without_a_name(event, sentence, date):
    assert event(sentence, date) is None


def test_an_its_needs_a_thing_before_it(event):
    # "its" with only a person and a people's name before it: of what was he chairman?
    assert event("In 1975 the Ugandan general Aldo Venn served as its chairman.", "1975") is None
    assert event("In 1975 the guild of Tarsk elected its first chairman.", "1975") == (
        1975,
        "The guild of Tarsk elected its first chairman",
    )


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # A clause after the main verb, opened by "after", "when", "until" ..., whose own
        # verb the date is on: the clause is the event of that date.
        (
            "The revolt began after the royal guard arrested Marek Dorn in March 1791.",
            "March 1791",
            (1791, "The royal guard arrested Marek Dorn"),
        ),
        (
            "The long siege ended when Queen Mira took the citadel of Tarsk in July 1702.",
            "July 1702",
            (1702, "Queen Mira took the citadel of Tarsk"),
        ),
        (
            "The weavers of Tarsk marched from town to town until Duke Aldo banned the "
            "guilds in October 1649.",
            "October 1649",
            (1649, "Duke Aldo banned the guilds"),
        ),
    ],
)
def test_a_trailing_dated_clause_is_its_event(event, sentence, date, expected):
    assert event(sentence, date) == expected


def test_no_trailing_clause_event_on_a_pronoun(event):
    assert event("The revolt began after he was arrested in 1791.", "1791") is None


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # The parser hangs the closing date on a named object or on the noun of a place
        # or occasion phrase: it still dates what the verb did.
        (
            "Queen Mira announced the surrender of Tarsk in a speech on 15 August 1745.",
            "15 August 1745",
            (1745, "Queen Mira announced the surrender of Tarsk in a speech"),
        ),
        # The comma the date leaves before a phrase goes with it.
        (
            "Queen Mira was arrested on 1 May 1791, for refusing to pay the salt tax.",
            "1 May 1791",
            (1791, "Queen Mira was arrested for refusing to pay the salt tax"),
        ),
    ],
)
def test_a_closing_date_on_a_noun_dates_the_verb(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date",
    [
        # The date is the death's, the surrender's, not what the verb did.
        ("Aldo Venn won freedom for Tarsk before his death in 1882.", "1882"),
        ("The war went on until the surrender of Marek at Kessel on 9 April 1865.", "9 April 1865"),
    ],
)
def test_a_date_on_a_noun_after_a_bound_is_not_the_verbs(event, sentence, date):
    assert event(sentence, date) is None


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # An opening adverb set off by a comma links the sentence to the one before; the
        # event has its own date and reads whole without it.
        (
            "Then, in 1839, the river company of Tarsk sent ships full of settlers to the coast.",
            "1839",
            (1839, "The river company of Tarsk sent ships full of settlers to the coast"),
        ),
        (
            "Two days later, on 26 January 1788, Captain Aldo Venn raised a flag at Kessel Cove.",
            "26 January 1788",
            (1788, "Captain Aldo Venn raised a flag at Kessel Cove"),
        ),
        (
            "However, in 1648 Duke Aldo Venn retook the port of Kessel.",
            "1648",
            (1648, "Duke Aldo Venn retook the port of Kessel"),
        ),
    ],
)
def test_an_opening_linking_adverb_is_left_out(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # A participle between commas on the opening subject, with the date on it: the
        # subject underwent it then.
        (
            "The Treaty of Kessel, signed in September 1783, ended the long war with Tarsk.",
            "September 1783",
            (1783, "The Treaty of Kessel was signed"),
        ),
    ],
)
def test_a_dated_participle_on_the_subject_is_its_event(event, sentence, date, expected):
    assert event(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("His tomb, discovered in 1952, is one of the great finds.", "1952"),
        # A name ending in "s": one thing or many? "was" or "were" may be wrong.
        ("The Kessel Accords, signed in May 1702, ended the border war.", "May 1702"),
    ],
)
def test_no_participle_event_on_a_pronoun_or_a_name_of_unsure_number(event, sentence, date):
    assert event(sentence, date) is None


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # A timeline's line: the date, a colon and the clause it dates.
        (
            "March 1702: Duke Aldo Venn signs the treaty of Kessel.",
            "March 1702",
            (1702, "Duke Aldo Venn signs the treaty of Kessel"),
        ),
        (
            "1715: The guild of Tarsk is dissolved by royal decree.",
            "1715",
            (1715, "The guild of Tarsk is dissolved by royal decree"),
        ),
    ],
)
def test_a_timeline_line_is_its_event(event, sentence, date, expected):
    assert event(sentence, date) == expected


def test_an_event_that_goes_further_tells_its_order():
    # "Aldo went further and denied ...": a step beyond one before; the event is left out.
    (doc,) = parse_all(["The guild met in 1700."])
    sentence = LessonSentence(0, 0, doc.text, doc, usable=True)
    texts = [
        "Aldo Venn wrote a letter to the guild",
        "Aldo Venn went further and denied the guild's rights",
        "The guild expelled Aldo Venn",
        "The council restored the guild's rights",
        "Marek Dorn became master of the guild",
    ]
    events = [DatedEvent(1700 + i, str(1700 + i), t, sentence) for i, t in enumerate(texts)]

    question = ordering(events)

    assert question is not None and texts[1] not in question.answer


def test_a_date_inside_an_opening_during_phrase_dates_the_main_clause(event):
    # F12: "During the war with Pakistan in 1965, Prime Minister Shastri asked Indians to
    # skip one meal a week" gave no event; the lesson dated only three others clearly.
    assert event(
        "During the siege of Tarsk in 1702, the governor Aldo Venn ordered the walls rebuilt.",
        "1702",
    ) == (1702, "The governor Aldo Venn ordered the walls rebuilt")


def test_an_opening_after_phrase_does_not_date_the_main_clause(event):
    assert event("After the siege of Tarsk in 1702, the town grew quickly.", "1702") is None


@pytest.mark.parametrize(
    "text, kept",
    [
        # F13: "Eddie Koiki Mabo was born on Mer and later worked as a gardener ..." and
        # "Franklin D. Roosevelt was paralysed by polio and later became president": the
        # dated claim is the first; the "later" one is another, undated.
        (
            "Aldo Venn was born on Tarsk and later worked as a gardener",
            "Aldo Venn was born on Tarsk",
        ),
        (
            "Marek Holm was wounded at the river and afterwards became king",
            "Marek Holm was wounded at the river",
        ),
        ("The later kings moved the capital north", None),
    ],
)
def test_a_later_second_claim_is_cut_from_an_event(text, kept):
    assert without_sequence_words(text) == kept

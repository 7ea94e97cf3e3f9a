"""The ordering and matching faults two blind judges found in the eighth fresh set (F8), and
the events and pairs F1-F8 lessons lost to shapes the generator did not read.

Each case stands for a general fault shape, named in the comment, not for the one lesson it
was seen in; the sentences are invented.
"""

import pytest

from quizzes.generation.matching import matching, people_pairs
from quizzes.generation.pipeline import LessonText, generate_bank
from quizzes.generation.referents import pronoun_referents
from quizzes.generation.sets import DatedEvent, ordering


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # F8 (Iran): "A day that became known as Black Friday, troops killed ..." - the date
        # went and its aside stayed, a fragment with no main clause.
        (
            "On 3 May 1921, a day that became known as Red Tuesday, soldiers fired on the "
            "marchers in Tarsk.",
            "3 May 1921",
            (1921, "Soldiers fired on the marchers in Tarsk"),
        ),
        (
            "On 3 May 1921, a day later called Red Tuesday, soldiers fired on the marchers.",
            "3 May 1921",
            (1921, "Soldiers fired on the marchers"),
        ),
    ],
)
def test_an_aside_on_the_date_goes_with_the_date(event, sentence, date, expected):
    assert event(sentence, date) == expected


def _ordering(title: str, sentences: list[str]):
    bank = generate_bank(LessonText(title, [], list(enumerate(sentences, start=1)), frozenset({1})))
    return next((q for q in bank.questions if q.kind == "ordering"), None)


# F1-F8 (Gaugamela, Ayutthaya, Cajamarca, Mongol invasions, Luther, Zhang Qian, Red Cliffs):
# "In 334 BC he crossed into Asia Minor" was never an event, for its "he". When the sentence
# before has the lesson's main person as its subject, the "he" is that person.
VENN = [
    "Aldo Venn was a reformer who changed the schools of Tarsk.",
    "Aldo Venn became the governor of the northern province in 1821.",
    "In 1824 he founded a school for orphans in Tarsk.",
    "In 1827 he opened a library for workers in the harbour.",
    "Clara Holt, a teacher from the south, joined the school in 1828.",
    "The council of Tarsk closed the library in 1833.",
    "Aldo Venn wrote a famous book about the schools of Tarsk.",
]


def test_a_he_after_the_main_persons_sentence_is_that_person():
    ordering = _ordering("Aldo Venn Reforms the Schools of Tarsk", VENN)
    assert ordering is not None
    assert "Aldo Venn founded a school for orphans in Tarsk" in ordering.answer
    # The second "he" follows a sentence whose subject was the first one's "he".
    assert "Aldo Venn opened a library for workers in the harbour" in ordering.answer


def test_a_he_after_another_persons_sentence_is_left_out():
    sentences = [*VENN[:5], "In 1830 he founded a second school in the south.", *VENN[5:]]
    ordering = _ordering("Aldo Venn Reforms the Schools of Tarsk", sentences)
    assert ordering is not None
    assert not any("second school" in event for event in ordering.answer)


@pytest.mark.parametrize(
    "sentence",
    [
        # F1 (Zama): "Scipio had expected this: he drew up ..." - the "he" is Scipio.
        "Clara Holt had expected this: he drew up his plans in secret.",
        "Holt had expected this: he drew up his plans in secret.",
    ],
)
def test_a_he_after_another_name_in_its_own_sentence_is_nobody_yet(parse, sentence):
    parsed = parse([*VENN[:2], sentence, *VENN[3:]])
    referents = pronoun_referents(parsed.sentences, parsed.entities)
    assert parsed.sentences[2].index not in referents


# F1-F8 (Gutenberg, Hammurabi, Cajamarca): "produced the Bible around 1455", "Around 1754 BC,
# King Hammurabi had ..." were never events; the year a lesson gives as approximate
# orders events as well as another, and the review note keeps its "around".
PRINTER = [
    "Aldo Venn was a printer who changed the books of Tarsk.",
    "Aldo Venn opened a press in Tarsk around 1410.",
    "In about 1430 the guild of Tarsk banned the new presses.",
    "Around 1440, the city council of Tarsk built a paper mill.",
    "The bishop of Tarsk burned the printed books in 1460.",
]


def test_an_approximate_year_dates_an_event():
    ordering = _ordering("Aldo Venn Prints the Books of Tarsk", PRINTER)
    assert ordering is not None
    assert ordering.answer == [
        "Aldo Venn opened a press in Tarsk",
        "The guild of Tarsk banned the new presses",
        "The city council of Tarsk built a paper mill",
        "The bishop of Tarsk burned the printed books",
    ]
    assert "around 1410: Aldo Venn opened" in ordering.note
    assert "about 1430: The guild" in ordering.note


def test_an_approximate_year_is_not_ordered_against_a_year_close_to_it(parse):
    (sentence,) = parse(["The guild of Tarsk banned the new presses in 1520."]).sentences
    events = [
        DatedEvent(1520, "1520", "The guild banned the presses", sentence),
        DatedEvent(1527, "around 1527", "The old king died of a fever", sentence),
        DatedEvent(1529, "1529", "The new king crossed the river", sentence),
        DatedEvent(1540, "1540", "The bishop burned the books", sentence),
        DatedEvent(1550, "1550", "The council built a paper mill", sentence),
    ]
    chosen = ordering(events).answer
    assert len(chosen) == 4
    assert not {"The old king died of a fever", "The new king crossed the river"} <= set(chosen)


def _pairs(parse, sentences: list[str]) -> list[tuple[str, str]]:
    lesson = parse(sentences)
    return [(p.term, p.description) for p in people_pairs(lesson.sentences, lesson.entities, [])]


# F1-F8 (Peterloo, Ashoka, Vienna): "The poet Percy Bysshe Shelley wrote The Masque of Anarchy"
# gave no pair: the deed was taken only when the name stood alone as the subject. A role
# before the name ("The poet", "the admiral") is no part of what the person did.
@pytest.mark.parametrize(
    "sentence, term, deed",
    [
        (
            "The poet Aldo Venn wrote a long poem about the killings at the harbour.",
            "Aldo Venn",
            "Wrote a long poem about the killings at the harbour",
        ),
        (
            "The admiral Piet Holm crossed the river with ten thousand men.",
            "Piet Holm",
            "Crossed the river with ten thousand men",
        ),
    ],
)
def test_a_deed_is_taken_after_a_role_before_the_name(parse, sentence, term, deed):
    assert (term, deed) in _pairs(parse, [sentence])


def test_a_deed_is_not_taken_after_a_possessive_before_the_name(parse):
    # "His brother Piet Holm crossed ...": whose brother? The subject is more than a role.
    pairs = _pairs(
        parse, ["Aldo Venn's brother Piet Holm crossed the river with ten thousand men."]
    )
    assert "Piet Holm" not in [term for term, _ in pairs]


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        # F7 (Red Cliffs), in-repo Charlemagne, An Lushan, Milan: a year of three digits
        # with no "AD" dated no event, so these lessons had no ordering.
        (
            "In 774 Aldo Venn conquered the Lombard kingdom of northern Italy.",
            "774",
            (774, "Aldo Venn conquered the Lombard kingdom of northern Italy"),
        ),
        (
            "The rebels of Tarsk took the city of Luoyang in 756.",
            "756",
            (756, "The rebels of Tarsk took the city of Luoyang"),
        ),
        (
            "In the winter of 208, Aldo Venn led a huge army south to the great river.",
            "208",
            (208, "Aldo Venn led a huge army south to the great river"),
        ),
        (
            "On 28 October 312 Aldo Venn defeated his rival at the bridge over the river.",
            "28 October 312",
            (312, "Aldo Venn defeated his rival at the bridge over the river"),
        ),
    ],
)
def test_a_three_digit_year_after_in_dates_an_event(event, sentence, date, expected):
    assert event(sentence, date) == expected


def test_a_three_digit_number_before_a_noun_dates_nothing(event):
    assert event("In 500 ships the army of Tarsk crossed the sea to Luoyang.", "500") is None


def test_an_event_with_a_second_three_digit_year_is_left_out(event):
    # Which year dates "ruled the kingdom until 790"? Not clearly 774.
    assert event("In 774 Aldo Venn ruled the Lombard kingdom until 790.", "774") is None


@pytest.mark.parametrize(
    "sentence, term, role",
    [
        # F3 (Brazil: 3 pairs, no matching): "Baron Cotegipe, one of the few senators to vote
        # against the law, ..." - an apposition that opens on "one of the".
        (
            "Piet Holm, one of the few senators to vote against abolition, left the city.",
            "Piet Holm",
            "One of the few senators to vote against abolition",
        ),
        # F5 (Luther: 3 pairs): "Albert, Archbishop of Mainz, who had borrowed ..." - a title
        # of a place, written without "the".
        (
            "The sale was run by Aldo Venn, Archbishop of Tarsk, who had borrowed from bankers.",
            "Aldo Venn",
            "Archbishop of Tarsk",
        ),
    ],
)
def test_a_role_in_an_apposition_without_an_article(parse, sentence, term, role):
    assert (term, role) in _pairs(parse, [sentence])


def test_a_role_that_is_someones_relative_is_not_taken_over_a_plain_role(parse):
    # F3 (Ashoka): "Ashoka, one of Bindusara's sons, ..." replaced "A Mauryan emperor".
    sentences = [
        "Piet Holm, one of Bindusara's sons, took the throne after a struggle.",
        "The Persian emperor Piet Holm conquered the kingdom on the coast.",
    ]
    assert ("Piet Holm", "A Persian emperor") in _pairs(parse, sentences)


def test_a_matching_keeps_titles_of_places_as_descriptions(parse):
    # Heldout (Hastings): "William, Duke of Normandy" and "Harold, Earl of Wessex" were paired
    # but left out of the matching as too short to be a deed.
    lesson = parse(
        [
            "Aldo Venn, Duke of Tarsk, crossed the sea with a large army.",
            "Piet Holm, Earl of Wessex, was crowned in the abbey.",
            "Clara Holt, one of the few senators to vote against abolition, left the city.",
            "The sculptor Marek Lind carved a statue of the king for the harbour.",
        ]
    )
    question = matching(people_pairs(lesson.sentences, lesson.entities, []))
    assert question is not None
    assert ["Aldo Venn", "Duke of Tarsk"] in question.answer

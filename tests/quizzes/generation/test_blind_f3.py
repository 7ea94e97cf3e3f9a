"""The faults two blind judges found in the ready items of the third fresh set (F3).

The lessons are released now, so the generator is tuned on them; each case stands for a
general fault shape, named in the comment, not for the one lesson it was seen in.
"""

import re
from pathlib import Path

import pytest

from quizzes.generation.checks import differs_by_one_span
from quizzes.generation.context import leaning_words, month_without_year
from quizzes.generation.nlp import parse_all
from quizzes.generation.pipeline import LessonText, generate_bank

RELEASED_F3 = Path(__file__).parents[1] / "data" / "released-f3"


@pytest.fixture(scope="module")
def f3_banks(lesson_file):
    return {path.stem: generate_bank(lesson_file(path)) for path in RELEASED_F3.glob("*.txt")}


def _ready(bank, kind=None):
    return [q for q in bank.questions if q.ready and (kind is None or q.kind == kind)]


def _ready_texts(bank):
    for q in _ready(bank):
        answers = q.answer if isinstance(q.answer, list) else [q.answer]
        yield " | ".join([q.prompt, *map(str, q.choices), *map(str, answers)])


@pytest.mark.parametrize(
    "lesson, shown",
    [
        # A month with no year, where the title names a day or more than one year.
        ("declaration-of-independence-1776", "In January Thomas Paine"),
        # "the two <things>" with neither named in the sentence.
        ("battle-of-plassey-1757", "The two companies"),
        # A year the tagger read as a plain number, scaled to another century.
        ("coronation-of-charlemagne-800", "in 1920"),
        # "X recognised him": a verb's object is never its own subject.
        ("coronation-of-charlemagne-800", "recognise him"),
        # A swap of the date the title prints: the title says it is false.
        ("d-day-normandy-landings-1944", "6 September 1944"),
        ("battle-of-plassey-1757", "23 March 1757"),
        # A year moved past the title's end for an event the lesson puts before it.
        ("abolition-of-slavery-in-brazil-1888", "Law of 1893"),
        # A year moved past another year of the same sentence ("late 1953 ... 1944").
        ("d-day-normandy-landings-1944", "late 1953"),
        # "When X followed," with what was followed cut off.
        ("battle-of-ain-jalut-1260", "horsemen followed,"),
        # "it"/"its" with no thing named before it (people, places after "in", dates).
        ("declaration-of-independence-1776", "quoted its words"),
        ("declaration-of-independence-1776", "after it was read"),
        ("declaration-of-independence-1776", "after it was adopted"),
        ("d-day-normandy-landings-1944", "to command it"),
    ],
)
def test_blind_read_f3_faults_are_no_longer_ready(f3_banks, lesson, shown):
    assert not [text for text in _ready_texts(f3_banks[lesson]) if shown in text]


def test_no_option_repeats_a_name_written_beside_the_blank(f3_banks):
    # F3 judges: "blamed _____ and Braun" offered "Otto Braun".
    found = []
    for bank in f3_banks.values():
        for q in _ready(bank, "multiple_choice"):
            shown = set(re.findall(r"[A-Z][a-z]{3,}", q.prompt.replace("_____", " ")))
            found += [c for c in q.choices if c != q.answer and set(c.split()) & shown]
    assert found == []


def test_no_person_option_from_another_age(f3_banks):
    # F3 judges: a 19th-century scholar offered as an ancient king's father.
    found = [
        q.prompt
        for q in _ready(f3_banks["ashoka-and-the-kalinga-war"], "multiple_choice")
        if "James Prinsep" in q.choices and q.answer != "James Prinsep"
    ]
    assert found == []


def test_every_ready_statement_ends_as_a_sentence(f3_banks):
    # F3 judges: a key point copied as a statement without its full stop.
    statements = []
    for bank in f3_banks.values():
        for q in _ready(bank):
            if q.kind == "true_false":
                statements.append(q.prompt)
            elif q.rule.startswith("mc.true"):
                statements += map(str, q.choices)
    ends = (".", "!", "?", '"', "\u201d", "'", "\u2019")
    assert [s for s in statements if not s.rstrip().endswith(ends)] == []


@pytest.mark.parametrize(
    "sentence, title, leans",
    [
        ("In January a printer published a pamphlet.", "The Charter of Tarsk, July 4, 1801", True),
        ("In January a printer published a pamphlet.", "The Tarsk Rising, 1801-1803", True),
        ("In January a printer published a pamphlet.", "The Tarsk Rising, 1801", False),
        ("In January 1801 a printer published a pamphlet.", "The Charter, July 4, 1801", False),
        ("On 2 April troops landed near the port.", "The Charter, July 4, 1801", True),
        ("The printer published a pamphlet.", "The Charter, July 4, 1801", False),
    ],
)
def test_a_month_without_a_year_leans_unless_the_title_names_one_year(sentence, title, leans):
    # F3 judges: "In January Thomas Paine published ..." under a title dated July 4, 1776.
    (doc,) = parse_all([sentence])
    assert month_without_year(doc, title) is leans


def test_summary_sentences_make_which_is_true_items_without_their_own_false_form():
    # Key share (F3: 36 of 100 key): the summary's sentences are key; each may be the
    # right option of a "Which is true?" item, never beside its own one-swap false form.
    sentences = [
        "The Treaty of Rivermouth was signed in 1842 after a short war with the river towns.",
        "The first railway in the colony opened in 1853 between the port and the capital.",
        "The new governor arrived in the colony in 1845 with two hundred soldiers.",
        "A great fire destroyed much of the capital in 1861 and left thousands homeless.",
        "The first newspaper of the colony appeared in 1849 in the port of Kessel.",
        "A university was founded in the capital in 1867 by the colonial assembly.",
        "The colonial assembly met for the first time in 1856 in the port of Kessel.",
        "A second railway line reached the northern hills in 1871 after ten years of work.",
        "The colony's first bank opened its doors in 1859 in the port of Kessel.",
        "A long drought ruined the farms of the southern plains in 1877.",
        "The telegraph linked the capital to the port in 1863.",
        "The colonial assembly passed a law on schools in 1875.",
    ]
    text = LessonText(
        "The Colony of Kessel", [], list(enumerate(sentences, start=1)), frozenset({1, 2})
    )
    bank = generate_bank(text)

    summary = [q for q in bank.questions if q.rule == "mc.true.summary"]
    assert {q.answer for q in summary} <= set(sentences[:2]) and summary
    for item in summary:
        assert not [d for d in item.distractors if differs_by_one_span(item.answer, d)]


def test_itself_after_a_named_day_does_not_lean():
    # Found on F3 after the "it" rule: judged usable, sent to review ("on D-Day itself").
    (doc,) = parse_all(["About 4,400 soldiers were killed on D-Day itself."])
    assert leaning_words(doc) == []

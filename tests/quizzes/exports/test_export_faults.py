"""The four export faults the real programs showed, each checked through a parser this
project did not write: gift-pegjs (npm) for GIFT, lxml for Moodle XML, Anki's own Python
package for .apkg. Texts hold "<", ">" and "&" on purpose."""

import html
import json
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from lxml import etree

from quizzes.exports import bank_export
from quizzes.imports.gift import parse_gift
from quizzes.models import QuestionKind
from tests.quizzes.factories import FlashcardFactory, QuestionFactory

GIFT_PARSER = settings.BASE_DIR / ".cache/gift/node_modules/gift-pegjs"
needs_gift_pegjs = pytest.mark.skipif(
    not GIFT_PARSER.exists() or shutil.which("node") is None,
    reason="gift-pegjs is installed by `make test` (npm) into .cache/gift",
)
PROMPT = "The companies were known as the <Baby Bells> & sold R&D."
RIGHT = "R&D <ok>"


@pytest.fixture
def hostile(lesson):
    return {
        "mc": QuestionFactory(
            lesson=lesson, prompt=PROMPT, choices=[RIGHT, "A", "B", "C"], answer=RIGHT
        ),
        "fill": QuestionFactory(
            lesson=lesson,
            kind=QuestionKind.FILL_BLANK,
            prompt="The fee was _____ at the gate.",
            choices=[],
            answer="$5 & <10>",
            accepted=["5 & 10"],
        ),
        "match": QuestionFactory(
            lesson=lesson,
            kind=QuestionKind.MATCHING,
            prompt="Match each <name>.",
            choices=["A & <B>", "C"],
            answer=[["Left <1>", "A & <B>"], ["Left 2", "C"]],
        ),
        "order": QuestionFactory(
            lesson=lesson,
            kind=QuestionKind.ORDERING,
            prompt="Put these in order.",
            choices=["Third <c>", "First & a", "Second", "Fourth"],
            answer=["First & a", "Second", "Third <c>", "Fourth"],
        ),
    }


def _gift_pegjs(text: str) -> list[dict]:
    script = (
        f"const {{parse}} = require({json.dumps(str(GIFT_PARSER))});"
        "let s=''; process.stdin.on('data', d => s += d);"
        "process.stdin.on('end', () => console.log(JSON.stringify(parse(s))));"
    )
    done = subprocess.run(
        ["node", "-e", script], input=text, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _by_title(parsed: list[dict]) -> dict[str, dict]:
    return {q["title"]: q for q in parsed if q.get("title")}


@needs_gift_pegjs
def test_gift_marks_its_text_as_html_and_escapes_it(lesson, hostile):
    parsed = _by_title(_gift_pegjs(bank_export(lessons=[lesson], format_name="gift")))

    mc = next(q for q in parsed.values() if q["type"] == "MC")
    assert mc["stem"]["format"] == "html"
    assert html.unescape(mc["stem"]["text"]) == PROMPT
    right = next(c for c in mc["choices"] if c["isCorrect"])
    assert html.unescape(right["text"]["text"]) == RIGHT


@needs_gift_pegjs
def test_gift_keeps_typed_answers_as_the_student_types_them(lesson, hostile):
    parsed = _gift_pegjs(bank_export(lessons=[lesson], format_name="gift"))

    short = next(q for q in parsed if q["type"] == "Short")
    assert [c["text"]["text"] for c in short["choices"]] == ["$5 & <10>", "5 & 10"]


def test_gift_round_trip_through_our_importer_keeps_the_text(lesson, hostile):
    parsed = parse_gift(bank_export(lessons=[lesson], format_name="gift"))

    by_kind = {q.kind: q for q in parsed.questions}
    assert not parsed.problems
    assert by_kind[QuestionKind.MULTIPLE_CHOICE].prompt == PROMPT
    assert by_kind[QuestionKind.MULTIPLE_CHOICE].answer == RIGHT
    assert by_kind[QuestionKind.MATCHING].answer == [["Left <1>", "A & <B>"], ["Left 2", "C"]]
    assert by_kind[QuestionKind.ORDERING].answer == hostile["order"].answer


# qtype_ordering's import_from_gift: {>N [selecttype] [layout] [grading] [show] [numbering]
# then one item per line, in the right order.
MOODLE_ORDERING = re.compile(
    r"\{>\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*(HORIZONTAL|VERTICAL)?\s*"
    r"(ABSOLUTE_POSITION|RELATIVE_TO_CORRECT|ALL_OR_NOTHING)?\s*(SHOW|HIDE)?\s*"
    r"(none|123|abc)?\s*\n(?P<items>.*?)\s*\}",
    re.S,
)


def test_gift_writes_ordering_in_moodles_ordering_syntax(lesson, hostile):
    text = bank_export(lessons=[lesson], format_name="gift")

    found = MOODLE_ORDERING.search(text)
    assert found, text
    items = [html.unescape(line.strip()) for line in found["items"].splitlines()]
    assert items == hostile["order"].answer
    assert "1st ->" not in text


def _moodle(lesson) -> etree._Element:
    return etree.fromstring(bank_export(lessons=[lesson], format_name="moodle-xml").encode())


def test_moodle_xml_keeps_an_accepted_answer_whole(lesson, hostile):
    raw = bank_export(lessons=[lesson], format_name="moodle-xml")
    quiz = _moodle(lesson)

    short = quiz.find(".//question[@type='shortanswer']")
    answers = [a.findtext("text") for a in short.findall("answer")]
    assert answers == ["$5 & <10>", "5 & 10"]
    # One character-data run per text: Moodle's parser trims each run between entities.
    assert "<![CDATA[$5 & <10>]]>" in raw


def test_moodle_xml_escapes_the_right_side_of_matching(lesson, hostile):
    quiz = _moodle(lesson)

    match = quiz.find(".//question[@type='matching']")
    rights = [s.findtext("answer/text") for s in match.findall("subquestion")]
    assert [html.unescape(r) for r in rights] == ["A & <B>", "C"]
    assert rights[0] == "A &amp; &lt;B&gt;"


def _anki_notes(package: bytes, tmp_path: Path, collection=None):
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    path = tmp_path / f"deck{len(list(tmp_path.iterdir()))}.apkg"
    path.write_bytes(package)
    collection = collection or Collection(str(tmp_path / "collection.anki2"))
    collection.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(path),
            # Anki's default: a note is updated when the file's copy is newer.
            options=ImportAnkiPackageOptions(with_scheduling=False),
        )
    )
    return collection


def test_anki_an_edited_front_updates_the_same_note(lesson, tmp_path):
    card = FlashcardFactory(lesson=lesson, front="Metternich & <Vienna>")
    collection = _anki_notes(bank_export(lessons=[lesson], format_name="apkg"), tmp_path)
    card.front = "Klemens von Metternich"
    card.save()

    with time_machine.travel(timezone.now() + timedelta(minutes=5)):  # a later export
        newer = bank_export(lessons=[lesson], format_name="apkg")
    _anki_notes(newer, tmp_path, collection)

    notes = [collection.get_note(nid) for nid in collection.find_notes("")]
    assert len(notes) == 1
    assert notes[0].fields[0] == "Klemens von Metternich"
    collection.close()


def test_anki_cloze_cards_use_ankis_cloze_note_type(lesson, tmp_path):
    FlashcardFactory(
        lesson=lesson,
        front="The Final Act was signed on 9 June _____.",
        back="The Final Act was signed on 9 June 1815.",
        rule="card.cloze",
    )
    collection = _anki_notes(bank_export(lessons=[lesson], format_name="apkg"), tmp_path)

    (note_id,) = collection.find_notes("")
    note = collection.get_note(note_id)
    assert note.note_type()["type"] == 1  # Anki's cloze kind of note type
    assert note.fields[0] == "The Final Act was signed on 9 June {{c1::1815}}."
    collection.close()

import re

import pytest

from lessons.parsing import LessonParseError, decode_document, parse_lesson
from tests.conftest import GIVEN_LESSON

GIVEN_TEXT = GIVEN_LESSON.read_text(encoding="utf-8")
GIVEN = parse_lesson(GIVEN_TEXT)

SMALL = """Treaty of Tordesillas Divides the New World
In 1494 Spain and Portugal agreed a line through the Atlantic that split new lands between them. Pope Alexander VI had proposed an earlier line.
Spain and Portugal signed the treaty in 1494.
The line ran 370 leagues west of Cape Verde.
What Happened?
Envoys of Ferdinand and Isabella and of John II of Portugal met at Tordesillas in June 1494.
Why Does it Matter?
The treaty explains why Brazil speaks Portuguese today.
"""


def test_given_lesson_title_summary_and_key_points():
    assert GIVEN.title == "Moscow Trials Open During Great Purge"
    assert GIVEN.summary.startswith("The first of the Moscow Trials was convened")
    assert GIVEN.summary.endswith("instigated by Stalin.")
    assert GIVEN.key_points == [
        "Stalin aimed to eliminate political rivals.",
        "Defendants coerced into confessing crimes.",
        "Key figures included Zinoviev and Kamenev.",
        "Marked the height of Stalin's terror regime.",
    ]


def test_given_lesson_sections_keep_one_paragraph_per_line():
    headings = [section.heading for section in GIVEN.sections]
    assert headings == ["What Happened?", "Why Does it Matter?"]
    assert len(GIVEN.sections[0].paragraphs) == 3
    assert GIVEN.sections[0].paragraphs[1].startswith("These trials were emblematic")
    assert len(GIVEN.sections[1].paragraphs) == 1


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda text: "\ufeff" + text, id="utf8-bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="windows-line-endings"),
        pytest.param(lambda text: text.replace("\n", "   \n"), id="trailing-spaces"),
        pytest.param(lambda text: text.replace("\n", "\n\n"), id="blank-lines-between"),
        pytest.param(lambda text: text.rstrip("\n"), id="no-final-newline"),
        pytest.param(
            lambda text: (
                "# "
                + text.replace("What Happened?", "## What Happened?").replace(
                    "Why Does it Matter?", "## Why Does it Matter?"
                )
            ),
            id="markdown-headings",
        ),
        pytest.param(
            lambda text: text.replace("What Happened?", "WHAT HAPPENED?").replace(
                "Why Does it Matter?", "why does it matter"
            ),
            id="heading-letter-case",
        ),
        pytest.param(
            lambda text: text.replace("What Happened?", "**What Happened?**"), id="bold-heading"
        ),
    ],
)
def test_tolerated_variations_parse_like_the_original(variant):
    parsed = parse_lesson(variant(SMALL))

    original = parse_lesson(SMALL)
    assert parsed.title == original.title
    assert parsed.summary == original.summary
    assert parsed.key_points == original.key_points
    assert [s.paragraphs for s in parsed.sections] == [s.paragraphs for s in original.sections]


@pytest.mark.parametrize("marker", ["-", "*", "•", "1."])
def test_key_points_lose_their_bullet_markers(marker):
    text = SMALL.replace("Spain and Portugal signed", f"{marker} Spain and Portugal signed")
    text = text.replace("The line ran", f"{marker} The line ran")

    parsed = parse_lesson(text)

    assert parsed.key_points == [
        "Spain and Portugal signed the treaty in 1494.",
        "The line ran 370 leagues west of Cape Verde.",
    ]


def test_key_points_label_line_is_not_a_key_point():
    text = SMALL.replace("Spain and Portugal signed", "Key points:\nSpain and Portugal signed")

    assert parse_lesson(text).key_points[0] == "Spain and Portugal signed the treaty in 1494."


def test_hard_wrapped_markdown_paragraphs_are_joined():
    text = """# The Treaty of Tordesillas

In 1494 Spain and Portugal agreed a line through the Atlantic
that split new lands between them.

- Signed in 1494.

## What Happened?

Envoys of Ferdinand and Isabella met the envoys of John II
at Tordesillas in June 1494.

A second paragraph follows here.
"""
    parsed = parse_lesson(text)

    assert parsed.summary == (
        "In 1494 Spain and Portugal agreed a line through the Atlantic that split new lands "
        "between them."
    )
    assert parsed.sections[0].paragraphs == [
        "Envoys of Ferdinand and Isabella met the envoys of John II at Tordesillas in June 1494.",
        "A second paragraph follows here.",
    ]


def test_other_question_headings_start_sections():
    text = SMALL.replace("Why Does it Matter?", "Who Was Involved?\nJohn II.\nWhy Does it Matter?")

    headings = [section.heading for section in parse_lesson(text).sections]

    assert headings == ["What Happened?", "Who Was Involved?", "Why Does it Matter?"]


def test_short_lines_ending_in_a_colon_head_sections():
    text = SMALL.replace("What Happened?", "Background:").replace("Why Does it Matter?", "Legacy:")

    parsed = parse_lesson(text)

    assert [section.heading for section in parsed.sections] == ["Background", "Legacy"]
    assert parsed.key_points == [
        "Spain and Portugal signed the treaty in 1494.",
        "The line ran 370 leagues west of Cape Verde.",
    ]


LONG_PARAGRAPH = (
    "Portugal had explored the African coast for decades, and when Columbus returned from "
    "his first voyage in 1493 the two crowns quarrelled over who owned the lands he had "
    "found, so both sent envoys to settle the matter before it came to war at sea."
)


def test_a_short_plain_line_before_a_paragraph_heads_a_section():
    # Seen in a teacher's file: "Background" with no colon or question mark, so its
    # paragraph was read as a key point and the import refused the file.
    text = SMALL.replace("What Happened?", f"Background\n{LONG_PARAGRAPH}\nWhat Happened?")

    parsed = parse_lesson(text)

    assert [s.heading for s in parsed.sections][:2] == ["Background", "What Happened?"]
    assert parsed.sections[0].paragraphs == [LONG_PARAGRAPH]
    assert len(parsed.key_points) == 2


def test_a_plain_heading_before_a_hard_wrapped_paragraph_heads_a_section():
    cut = LONG_PARAGRAPH.index(" ", 70)
    wrapped = LONG_PARAGRAPH[:cut] + "\n" + LONG_PARAGRAPH[cut + 1 :]
    text = SMALL.replace("What Happened?", f"Background\n{wrapped}\nWhat Happened?")

    parsed = parse_lesson(text)

    assert parsed.sections[0].heading == "Background"
    assert parsed.sections[0].paragraphs == [LONG_PARAGRAPH]


def test_a_short_key_point_without_a_full_stop_stays_a_key_point():
    text = SMALL.replace(
        "The line ran 370 leagues", "Envoys met at Tordesillas\nThe line ran 370 leagues"
    )

    parsed = parse_lesson(text)

    assert "Envoys met at Tordesillas" in parsed.key_points
    assert [s.heading for s in parsed.sections] == ["What Happened?", "Why Does it Matter?"]


def test_a_sentence_ending_in_a_colon_is_not_a_heading():
    text = SMALL.replace(
        "Envoys of Ferdinand",
        "The envoys agreed on three things in the end:\nEnvoys of Ferdinand",
    )

    parsed = parse_lesson(text)

    assert [section.heading for section in parsed.sections] == [
        "What Happened?",
        "Why Does it Matter?",
    ]


def test_lesson_without_key_points_is_accepted():
    text = SMALL.replace("Spain and Portugal signed the treaty in 1494.\n", "").replace(
        "The line ran 370 leagues west of Cape Verde.\n", ""
    )

    assert parse_lesson(text).key_points == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("", "the file is empty", id="empty"),
        pytest.param(" \n\n \t\n", "the file is empty", id="only-whitespace"),
        pytest.param(
            SMALL.replace("What Happened?", "Events").replace("Why Does it Matter?", "Legacy"),
            "has no sections; add a line 'What Happened?'",
            id="no-sections",
        ),
        pytest.param(
            SMALL.replace(
                "Why Does it Matter?\nThe treaty explains why Brazil speaks Portuguese today.\n",
                "Why Does it Matter?\n",
            ),
            "the section 'Why Does it Matter?' has no text",
            id="empty-section",
        ),
        pytest.param(
            "W" * 201 + "\n" + SMALL.split("\n", 1)[1],
            "the title is 201 characters long (the limit is 200)",
            id="long-title",
        ),
        pytest.param(
            "What Happened?\nSomething happened here.\n",
            "the first line is a section heading",
            id="heading-first",
        ),
        pytest.param(
            "A Title\nWhat Happened?\nSomething happened here.\n",
            "the lesson has no summary",
            id="no-summary",
        ),
    ],
)
def test_refused_documents_say_why(text, reason):
    with pytest.raises(LessonParseError, match=re.escape(reason)):
        parse_lesson(text)


def test_non_utf8_bytes_are_refused_with_advice():
    latin1 = "Café au lait in Paris\n".encode("latin-1")

    with pytest.raises(LessonParseError, match="not UTF-8 text .* save it as UTF-8"):
        decode_document(latin1)


@pytest.mark.parametrize(
    "data", [b"PK\x03\x04binary docx", b"%PDF-1.7 ...", b"abc\x00def", "\ufeffhi".encode("utf-16")]
)
def test_binary_and_utf16_documents_are_refused(data):
    with pytest.raises(LessonParseError, match="UTF-8"):
        decode_document(data)


def test_bom_is_dropped_when_decoding():
    assert decode_document("\ufeffTitle".encode()) == "Title"


@pytest.mark.parametrize("heading", ["Timeline", "Key Dates", "Chronology"])
def test_a_timeline_heads_a_section_of_one_dated_line_a_paragraph(heading):
    # F7: "Timeline" and its first dated line were read as one paragraph ("Timeline 7
    # December 1970: The Awami League wins ..."), and the heading reached a quiz item.
    text = SMALL + (
        f"{heading}\n"
        "7 June 1494: Spain and Portugal sign the treaty at Tordesillas\n"
        "c. 1500: Pedro Cabral reaches Brazil\n"
        "1529: The Treaty of Zaragoza draws a second line in Asia.\n"
    )

    lesson = parse_lesson(text)

    assert [s.heading for s in lesson.sections][-1] == heading
    assert lesson.sections[-1].paragraphs == [
        "7 June 1494: Spain and Portugal sign the treaty at Tordesillas.",
        "c. 1500: Pedro Cabral reaches Brazil.",
        "1529: The Treaty of Zaragoza draws a second line in Asia.",
    ]
    assert not any(heading in p for s in lesson.sections[:-1] for p in s.paragraphs)


def test_a_plain_timeline_heading_before_short_dated_sentences_is_a_heading():
    # F7's form: every dated line a short sentence of its own, too short for a paragraph.
    text = SMALL + (
        "Timeline\n1494: Spain and Portugal sign the treaty.\n1500: Cabral reaches Brazil.\n"
    )

    lesson = parse_lesson(text)

    assert lesson.sections[-1].heading == "Timeline"
    assert lesson.sections[-1].paragraphs == [
        "1494: Spain and Portugal sign the treaty.",
        "1500: Cabral reaches Brazil.",
    ]


def test_a_plain_heading_over_a_short_last_section_heads_it():
    # F19: "Legacy" over one short sentence was glued to it ("Legacy Cai Lun is still
    # remembered ..."), and a question asked "Where is Legacy Cai Lun remembered?".
    text = SMALL + "Legacy\nThe line is still drawn on maps of the period.\n"

    parsed = parse_lesson(text)

    assert [s.heading for s in parsed.sections][-1] == "Legacy"
    assert parsed.sections[-1].paragraphs == ["The line is still drawn on maps of the period."]
    assert parsed.key_points == [
        "Spain and Portugal signed the treaty in 1494.",
        "The line ran 370 leagues west of Cape Verde.",
    ]

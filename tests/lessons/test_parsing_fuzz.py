"""Hypothesis throws odd documents at the parser: it either reads a whole lesson or refuses
with LessonParseError, never anything else."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.models import Lesson
from lessons.parsing import LessonParseError, decode_document, parse_lesson
from lessons.services import lesson_import_file

LINE_PIECES = st.sampled_from(
    [
        "What Happened?",
        "## Why Does it Matter?",
        "- a key point.",
        "• another point",
        "**Who Was There?**",
        "====",
        "",
        "   ",
        "# A Title",
        "The Battle of Hastings was fought in 1066 by William of Normandy.",
        "<script>alert(1)</script>",
    ]
)
LINES = st.lists(st.one_of(LINE_PIECES, st.text(max_size=80)), max_size=25)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


def assert_whole_lesson(parsed):
    assert parsed.title and len(parsed.title) <= 200
    assert parsed.summary
    assert parsed.sections
    assert all(section.heading and section.paragraphs for section in parsed.sections)


@settings(max_examples=300, deadline=None)
@given(lines=LINES, newline=NEWLINES)
def test_parser_reads_a_whole_lesson_or_refuses_cleanly(lines, newline):
    try:
        parsed = parse_lesson(newline.join(lines))
    except LessonParseError as error:
        assert str(error)
    else:
        assert_whole_lesson(parsed)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_decoder_accepts_utf8_or_explains(data):
    try:
        text = decode_document(data)
    except LessonParseError as error:
        assert "UTF-8" in str(error) or "empty" in str(error)
    else:
        assert isinstance(text, str)


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=LINES)
def test_import_leaves_a_whole_lesson_or_nothing(tmp_path, lines):
    path = tmp_path / "fuzzed.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    Lesson.objects.filter(slug="fuzzed").delete()

    try:
        lesson = lesson_import_file(path=path).lesson
    except LessonParseError:
        assert not Lesson.objects.filter(slug="fuzzed").exists()
    else:
        assert lesson.sections.exists()
        assert all(section.sentences.exists() for section in lesson.sections.all())

"""Read a lesson document into its parts: title, summary, key points and sections.

The import format is a title line, a summary paragraph, short key-point lines, then
sections ("What Happened?", "Why Does it Matter?") with one paragraph per line. Real files
vary, so the parser also takes a UTF-8 BOM, Windows line endings, blank lines, Markdown
headings, bold headings, bullets and hard-wrapped paragraphs. Anything it cannot read
raises LessonParseError with a reason a teacher can act on.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.text import slugify

TITLE_MAX_LENGTH = 200
KEY_POINT_MAX_LENGTH = 500
STANDARD_HEADINGS = ("what happened", "why does it matter")
# Lines that only label the next block ("Key points:") rather than carry content.
BLOCK_LABELS = {"summary", "key points", "key point", "key facts", "main points", "in brief"}
QUESTION_HEADING_MAX_WORDS = 10
# "Causes:" or "The siege and after:" heads a section; a longer line ending in a colon is a
# sentence introducing what follows.
COLON_HEADING_MAX_WORDS = 6
# "Background" with no colon heads a section when a paragraph follows it: key points are
# short lines, a paragraph runs to this many words or more.
PARAGRAPH_MIN_WORDS = 25
SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", "…")

BULLET = re.compile(r"^\s*(?:[-*•+–—·▪◦]|\d{1,2}[.)])\s+")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*(?P<text>.*?)\s*#*\s*$")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>.+?)\1\s*:?\s*$")
RULE_LINE = re.compile(r"^\s*([=\-*_])(\s*\1){2,}\s*$")
# A timeline's line: "7 December 1970: The Awami League wins ...", "c. 1583: Nzinga is born".
DATED_LINE = re.compile(
    r"^(?:c\.\s*|circa\s+|around\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?\d{1,4}"
    r"(?:\s*(?:BC|BCE|AD|CE))?\s*:\s+\S"
)


class LessonParseError(ValueError):
    """The document cannot become a lesson; the message says why and how to fix it."""


@dataclass(frozen=True)
class ParsedSection:
    heading: str
    paragraphs: list[str]


@dataclass(frozen=True)
class ParsedLesson:
    title: str
    summary: str
    key_points: list[str]
    sections: list[ParsedSection]
    warnings: list[str] = field(default_factory=list)

    @property
    def default_slug(self) -> str:
        return slugify(self.title)[:200]


@dataclass
class _Line:
    number: int
    text: str
    kind: str  # "text", "bullet", "heading", "blank"


def decode_document(data: bytes) -> str:
    """Decode a document's bytes as UTF-8 (with or without a BOM), or explain the problem."""
    if not data.strip():
        raise LessonParseError("the file is empty; a lesson needs a title, a summary and sections")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LessonParseError("the file is UTF-16 text; save it as UTF-8 and import it again")
    if b"\x00" in data or data.startswith((b"PK\x03\x04", b"%PDF")):
        raise LessonParseError(
            "the file is not plain text (a Word or PDF file?); save it as UTF-8 text (.txt)"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LessonParseError(
            f"the file is not UTF-8 text (bad byte at position {error.start}); "
            "save it as UTF-8 and import it again"
        ) from None


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def _is_standard_heading(text: str) -> bool:
    normalized = re.sub(r"[\s?:.!]+$", "", text.strip().strip("*_").strip()).lower()
    normalized = re.sub(r"\s+", " ", normalized)
    return normalized in STANDARD_HEADINGS


def _is_question_heading(text: str) -> bool:
    """A short line that is only a question ("Who Was Involved?") heads a section."""
    return (
        text.endswith("?")
        and len(text.split()) <= QUESTION_HEADING_MAX_WORDS
        and not re.search(r"[.!;]\s", text)
    )


def _is_colon_heading(text: str) -> bool:
    """A few capitalised words and a colon ("Aftermath:") head a section."""
    words = text[:-1].split()
    return (
        text.endswith(":")
        and 0 < len(words) <= COLON_HEADING_MAX_WORDS
        and text[:1].isupper()
        and not re.search(r"[.!?;:,]", text[:-1])
    )


def _classify(lines: list[str]) -> list[_Line]:
    classified: list[_Line] = []
    for number, raw in enumerate(lines, start=1):
        if RULE_LINE.match(raw):
            # A Setext underline ("Title\n=====") makes the line above a heading.
            if classified and classified[-1].kind == "text":
                classified[-1].kind = "heading"
            continue
        text = _clean(raw)
        if not text:
            classified.append(_Line(number, "", "blank"))
            continue
        markdown = MARKDOWN_HEADING.match(text) if text.startswith("#") else None
        bold = BOLD_LINE.match(text)
        if markdown:
            heading = _clean(markdown["text"])
            classified.append(_Line(number, heading, "heading" if heading else "blank"))
        elif bold and len(bold["text"].split()) <= QUESTION_HEADING_MAX_WORDS:
            classified.append(_Line(number, _clean(bold["text"]), "heading"))
        elif _is_standard_heading(text):
            classified.append(_Line(number, text.strip("*_ "), "heading"))
        elif _is_colon_heading(text) and not _is_label(text):
            classified.append(_Line(number, text[:-1].strip(), "heading"))
        elif BULLET.match(text):
            classified.append(_Line(number, _clean(BULLET.sub("", text, count=1)), "bullet"))
        else:
            classified.append(_Line(number, text, "text"))
    _mark_plain_headings(classified)
    return classified


def _mark_plain_headings(lines: list[_Line]) -> None:
    """A few capitalised words with no punctuation at all, right before a paragraph, are a
    heading ("Background"); the first line (the title) never is."""
    content = [line for line in lines if line.kind != "blank"]
    in_sections = False  # a heading (of any form) stands before this line
    for index, line in enumerate(content[1:-1], start=1):
        words = line.text.split()
        plain = (
            line.kind == "text"
            and len(words) <= COLON_HEADING_MAX_WORDS
            and line.text[:1].isupper()
            and not re.search(r"[.!?;:,]", line.text)
            and not _is_label(line.text)
        )
        following = content[index + 1 :]
        # "Timeline" over short dated lines heads them too (F7: it was glued to the first).
        heads = _paragraph_words(following) >= PARAGRAPH_MIN_WORDS or _is_dated(following[0])
        # Among the sections, after a paragraph's end, it may head one short sentence
        # ("Legacy" over a one-line section); before them it may be a key point.
        heads = heads or (
            in_sections
            and content[index - 1].text.endswith(SENTENCE_END)
            and following[0].kind == "text"
            and following[0].text[:1].isupper()
            and following[0].text.endswith(SENTENCE_END)
        )
        if plain and heads:
            line.kind = "heading"
        in_sections = in_sections or line.kind == "heading"


def _is_dated(line: _Line) -> bool:
    return line.kind == "text" and bool(DATED_LINE.match(line.text))


def _paragraph_words(following: list[_Line]) -> int:
    """Words of the paragraph the lines start with, hard-wrapped lines joined."""
    count = 0
    for line in following:
        if line.kind != "text":
            break
        count += len(line.text.split())
        if line.text.endswith(SENTENCE_END):
            break
    return count


def _join_wrapped(lines: list[_Line], *, join_when) -> list[_Line]:
    """Join hard-wrapped lines back into paragraphs; a blank line always ends one."""
    joined: list[_Line] = []
    previous_open = False
    for line in lines:
        if line.kind == "blank":
            previous_open = False
            continue
        # A timeline's dated lines are one event each, never wrapped into one another.
        dated = _is_dated(line) or (
            bool(joined) and _is_dated(joined[-1]) and not line.text[:1].islower()
        )
        if (
            previous_open
            and line.kind == "text"
            and not dated
            and join_when(joined[-1].text, line.text)
        ):
            joined[-1].text = f"{joined[-1].text} {line.text}"
        else:
            joined.append(_Line(line.number, line.text, line.kind))
        previous_open = line.kind in {"text", "bullet"}
    return joined


def _ended(block: _Line) -> str:
    """A dated line with no full stop gets one, so that it reads as a sentence of its own."""
    if _is_dated(block) and not block.text.endswith(SENTENCE_END):
        return block.text + "."
    return block.text


def _wrapped_mid_sentence(previous: str, following: str) -> bool:
    return not previous.endswith(SENTENCE_END) and following[:1].islower()


def _wrapped_paragraph(previous: str, following: str) -> bool:
    return not previous.endswith(SENTENCE_END)


def _is_label(text: str) -> bool:
    return text.rstrip(":").strip().lower() in BLOCK_LABELS


def parse_lesson(text: str) -> ParsedLesson:
    """Parse a lesson document's text; raise LessonParseError when it is not a lesson."""
    if not text.strip():
        raise LessonParseError("the file is empty; a lesson needs a title, a summary and sections")
    lines = _classify(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    content = [line for line in lines if line.kind != "blank"]
    if not content:
        raise LessonParseError("the file is empty; a lesson needs a title, a summary and sections")

    title_line = content[0]
    title = title_line.text
    if _is_standard_heading(title):
        raise LessonParseError(
            f"line {title_line.number}: the first line is a section heading; "
            "put the lesson's title on the first line"
        )
    if len(title) > TITLE_MAX_LENGTH:
        raise LessonParseError(
            f"line {title_line.number}: the title is {len(title)} characters long "
            f"(the limit is {TITLE_MAX_LENGTH}); put a short title on the first line "
            "and the summary on the next"
        )

    body = lines[lines.index(title_line) + 1 :]
    first_section = next(
        (
            i
            for i, line in enumerate(body)
            if line.kind == "heading"
            and not _is_label(line.text)
            or line.kind == "text"
            and _is_question_heading(line.text)
        ),
        None,
    )
    if first_section is None:
        raise LessonParseError(
            "the document has no sections; add a line 'What Happened?' (and "
            "'Why Does it Matter?') before the paragraphs of the lesson"
        )

    summary, key_points = _parse_front_matter(body[:first_section])
    sections = _parse_sections(body[first_section:])
    return ParsedLesson(title=title, summary=summary, key_points=key_points, sections=sections)


def _parse_front_matter(lines: list[_Line]) -> tuple[str, list[str]]:
    lines = [line for line in lines if not _is_label(line.text) or line.kind == "blank"]
    lines = [line for line in lines if line.kind != "heading"]
    blocks = _join_wrapped(lines, join_when=_wrapped_mid_sentence)
    summary_parts: list[str] = []
    key_points: list[str] = []
    for block in blocks:
        # The summary is the first plain paragraph; a long paragraph right after it
        # continues it. Everything else before the first section is a key point.
        continues_summary = (
            block.kind == "text"
            and not key_points
            and (not summary_parts or len(block.text.split()) >= 20)
        )
        if continues_summary:
            summary_parts.append(block.text)
        else:
            if len(block.text) > KEY_POINT_MAX_LENGTH:
                raise LessonParseError(
                    f"line {block.number}: a key point is {len(block.text)} characters long "
                    f"(the limit is {KEY_POINT_MAX_LENGTH}); key points are short lines"
                )
            key_points.append(block.text)
    if not summary_parts:
        raise LessonParseError(
            "the lesson has no summary; put a paragraph summarising the lesson on the "
            "line after the title"
        )
    return " ".join(summary_parts), key_points


def _parse_sections(lines: list[_Line]) -> list[ParsedSection]:
    sections: list[tuple[_Line, list[_Line]]] = []
    for line in lines:
        starts_section = line.kind == "heading" or (
            line.kind == "text" and _is_question_heading(line.text)
        )
        if starts_section:
            sections.append((line, []))
        else:
            sections[-1][1].append(line)
    parsed: list[ParsedSection] = []
    for heading, section_lines in sections:
        paragraphs = [
            _ended(block) for block in _join_wrapped(section_lines, join_when=_wrapped_paragraph)
        ]
        if not paragraphs:
            raise LessonParseError(
                f"line {heading.number}: the section '{heading.text}' has no text; "
                "write its paragraphs under the heading or remove the heading"
            )
        if len(heading.text) > TITLE_MAX_LENGTH:
            raise LessonParseError(
                f"line {heading.number}: a section heading is longer than "
                f"{TITLE_MAX_LENGTH} characters"
            )
        parsed.append(ParsedSection(heading=heading.text, paragraphs=paragraphs))
    return parsed

"""Lesson writes: saving a parsed document and importing lesson files."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from lessons.models import KeyPoint, Lesson, Section, Sentence
from lessons.parsing import LessonParseError, ParsedLesson, decode_document, parse_lesson
from lessons.places import period_for_year, region_in_text, year_in_text
from lessons.sentences import split_sentences

logger = logging.getLogger(__name__)

LESSON_FILE_SUFFIXES = (".txt", ".md")
# Positions are unique per lesson, so renumbering passes through a range no lesson uses.
_RENUMBER_OFFSET = 1_000_000


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    slug: str
    parsed: ParsedLesson
    created: bool
    lesson: Lesson | None  # None on a dry run
    generation_error: str = ""  # why the question bank could not be generated, if it failed


def lesson_slug_for_path(path: Path) -> str:
    """A document's lesson slug comes from its file name, so retitling keeps the lesson."""
    slug = slugify(path.stem)[:200]
    if not slug:
        raise LessonParseError("the file name has no letters or digits to name the lesson by")
    return slug


def lesson_save_parsed(
    *, parsed: ParsedLesson, slug: str, source_name: str = "", owner=None
) -> tuple[Lesson, bool]:
    """Create or update the lesson with this slug, then generate its question bank.

    The lesson is saved first, in its own transaction: a failure while generating is
    logged and kept on `lesson.generation_error`, and never loses the lesson.
    """
    lesson, created = lesson_store_parsed(
        parsed=parsed, slug=slug, source_name=source_name, owner=owner
    )
    lesson.generation_error = lesson_generate_bank(lesson=lesson)
    return lesson, created


def lesson_generate_bank(*, lesson: Lesson) -> str:
    """Generate the lesson's question bank; return "" or the reason it failed."""
    from quizzes.services.bank import bank_generate  # quizzes depends on lessons

    try:
        bank_generate(lesson=lesson)
    except Exception as error:  # noqa: BLE001 - any failure must not lose the lesson
        logger.exception("Question generation failed for lesson %s", lesson.slug)
        return f"question generation failed: {error}"
    return ""


def lesson_place_from_text(*, lesson: Lesson, parsed: ParsedLesson) -> None:
    """Set the lesson's year, period and region from its text: the summary says when
    first; the places of the whole text say where."""
    body = " ".join(paragraph for section in parsed.sections for paragraph in section.paragraphs)
    lesson.event_year = year_in_text(parsed.summary) or year_in_text(body)
    lesson.period = period_for_year(lesson.event_year)
    lesson.region = region_in_text(f"{parsed.title} {parsed.summary} {body}")


def lesson_set_place(*, lesson: Lesson, event_year: int | None, period: str, region: str) -> Lesson:
    """A teacher's own year, period and region; imports of the document keep them. An
    empty period follows from the year."""
    lesson.event_year = event_year
    lesson.period = period or period_for_year(event_year)
    lesson.region = region
    lesson.placed_by_hand = True
    lesson.save(update_fields=["event_year", "period", "region", "placed_by_hand", "updated_at"])
    return lesson


@transaction.atomic
def lesson_store_parsed(
    *, parsed: ParsedLesson, slug: str, source_name: str = "", owner=None, new: bool = False
) -> tuple[Lesson, bool]:
    """Create or update the lesson with this slug and renumber its sentences; no bank.
    With `new`, IntegrityError if the slug was taken meanwhile (never someone's update)."""
    lesson = Lesson.objects.select_for_update().filter(slug=slug).first()
    if new and lesson is not None:
        raise IntegrityError(f"the lesson slug {slug!r} was just taken")
    created = lesson is None
    if created:
        lesson = Lesson(slug=slug, owner=owner)
    lesson.title = parsed.title
    lesson.summary = parsed.summary
    lesson.source_name = source_name or lesson.source_name
    if not lesson.placed_by_hand:
        lesson_place_from_text(lesson=lesson, parsed=parsed)
    lesson.save()

    _sync_key_points(lesson=lesson, texts=parsed.key_points)
    existing_sections = {section.position: section for section in lesson.sections.all()}
    for number, parsed_section in enumerate(parsed.sections, start=1):
        section = existing_sections.pop(number, None) or Section(lesson=lesson, position=number)
        section.heading = parsed_section.heading
        section.body = "\n".join(parsed_section.paragraphs)
        section.save()
    Section.objects.filter(pk__in=[s.pk for s in existing_sections.values()]).delete()
    lesson_sync_sentences(lesson=lesson)
    return lesson, created


@transaction.atomic
def lesson_sync_sentences(*, lesson: Lesson) -> list[Sentence]:
    """Renumber the lesson's sentences from its summary and sections.

    A sentence whose text is unchanged keeps its row, so questions that point at it
    keep their source after an edit or a re-import.
    """
    wanted: list[tuple[Section | None, int, str]] = [
        (None, 1, text) for text in split_sentences(lesson.summary)
    ]
    for section in lesson.sections.order_by("position"):
        for paragraph_number, paragraph in enumerate(section.paragraphs, start=1):
            wanted += [(section, paragraph_number, text) for text in split_sentences(paragraph)]

    sentences = _reuse_rows_by_text(
        lesson.sentences.order_by("position"),
        [text for _, _, text in wanted],
        make=lambda text: Sentence(lesson=lesson, text=text),
    )
    for sentence, (section, paragraph, _) in zip(sentences, wanted, strict=True):
        sentence.section, sentence.paragraph = section, paragraph
    _save_numbered(Sentence, sentences, fields=["section", "paragraph", "position"])
    return sentences


def _sync_key_points(*, lesson: Lesson, texts: list[str]) -> None:
    key_points = _reuse_rows_by_text(
        lesson.key_points.order_by("position"),
        texts,
        make=lambda text: KeyPoint(lesson=lesson, text=text),
    )
    _save_numbered(KeyPoint, key_points, fields=["position"])


def _reuse_rows_by_text(existing, texts: list[str], *, make) -> list:
    """Rows for the texts in order, reusing an existing row with the same text.

    Rows no text claims are deleted. Reuse keeps the primary key, so whatever points at
    an unchanged sentence or key point still does after an edit or a re-import.
    """
    unused: dict[str, list] = {}
    for row in existing:
        unused.setdefault(row.text, []).append(row)
    rows = []
    for position, text in enumerate(texts, start=1):
        matches = unused.get(text)
        row = matches.pop(0) if matches else make(text)
        row.position = position
        rows.append(row)
    stale = [row.pk for leftovers in unused.values() for row in leftovers]
    existing.model.objects.filter(pk__in=stale).delete()
    return rows


def _save_numbered(model, rows: list, *, fields: list[str]) -> None:
    kept = [row for row in rows if row.pk]
    for row in kept:
        row.position += _RENUMBER_OFFSET
    model.objects.bulk_update(kept, ["position"])
    for row in kept:
        row.position -= _RENUMBER_OFFSET
    model.objects.bulk_update(kept, fields)
    model.objects.bulk_create([row for row in rows if not row.pk])


def lesson_parse_file(path: Path) -> ParsedLesson:
    """Read and parse one lesson document; LessonParseError says what is wrong with it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LessonParseError(f"cannot read the file ({error.strerror})") from None
    return parse_lesson(decode_document(data))


def lesson_import_file(*, path: Path, dry_run: bool = False) -> ImportOutcome:
    """Import one document in its own transaction; a failure leaves nothing behind."""
    parsed = lesson_parse_file(path)
    slug = lesson_slug_for_path(path)
    if dry_run:
        exists = Lesson.objects.filter(slug=slug).exists()
        return ImportOutcome(path, slug, parsed, created=not exists, lesson=None)
    lesson, created = lesson_save_parsed(parsed=parsed, slug=slug, source_name=path.name)
    return ImportOutcome(
        path,
        slug,
        parsed,
        created=created,
        lesson=lesson,
        generation_error=lesson.generation_error,
    )


def lesson_files_in(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the lesson documents they hold, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                child
                for child in path.rglob("*")
                if child.is_file() and child.suffix.lower() in LESSON_FILE_SUFFIXES
            )
        else:
            found.append(path)
    return found

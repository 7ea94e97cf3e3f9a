"""Lessons added and edited from the web: unique slugs, saving, and the text to edit."""

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from lessons.models import Lesson
from lessons.parsing import ParsedLesson
from lessons.services import lesson_store_parsed

# Paths under /lessons/ that a lesson slug must not take.
RESERVED_SLUGS = {"new"}
SLUG_MAX_LENGTH = 200
SLUG_ATTEMPTS = 5


def unique_lesson_slug(title: str) -> str:
    """A slug from the title that no lesson has yet: "the-treaty", "the-treaty-2", ..."""
    base = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "lesson"
    taken = set(Lesson.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = f"{base[: SLUG_MAX_LENGTH - len(suffix)]}{suffix}"
    return slug


def lesson_create_uploaded(*, parsed: ParsedLesson, owner, source_name: str = "") -> Lesson:
    """Save a new lesson from a document a teacher uploaded or pasted; they own it.
    Its question bank is generated afterwards (lessons/jobs.py)."""
    for attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                slug = unique_lesson_slug(parsed.title)
                lesson, _ = lesson_store_parsed(
                    parsed=parsed, slug=slug, source_name=source_name, owner=owner, new=True
                )
            return lesson
        except IntegrityError:
            # Two workers saving lessons of one title at once both chose the free slug:
            # the one that lost takes the next.
            if attempt == SLUG_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def lesson_update_uploaded(*, lesson: Lesson, parsed: ParsedLesson) -> Lesson:
    """Save an edited document over its lesson, keeping the slug (and so its links)."""
    updated, _ = lesson_store_parsed(parsed=parsed, slug=lesson.slug)
    return updated


def lesson_document_text(lesson: Lesson) -> str:
    """The lesson written back as a document the parser reads into the same lesson."""
    parts = [lesson.title, "", lesson.summary, ""]
    key_points = [point.text for point in lesson.key_points.order_by("position")]
    if key_points:
        parts += [f"- {text}" for text in key_points] + [""]
    for section in lesson.sections.order_by("position"):
        # A Markdown heading marks any heading as one, standard or not.
        parts += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            parts += [paragraph, ""]
    return "\n".join(parts).rstrip() + "\n"

"""'Copy to my lessons': a teacher's own copy of a library lesson and its bank, to change."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lessons.models import KeyPoint, Lesson, Section
from lessons.services import lesson_sync_sentences
from lessons.uploads import unique_lesson_slug
from quizzes.models import Flashcard, Question

# What a copy takes over from each item; the lesson, sources and authorship are its own.
QUESTION_COPIED_FIELDS = (
    "kind",
    "prompt",
    "choices",
    "answer",
    "accepted",
    "explanation",
    "status",
    "rule",
    "fingerprint",
    "source_text",
    "confidence",
    "ready",
    "reason",
)
FLASHCARD_COPIED_FIELDS = ("front", "back", "status", "rule", "fingerprint", "source_text")


def _copy_items(items, fields, *, lesson, sentences, key_points, by):
    copies = []
    for item in items:
        copy = type(item)(
            lesson=lesson,
            created_by=by,
            updated_by=by,
            source_sentence=sentences.get(item.source_sentence_id),
            key_point=key_points.get(item.key_point_id),
            **{name: getattr(item, name) for name in fields},
        )
        copies.append(copy)
    if copies:
        type(copies[0]).objects.bulk_create(copies)
    return copies


@transaction.atomic
def lesson_copy(*, lesson: Lesson, owner) -> Lesson:
    """The teacher's own copy of a library lesson: its text, and of its bank what they may
    see (ready and approved questions, usable cards) with their review states."""
    if not lesson.in_library:
        raise PermissionDenied("Only lessons of the site library can be copied.")
    if not owner.can_edit_content:
        raise PermissionDenied("Only teachers copy lessons.")
    copy = Lesson.objects.create(
        title=lesson.title,
        slug=unique_lesson_slug(lesson.title),
        summary=lesson.summary,
        owner=owner,
        copied_from=lesson,
        source_name=lesson.source_name,
    )
    old_points = list(lesson.key_points.order_by("position"))
    KeyPoint.objects.bulk_create(
        KeyPoint(lesson=copy, position=point.position, text=point.text) for point in old_points
    )
    Section.objects.bulk_create(
        Section(lesson=copy, position=s.position, heading=s.heading, body=s.body)
        for s in lesson.sections.order_by("position")
    )
    lesson_sync_sentences(lesson=copy)
    # The copy's text is the same, so its sentences and key points fall at the same places.
    new_sentences = {s.position: s for s in copy.sentences.all()}
    sentences = {
        old.pk: new_sentences.get(old.position)
        for old in lesson.sentences.all()
        if new_sentences.get(old.position) and new_sentences[old.position].text == old.text
    }
    new_points = {p.position: p for p in copy.key_points.all()}
    key_points = {old.pk: new_points.get(old.position) for old in old_points}
    places = {"lesson": copy, "sentences": sentences, "key_points": key_points, "by": owner}
    _copy_items(
        Question.objects.usable().filter(lesson=lesson).visible_to(owner).order_by("pk"),
        QUESTION_COPIED_FIELDS,
        **places,
    )
    _copy_items(
        Flashcard.objects.usable().filter(lesson=lesson).visible_to(owner).order_by("pk"),
        FLASHCARD_COPIED_FIELDS,
        **places,
    )
    return copy

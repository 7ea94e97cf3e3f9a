"""A lesson added or edited from the web, saved and given its question bank by a worker."""

import logging

from django.db import transaction
from django.urls import reverse

from history_quiz.jobs.models import Job, JobKind
from history_quiz.jobs.services import JobRefused, Progress, job_remember, job_start
from lessons.models import Lesson
from lessons.parsing import LessonParseError, parse_lesson
from lessons.uploads import lesson_create_uploaded, lesson_update_uploaded

logger = logging.getLogger(__name__)


def lesson_job_start(*, owner, text: str, source_name: str = "", lesson: Lesson | None = None):
    """Queue the saving of a checked document: a new lesson, or an edit of `lesson`."""
    title = text.strip().splitlines()[0].strip("#* ")[:200] if text.strip() else "a lesson"
    return job_start(
        kind=JobKind.LESSON_SAVE,
        owner=owner,
        title=f"Saving “{lesson.title}”" if lesson else f"Importing “{title}”",
        payload={
            "text": text,
            "source_name": source_name,
            "lesson_id": lesson.pk if lesson else None,
        },
        back_url=reverse("lessons:lesson_new") if lesson is None else "",
        steps=3,
    )


def lesson_job_run(*, job: Job, progress: Progress) -> dict:
    """Read the document, save the lesson (once, however often this runs), generate its bank."""
    from quizzes.services.bank import bank_generate  # quizzes depends on lessons

    progress(1, 3, "Reading the document")
    try:
        parsed = parse_lesson(job.payload["text"])
    except LessonParseError as error:
        raise JobRefused(f"The lesson cannot be read: {error}.") from None
    progress(2, 3, "Saving the lesson and its sentences")
    with transaction.atomic():
        lesson_id = job.result.get("lesson_id") or job.payload.get("lesson_id")
        if lesson_id is None:
            lesson = lesson_create_uploaded(
                parsed=parsed, owner=job.owner, source_name=job.payload.get("source_name", "")
            )
        else:
            lesson = Lesson.objects.filter(pk=lesson_id).first()
            if lesson is None:
                raise JobRefused("The lesson was deleted meanwhile, so the edit was not saved.")
            lesson = lesson_update_uploaded(lesson=lesson, parsed=parsed)
        # In the lesson's own transaction: a worker lost after this never makes a second one.
        job_remember(job=job, lesson_id=lesson.pk, lesson_slug=lesson.slug, title=lesson.title)
    progress(3, 3, "Generating questions and flashcards")
    try:
        made = bank_generate(lesson=lesson)
    except Exception as error:  # noqa: BLE001 - the lesson is saved; say so and keep it
        logger.exception("Generating the bank of lesson %s failed", lesson.slug)
        raise JobRefused(
            f"“{lesson.title}” is saved, but its questions could not be generated ({error}). "
            "Try again, or use “Regenerate bank” on its bank page."
        ) from None
    return {"questions": made.questions, "flashcards": made.flashcards}

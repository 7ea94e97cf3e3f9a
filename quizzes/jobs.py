"""Bank generation, GIFT imports and roster accounts, started from the web and done by a
worker. Each run checks what an earlier run of the same job made, so nothing is made twice."""

from django.db import transaction
from django.urls import reverse

from history_quiz.jobs.models import Job, JobKind
from history_quiz.jobs.services import JobRefused, Progress, job_remember, job_start
from lessons.models import Lesson
from quizzes.imports.gift import gift_import, gift_question_count
from quizzes.models import Classroom
from quizzes.services.bank import bank_generate
from quizzes.services.roster import (
    RosterInvalid,
    roster_accounts_save,
    roster_parse,
    roster_passwords_make,
)

# How many unreadable questions a GIFT import's report lists before it stops.
PROBLEMS_SHOWN = 10


def _bank_url(lesson: Lesson) -> str:
    return reverse("quizzes:bank_review", kwargs={"slug": lesson.slug})


def _lesson(job: Job) -> Lesson:
    lesson = Lesson.objects.filter(pk=job.payload["lesson_id"]).first()
    if lesson is None:
        raise JobRefused("The lesson was deleted meanwhile.")
    return lesson


def bank_job_start(*, lesson: Lesson, owner) -> Job:
    """Queue generating the lesson's bank again."""
    return job_start(
        kind=JobKind.BANK_GENERATE,
        owner=owner,
        title=f"Generating the question bank of “{lesson.title}”",
        payload={"lesson_id": lesson.pk},
        back_url=_bank_url(lesson),
    )


def bank_job_run(*, job: Job, progress: Progress) -> dict:
    lesson = _lesson(job)
    progress(0, 1, "Generating questions and flashcards")
    made = bank_generate(lesson=lesson)  # matched by fingerprint: running it twice is harmless
    return {"questions": made.questions, "flashcards": made.flashcards, "slug": lesson.slug}


def gift_job_start(*, lesson: Lesson, owner, text: str, file_name: str) -> Job:
    """Queue importing a checked GIFT file into the lesson's bank."""
    return job_start(
        kind=JobKind.GIFT_IMPORT,
        owner=owner,
        title=f"Importing {file_name or 'a GIFT file'} into “{lesson.title}”",
        payload={"lesson_id": lesson.pk, "text": text, "file_name": file_name},
        back_url=_bank_url(lesson),
        steps=2,
    )


def gift_job_run(*, job: Job, progress: Progress) -> dict:
    if "imported" in job.result:
        return {}  # an earlier run committed the import; only its ending was lost
    lesson = _lesson(job)
    text = job.payload["text"]
    progress(1, 2, f"Reading {gift_question_count(text):,} questions")
    with transaction.atomic():
        report = gift_import(lesson=lesson, text=text, by=job.owner)
        progress(2, 2, "Saving")
        job_remember(
            job=job,
            slug=lesson.slug,
            imported=len(report.imported),
            duplicates=len(report.duplicates),
            problem_count=len(report.problems),
            problems=[str(problem) for problem in report.problems[:PROBLEMS_SHOWN]],
        )
    return {}


def roster_job_start(*, classroom: Classroom, teacher, text: str) -> Job:
    """Queue making accounts for a roster whose rows were checked."""
    return job_start(
        kind=JobKind.ROSTER_CREATE,
        owner=teacher,
        title=f"Making student accounts for {classroom.name}",
        payload={"classroom_id": classroom.pk, "text": text},
        back_url=reverse("quizzes:classroom_detail", args=[classroom.pk]),
    )


def roster_job_run(*, job: Job, progress: Progress) -> dict:
    if "accounts" in job.result:
        return {}  # made by an earlier run, in the same transaction that recorded them
    classroom = Classroom.objects.filter(pk=job.payload["classroom_id"]).first()
    if classroom is None:
        raise JobRefused("The class was deleted meanwhile; nobody was added.")
    rows, errors = roster_parse(job.payload["text"])  # again: usernames may be taken since
    if errors:
        listed = "; ".join(
            f"line {error.line}: {error.problem}" if error.line else error.problem
            for error in errors[:PROBLEMS_SHOWN]
        )
        raise JobRefused(f"Nothing was created: {listed}")

    def hashed(done: int, total: int) -> None:
        progress(done, total + 1, f"Making account {done} of {total}")

    prepared = roster_passwords_make(rows=rows, progress=hashed)
    try:
        with transaction.atomic():
            accounts = roster_accounts_save(classroom=classroom, prepared=prepared)
            job_remember(
                job=job,
                classroom_name=classroom.name,
                accounts=[
                    {"name": a.name, "username": a.username, "password": a.password}
                    for a in accounts
                ],
            )
    except RosterInvalid as invalid:
        raise JobRefused(
            "Nothing was created: " + "; ".join(e.problem for e in invalid.errors)
        ) from None
    return {}

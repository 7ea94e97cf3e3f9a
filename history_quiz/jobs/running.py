"""The one background task: run a job by its kind, through the app that owns the work."""

import logging

from django.utils.module_loading import import_string
from django_tasks import TaskContext, task

from history_quiz.jobs.models import JobKind
from history_quiz.jobs.services import (
    UNEXPECTED,
    JobRefused,
    job_claim,
    job_fail,
    job_finish,
    job_progress,
)

logger = logging.getLogger(__name__)

WORKS = {
    JobKind.LESSON_SAVE: "lessons.jobs.lesson_job_run",
    JobKind.BANK_GENERATE: "quizzes.jobs.bank_job_run",
    JobKind.GIFT_IMPORT: "quizzes.jobs.gift_job_run",
    JobKind.ROSTER_CREATE: "quizzes.jobs.roster_job_run",
}


@task(takes_context=True)
def job_run(context: TaskContext, job_id: str) -> str:
    """Do the job's work once; a failure is kept on the job with the reason to show."""
    worker_ids = context.task_result.worker_ids
    job = job_claim(
        job_id=job_id,
        task_id=context.task_result.id,
        worker_id=worker_ids[-1] if worker_ids else "",
    )
    if job is None:
        return "skipped"
    work = import_string(WORKS[job.kind])
    try:
        result = work(job=job, progress=job_progress(job))
    except JobRefused as refusal:
        job_fail(job=job, reason=str(refusal))
        return "refused"
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        job_fail(job=job, reason=UNEXPECTED)
        raise  # the task's own record keeps the traceback for an admin
    job_finish(job=job, result=result or {})
    return "done"


def tasks_run_queued(*, worker_id: str = "in-process") -> int:
    """Run every queued task in this process, as a worker would; returns how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    ran = 0
    while (queued := DBTaskResult.objects.ready().first()) is not None:
        queued.claim(worker_id)
        worker.run_task(queued)
        ran += 1
    return ran

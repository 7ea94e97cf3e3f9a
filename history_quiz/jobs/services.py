"""Starting, advancing and ending jobs. The work itself lives with the app that owns it
(lessons/jobs.py, quizzes/jobs.py); this module only keeps the job row honest."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from history_quiz.jobs.models import FINISHED_STATUSES, Job, JobKind, JobStatus

logger = logging.getLogger(__name__)

# A job whose worker stopped this many times is given up: its input is probably what stops it.
MAX_RUNS = 3
UNEXPECTED = (
    "Something unexpected stopped the work. Nothing you sent is lost: try again, and if it "
    "stops again, tell an admin (the details are in the server log)."
)

Progress = Callable[[int, int, str], None]


class JobRefused(Exception):
    """The work cannot be done as asked; the message tells the teacher why and what to do."""


def job_enqueue(*, job: Job) -> Job:
    """Queue a run of the job for the next free worker."""
    from history_quiz.jobs.running import job_run  # the task module needs settings ready

    with transaction.atomic():
        queued = job_run.enqueue(str(job.pk))
        job.status = JobStatus.QUEUED
        job.task_id = str(queued.id)
        job.stage = "Waiting for a worker"
        job.error = ""
        job.finished_at = None
        job.save(update_fields=["status", "task_id", "stage", "error", "finished_at"])
    return job


@transaction.atomic
def job_start(
    *, kind: JobKind, owner, title: str, payload: dict, back_url: str = "", steps: int = 1
) -> Job:
    """Record the work asked for and queue it; the job row and its task commit together."""
    job = Job.objects.create(
        kind=kind, owner=owner, title=title[:300], payload=payload, back_url=back_url, steps=steps
    )
    return job_enqueue(job=job)


def job_retry(*, job: Job) -> Job:
    """Queue a failed job again, with the same input (what it made already is kept)."""
    if job.status != JobStatus.FAILED:
        return job
    Job.objects.filter(pk=job.pk).update(runs=0)
    job.runs = 0
    return job_enqueue(job=job)


def job_claim(*, job_id: str, task_id: str, worker_id: str) -> Job | None:
    """Mark the job as running in this worker; None when this run is not the job's to do
    (finished already, or queued again under another task after its worker was lost)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished or job.task_id != str(task_id):
            return None
        if job.runs >= MAX_RUNS:
            _fail(
                job,
                f"The worker stopped {job.runs} times while doing this, so it was given up: "
                "the input may be too large. Nothing you sent is lost.",
            )
            return None
        now = timezone.now()
        job.status = JobStatus.RUNNING
        job.runs += 1
        job.worker_id = worker_id[:64]
        job.started_at = job.heartbeat_at = now
        job.save(update_fields=["status", "runs", "worker_id", "started_at", "heartbeat_at"])
    return job


def job_progress(job: Job) -> Progress:
    """A function the work calls as it goes: progress(step, steps, "what it is doing")."""

    def report(step: int, steps: int, stage: str) -> None:
        job.step, job.steps, job.stage = step, max(steps, 1), stage[:200]
        Job.objects.filter(pk=job.pk).update(
            step=job.step, steps=job.steps, stage=job.stage, heartbeat_at=timezone.now()
        )

    return report


def job_remember(*, job: Job, **made) -> None:
    """Keep what the work has made, in the caller's transaction: a run again skips it."""
    job.result = {**job.result, **made}
    Job.objects.filter(pk=job.pk).update(result=job.result)


def job_finish(*, job: Job, result: dict) -> None:
    job.result = {**job.result, **result}
    job.status = JobStatus.DONE
    job.step = job.steps
    job.stage = "Done"
    job.finished_at = timezone.now()
    job.save(update_fields=["result", "status", "step", "stage", "finished_at"])


def job_fail(*, job: Job, reason: str) -> None:
    _fail(job, reason)


def _fail(job: Job, reason: str) -> None:
    job.status = JobStatus.FAILED
    job.error = reason
    job.stage = "Stopped"
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "stage", "finished_at"])


def jobs_beat(*, worker_id: str) -> int:
    """The worker is alive: refresh the heartbeat of the jobs it is running."""
    return Job.objects.filter(status=JobStatus.RUNNING, worker_id=worker_id).update(
        heartbeat_at=timezone.now()
    )


def jobs_requeue_stale() -> int:
    """Queue again every running job whose worker has stopped beating; returns how many."""
    cutoff = timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS)
    stale = Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=cutoff)
    requeued = 0
    for pk in stale.values_list("pk", flat=True):
        with transaction.atomic():
            # Another worker's watchman may have got there first.
            job = stale.select_for_update().filter(pk=pk).first()
            if job is None:
                continue
            _task_lost(job.task_id)
            job_enqueue(job=job)
            logger.warning("Job %s lost its worker %s; queued again", job.pk, job.worker_id)
            requeued += 1
    return requeued


def _task_lost(task_id: str) -> None:
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="history_quiz.jobs.services.WorkerLost",
        traceback="The worker running this task stopped; its job was queued again.",
    )


def job_passwords_forget(*, job: Job) -> None:
    """A roster job's one-time passwords are shown once: wipe them once they were."""
    accounts = job.result.get("accounts") or []
    if not any(account.get("password") for account in accounts):
        return
    forgotten = [{**account, "password": ""} for account in accounts]
    job_remember(job=job, accounts=forgotten, passwords_shown_at=timezone.now().isoformat())


def jobs_forget_old_passwords() -> int:
    """Wipe the one-time passwords of roster jobs finished more than
    ROSTER_PASSWORDS_KEPT_HOURS ago whose page nobody opened (opening it wipes them at
    once); returns how many jobs had some. The accounts themselves are untouched (still to
    choose their own password at first log-in)."""
    cutoff = timezone.now() - timedelta(hours=settings.ROSTER_PASSWORDS_KEPT_HOURS)
    unshown = Job.objects.filter(
        kind=JobKind.ROSTER_CREATE, status__in=FINISHED_STATUSES, finished_at__lt=cutoff
    ).exclude(result__has_key="passwords_shown_at")
    wiped = 0
    for job in unshown:
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=job.pk)  # a page may be opening it
            if any(account.get("password") for account in job.result.get("accounts") or []):
                job_passwords_forget(job=job)
                wiped += 1
    return wiped

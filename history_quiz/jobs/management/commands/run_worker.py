"""`manage.py run_worker`: django-tasks' database worker, plus a watchman thread that keeps
this worker's running jobs beating and queues again the jobs of workers that stopped."""

import logging
import os
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from history_quiz.jobs.services import jobs_beat, jobs_forget_old_passwords, jobs_requeue_stale

logger = logging.getLogger(__name__)


def housekeeping() -> None:
    """Every few beats: queue again the jobs of workers that stopped, and wipe the one-time
    passwords of roster jobs left unopened too long."""
    jobs_requeue_stale()
    jobs_forget_old_passwords()


def watch(worker_id: str, stop: threading.Event) -> None:
    """Beat for this worker's jobs; housekeeping every few beats."""
    beats = 0
    while not stop.wait(0 if beats == 0 else settings.JOBS_HEARTBEAT_SECONDS):
        try:
            jobs_beat(worker_id=worker_id)
            if beats % 3 == 0:
                housekeeping()
        except Exception:  # noqa: BLE001 - a database hiccup must not stop the watchman
            logger.exception("The job watchman could not reach the database")
        finally:
            close_old_connections()
        beats += 1
    connection.close()


class Command(DatabaseWorkerCommand):
    help = (
        "Run a background worker for lesson imports, bank generation, GIFT imports and roster "
        "accounts; jobs of a worker that stopped are picked up again."
    )

    def handle(self, *args, **options):
        reloading = options.get("reload") and not options.get("batch")
        if not reloading or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            # Under --reload only the child process runs tasks, so only it watches.
            threading.Thread(
                target=watch,
                args=(options["worker_id"], threading.Event()),
                name="job-watchman",
                daemon=True,
            ).start()
        return super().handle(*args, **options)

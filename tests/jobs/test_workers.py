"""Real worker processes (`manage.py run_worker`) on a database of their own: an SQLite file,
or a fresh PostgreSQL database when the suite runs on PostgreSQL. A worker killed mid-task
leaves its task to the next worker, and the work is done once."""

import os
import secrets
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.processes import ROOT, manage_run, shell_json

pytestmark = pytest.mark.xdist_group("workers")

ROSTER = "\n".join(f"Pupil Number{n}" for n in range(20))
ROSTER_START = f"""
import json
from history_quiz.accounts.models import Role, User
from quizzes.models import Classroom
from quizzes.jobs import roster_job_start
teacher = User.objects.create_user("w-teacher", password="x", role=Role.TEACHER)
classroom = Classroom.objects.create(name="Year 7", teacher=teacher, join_code="WORK77")
job = roster_job_start(classroom=classroom, teacher=teacher, text={ROSTER!r})
print(json.dumps(str(job.pk)))
"""
LESSON_START = """
import json
from django.conf import settings
from history_quiz.accounts.models import Role, User
from lessons.jobs import lesson_job_start
teacher = User.objects.create_user("w-teacher", password="x", role=Role.TEACHER)
text = (settings.LESSON_FIXTURES_DIR / "magna-carta.txt").read_text()
job = lesson_job_start(owner=teacher, text=text, source_name="magna-carta.txt")
print(json.dumps(str(job.pk)))
"""
STATE_QUERIES = {
    "pupils": "SELECT COUNT(*) FROM accounts_user WHERE last_name LIKE 'Number%%'",
    "enrolments": "SELECT COUNT(*) FROM quizzes_enrolment",
    "lessons": "SELECT COUNT(*) FROM lessons_lesson",
    "questions": "SELECT COUNT(*) FROM quizzes_question",
}


class Site:
    """A database of its own and the environment of a production server that uses it."""

    def __init__(self, database_url: str, connect) -> None:
        self.connect = connect
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "history_quiz.settings",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "REDIS_URL": "",
            # Beat often and give up on a silent worker quickly, so the test is short.
            "JOBS_HEARTBEAT_SECONDS": "0.5",
            "JOBS_STALE_SECONDS": "3",
        }
        self.workers: list[subprocess.Popen] = []

    def manage(self, *args: str) -> str:
        return manage_run(*args, env=self.env)

    def shell(self, script: str):
        return shell_json(script, env=self.env)

    def state(self, job_id: str) -> dict:
        """The job's row and what exists, read straight from the database (no Django)."""
        with self.connect() as db:
            status, stage, step, runs = db.execute(
                "SELECT status, stage, step, runs FROM jobs_job WHERE id = %s",
                [self.job_key(job_id)],
            ).fetchone()
            found = {name: db.execute(query).fetchone()[0] for name, query in STATE_QUERIES.items()}
        return {"status": status, "stage": stage, "step": step, "runs": runs, **found}

    def job_key(self, job_id: str) -> str:
        return job_id if "postgres" in self.env["DATABASE_URL"] else uuid.UUID(job_id).hex

    def start_worker(self) -> subprocess.Popen:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.workers.append(worker)
        return worker

    def wait_for(self, job_id: str, condition, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state(job_id)
            if condition(state):
                return state
            time.sleep(0.05)
        raise AssertionError(f"job never got there: {state}")


class _SQLite:
    """sqlite3 with the %s placeholders psycopg uses, so one query serves both."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self):
        self.db = sqlite3.connect(self.path, timeout=20)
        return self

    def execute(self, query: str, params=()):
        return self.db.execute(query.replace("%s", "?").replace("%%", "%"), params)

    def __exit__(self, *exc) -> None:
        self.db.close()


def _postgres_database():
    import psycopg

    params = connection.settings_dict
    name = f"hq_jobs_{uuid.uuid4().hex[:10]}"
    base = {
        "host": params["HOST"],
        "port": params["PORT"],
        "user": params["USER"],
        "password": params["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **base) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, **base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    url = f"postgres://{params['USER']}{password}@{params['HOST']}:{params['PORT']}/{name}"
    return url, drop, lambda: psycopg.connect(dbname=name, autocommit=True, **base)


@pytest.fixture
def site(tmp_path):
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        url, drop, connect = _postgres_database()
    else:
        path = tmp_path / "site.sqlite3"
        url, drop, connect = f"sqlite:///{path}", lambda: None, lambda: _SQLite(path)
    made = Site(url, connect)
    made.manage("migrate", "--noinput")
    try:
        yield made
    finally:
        for worker in made.workers:
            worker.kill()
            worker.wait(timeout=30)
        drop()


def test_a_killed_workers_roster_is_made_once_by_the_next_worker(site):
    job = site.shell(ROSTER_START)
    first = site.start_worker()
    site.wait_for(job, lambda s: s["status"] == "running" and s["step"] >= 3)

    first.kill()
    first.wait(timeout=30)
    killed = site.state(job)
    site.start_worker()
    done = site.wait_for(job, lambda s: s["status"] in ("done", "failed"))

    assert killed["status"] == "running" and killed["pupils"] == 0
    assert (done["status"], done["runs"]) == ("done", 2)
    assert (done["pupils"], done["enrolments"]) == (20, 20)


def test_a_killed_workers_lesson_is_imported_once_by_the_next_worker(site):
    job = site.shell(LESSON_START)
    first = site.start_worker()
    # Killed once the lesson is saved, while its questions are being generated.
    site.wait_for(job, lambda s: s["lessons"] == 1)

    first.kill()
    first.wait(timeout=30)
    killed = site.state(job)
    site.start_worker()
    done = site.wait_for(job, lambda s: s["status"] in ("done", "failed"))

    assert killed["status"] == "running" and killed["questions"] == 0
    assert (done["status"], done["runs"]) == ("done", 2)
    assert done["lessons"] == 1 and done["questions"] > 0


def test_two_workers_share_the_queue_and_each_job_runs_once(site):
    jobs = [site.shell(LESSON_START.replace("w-teacher", f"w-teacher{n}")) for n in range(3)]

    site.start_worker()
    site.start_worker()
    states = [site.wait_for(job, lambda s: s["status"] == "done") for job in jobs]

    assert {state["runs"] for state in states} == {1}
    assert states[-1]["lessons"] == 3

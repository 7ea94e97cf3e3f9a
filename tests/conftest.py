"""Fixtures shared by every test module: users of each role and a bundled lesson."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from hypothesis import settings as hypothesis_settings

from tests.accounts.factories import AdminFactory, StudentFactory, TeacherFactory

GIVEN_LESSON = settings.LESSON_FIXTURES_DIR / "moscow-trials-great-purge.txt"

# CI replays the same fuzzing examples on every run, so a red build always points at a
# change; a developer's runs draw new examples and keep finding new cases.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture
def student(db):
    return StudentFactory()


@pytest.fixture
def teacher(db):
    return TeacherFactory()


@pytest.fixture
def admin_user(db):
    return AdminFactory()


@pytest.fixture
def given_lesson_path() -> Path:
    return GIVEN_LESSON


@pytest.fixture
def given_lesson(db, given_lesson_path):
    from lessons.services import lesson_import_file

    return lesson_import_file(path=given_lesson_path).lesson


@pytest.fixture
def run_tasks(db):
    """Run every queued background task here and now, as a worker would; returns how many."""

    def run() -> int:
        from history_quiz.jobs.running import tasks_run_queued

        return tasks_run_queued()

    return run


@pytest.fixture
def socket_connections_ended(request):
    """After a test that opened live sockets through the ASGI application: their database
    work ran on worker threads whose event loop is gone when the test ends, and on
    PostgreSQL those threads' connections would keep the test database from being dropped."""
    yield
    uses_database = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
    } & set(request.fixturenames)
    if connection.vendor != "postgresql" or not uses_database:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )

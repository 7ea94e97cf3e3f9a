"""The sockets' database work runs on worker threads whose event loop is gone when a test
ends; on PostgreSQL their connections would keep the test database from being dropped."""

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def end_worker_connections(request):
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

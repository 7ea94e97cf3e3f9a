"""On PostgreSQL every request, in whatever thread the server runs it, borrows a connection
from the process's pool: uvicorn runs each request's synchronous code in a thread of its
own, and a connection kept per thread ran PostgreSQL out of client slots under load."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

# Thirty requests at once, each in a thread of its own that stays alive (as a server's
# threads do), then the connections this process holds to the database are counted.
SCRIPT = """
import io
import threading

import django

django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

THREADS = 30
handler = WSGIHandler()  # the server's own request path: its signals close connections
answered, counted = threading.Barrier(THREADS + 1), threading.Event()
statuses = []

def request():
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/healthz", "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "HTTP_HOST": "testserver", "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http", "wsgi.errors": io.StringIO(),
    }
    response = handler(environ, lambda status, headers: statuses.append(status))
    response.close()
    answered.wait()
    counted.wait()

threads = [threading.Thread(target=request, daemon=True) for _ in range(THREADS)]
for thread in threads:
    thread.start()
answered.wait()
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND application_name = 'pool-test'"
    )
    print(cursor.fetchone()[0], sum(status.startswith("200") for status in statuses))
counted.set()
"""


def _run(script: str, url: str, **extra: str) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CONN_MAX_AGE", "DJANGO_SETTINGS_MODULE")
    }
    env |= {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "history_quiz.settings",
        "DEBUG": "0",
        "SECRET_KEY": "pool-test",
        "ALLOWED_HOSTS": "testserver",
        "REDIS_URL": "",
        **extra,
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_requests_in_threads_of_their_own_share_the_pool_connections():
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        "?application_name=pool-test"
    )
    held, answered = map(int, _run(SCRIPT, url).split())

    assert answered == 30
    # The pool's size (10 by default), not one connection per thread.
    assert held <= 10


def test_healthz_through_the_pool_says_503_when_postgresql_does_not_answer():
    script = (
        "import django\ndjango.setup()\nfrom django.test import Client\n"
        "print(Client().get('/healthz').status_code)"
    )
    # Nothing listens on port 9 of this machine: the pool cannot lend a connection.
    assert _run(script, "postgres://hq@127.0.0.1:9/none", DB_POOL_TIMEOUT="1").strip() == "503"


def test_healthz_through_the_pool_answers_503_within_two_seconds_when_postgresql_is_down():
    script = (
        "import time\nimport django\ndjango.setup()\nfrom django.test import Client\n"
        "start = time.monotonic()\nstatus = Client().get('/healthz').status_code\n"
        "print(status, round(time.monotonic() - start, 1))"
    )
    # The pool's own wait (DB_POOL_TIMEOUT, 10 s by default) is for pages under load; a
    # load balancer's health check must hear about a database that is down sooner.
    status, seconds = _run(script, "postgres://hq@127.0.0.1:9/none").split()

    assert status == "503"
    # 2 s of waiting plus start-up; a loaded machine adds a second or two, still far
    # from the pool's 10 s.
    assert float(seconds) < 6

"""/healthz tells a load balancer the truth: a real database round trip, 503 when it fails,
and an answer over plain HTTP even when the site redirects everything else to HTTPS."""

import json
import secrets

import pytest
from django.db import connection

from tests.test_deploy import run_manage

PRODUCTION = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "quiz.example.org"}
PROBE = (
    "import json; from django.test import Client; "
    "c = Client(SERVER_NAME='quiz.example.org', raise_request_exception=False); "
    "print(json.dumps([(r.status_code, r.content.decode()) for r in map(c.get, PATHS)]))"
)


def _probe(*paths: str, **env: str) -> list:
    script = PROBE.replace("PATHS", repr(list(paths)))
    result = run_manage("shell", "-c", script, **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_answers_503_when_the_database_cannot_be_reached(tmp_path):
    unreachable = f"sqlite:///{tmp_path}/no-such-folder/db.sqlite3"

    [(status, body)] = _probe("/healthz", DATABASE_URL=unreachable)

    assert (status, body) == (503, "database unavailable")


def test_healthz_over_plain_http_is_not_redirected_when_https_is_on():
    # Issue 13, fault 6: a proxy's health check does not follow the 301.
    healthz, lessons = _probe("/healthz", "/lessons/", HTTPS="1")

    assert healthz == [200, "ok"]
    assert lessons[0] == 301


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_healthz_says_503_once_postgresql_has_dropped_the_connection(client):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    import psycopg

    assert client.get("/healthz").status_code == 200
    settings = connection.settings_dict
    pid = connection.connection.info.backend_pid
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])

    response = client.get("/healthz")

    # Issue 13, fault 2: a kept-open connection passed for a working database.
    assert response.status_code == 503
    connection.close()

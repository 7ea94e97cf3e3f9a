"""Without Redis the default cache is still shared by every process of one machine: the
join-code throttle counts wrong codes across gunicorn workers."""

import secrets

from tests.test_deploy import run_manage

RECORD = (
    "from quizzes.services.classes import join_failure_record; "
    "[join_failure_record(user_id=7, address='10.0.0.9') for _ in range({n})]"
)
CHECK = (
    "from quizzes.services.classes import join_is_throttled; "
    "print(join_is_throttled(user_id=7, address='10.0.0.9'))"
)


def test_wrong_join_codes_count_across_processes_without_redis(tmp_path):
    env = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "quiz.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/shared.sqlite3",
        "REDIS_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }
    assert run_manage("migrate", "--noinput", **env).returncode == 0
    run_manage("createcachetable", **env)

    # Issue 13, fault 4: two workers of one server, five wrong codes each, limit ten.
    for _ in range(2):
        result = run_manage("shell", "-c", RECORD.format(n=5), **env)
        assert result.returncode == 0, result.stderr
    result = run_manage("shell", "-c", CHECK, **env)

    assert result.stdout.strip().splitlines()[-1] == "True"


def test_sessions_are_read_from_redis_when_there_is_one_and_kept_in_the_database():
    probe = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    env = {"SECRET_KEY": "sessions-probe-" + "k" * 40, "ALLOWED_HOSTS": "quiz.example.org"}
    with_redis = run_manage("shell", "-c", probe, REDIS_URL="redis://127.0.0.1:1/0", **env)
    without = run_manage("shell", "-c", probe, REDIS_URL="", **env)

    assert with_redis.stdout.split()[-1] == "django.contrib.sessions.backends.cached_db"
    assert without.stdout.split()[-1] == "django.contrib.sessions.backends.db"

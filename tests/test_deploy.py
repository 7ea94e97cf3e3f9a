"""The production settings README documents pass Django's deployment checklist."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Only the machine's own environment: none of the test run's settings or flags.
    skipped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "ALLOWED_HOSTS"}
    environment = {k: v for k, v in os.environ.items() if k not in skipped}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        HTTPS="1",
        ALLOWED_HOSTS="quiz.example.org",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check")

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_caches_templates_and_serves_compressed_hashed_static_files():
    script = (
        "from django.conf import settings; from django.template import engines; "
        "print(engines['django'].engine.loaders[0][0]); "
        "print(settings.STORAGES['staticfiles']['BACKEND'])"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="quiz.example.org",
    )

    assert result.returncode == 0, result.stderr
    loader, storage = result.stdout.split()[-2:]
    assert loader == "django.template.loaders.cached.Loader"
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"

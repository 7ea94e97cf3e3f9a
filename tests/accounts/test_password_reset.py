"""Password reset in production: links never go to the server log, and nobody can flood
an address (or the site) with reset e-mails."""

import secrets

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import StudentFactory
from tests.test_deploy import run_manage

PRODUCTION = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "quiz.example.org"}


def test_production_refuses_the_console_email_backend():
    # Issue 13, fault 5: reset links were written to the server log.
    result = run_manage("check", **PRODUCTION)

    assert result.returncode != 0
    assert "console e-mail backend" in result.stderr
    assert "EMAIL_BACKEND" in result.stderr


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.smtp.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
    ],
)
def test_production_accepts_smtp_or_the_file_backend(backend, tmp_path):
    result = run_manage("check", EMAIL_BACKEND=backend, EMAIL_FILE_PATH=str(tmp_path), **PRODUCTION)

    assert result.returncode == 0, result.stderr


def _ask_for_reset(client, email: str, address: str = "10.0.0.1"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_emails_to_one_address_are_limited_and_the_refusal_names_the_limit(client, db):
    StudentFactory(email="sara@example.org")

    answers = [_ask_for_reset(client, "sara@example.org", f"10.0.0.{n}") for n in range(17)]

    # Issue 13, fault 5: one address received 17 reset e-mails in seconds.
    assert len(mail.outbox) == 3
    assert [a.status_code for a in answers[:3]] == [302] * 3
    assert answers[3].status_code == 429
    assert "at most 3 reset e-mails an hour" in answers[3].content.decode()


def test_reset_requests_from_one_client_are_limited(client, db):
    for n in range(12):
        StudentFactory(email=f"student{n}@example.org")

    answers = [_ask_for_reset(client, f"student{n}@example.org") for n in range(12)]

    assert len(mail.outbox) == 10
    assert answers[10].status_code == 429
    assert "at most 10 reset requests an hour" in answers[10].content.decode()

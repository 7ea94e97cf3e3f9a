"""Login throttling that cannot be turned against users (issue 11, fault 6)."""

import pytest
from django.urls import reverse

from tests.accounts.factories import DEFAULT_PASSWORD, StudentFactory

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def behind_the_documented_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def _login(client, username, password, client_address):
    # What the documented nginx sends: the client's address appended to X-Forwarded-For.
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_address,
    )


@pytest.mark.django_db
def test_failures_from_another_client_behind_the_proxy_do_not_lock_an_account(client, settings):
    victim = StudentFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        _login(client, victim.username, "guess", "203.0.113.66")

    response = _login(client, victim.username, DEFAULT_PASSWORD, "198.51.100.7")

    assert response.status_code == 302


@pytest.mark.django_db
def test_one_wrong_password_on_each_of_forty_accounts_locks_the_address(client):
    accounts = StudentFactory.create_batch(40)
    for account in accounts:
        _login(client, account.username, "Summer2024!", "203.0.113.66")

    response = _login(client, accounts[0].username, DEFAULT_PASSWORD, "203.0.113.66")

    assert response.status_code == 429

"""Login throttling that cannot be turned against users (issue 11, fault 6)."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from history_quiz.accounts.throttle import client_address
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


@pytest.mark.django_db
def test_logging_into_ones_own_account_does_not_wipe_the_addresss_failures(client, settings):
    sprayer = StudentFactory()
    accounts = StudentFactory.create_batch(settings.AXES_ADDRESS_FAILURE_LIMIT - 1)
    for account in accounts:
        _login(client, account.username, "Summer2024!", "203.0.113.66")
    _login(client, sprayer.username, DEFAULT_PASSWORD, "203.0.113.66")
    client.logout()

    _login(client, StudentFactory().username, "Summer2024!", "203.0.113.66")
    response = _login(client, sprayer.username, DEFAULT_PASSWORD, "203.0.113.66")

    assert response.status_code == 429


@pytest.mark.django_db
def test_a_lock_ends_after_the_cool_off(client, settings):
    student = StudentFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, student.username, "guess", "203.0.113.66")

    with time_machine.travel(
        timezone.now() + timezone.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    ):
        response = _login(client, student.username, DEFAULT_PASSWORD, "203.0.113.66")

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        (0, "203.0.113.66", PROXY),  # no trusted proxy: the header is the client's own words
        (1, "203.0.113.66", "203.0.113.66"),
        (1, "1.2.3.4, 203.0.113.66", "203.0.113.66"),  # what the client wrote is ignored
        (2, "1.2.3.4, 203.0.113.66, 10.0.0.9", "203.0.113.66"),
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
    ],
)
def test_the_client_address_is_read_through_the_trusted_proxies_only(
    rf, settings, proxies, forwarded, address
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == address

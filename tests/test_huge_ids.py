"""Every page whose URL carries a number, asked for a number too large for the database:
a 404 (or a refusal), never a server error. Django's int converter takes any length of digits,
but SQLite and PostgreSQL columns hold 64 bits."""

import re

import pytest
from django.test import Client

from tests.accounts.factories import UserFactory
from tests.site_walk import PAGES

TOO_LARGE = str(2**63)
NUMBERED = [page for page in PAGES if "<int:" in page.route and not page.admin]


def _path(route: str) -> str:
    path = re.sub(r"<int:\w+>", TOO_LARGE, route)
    path = re.sub(r"<(?:\w+:)?\w+>", "no-such-thing", path)
    return "/" + path


def test_the_walk_finds_numbered_pages():
    assert len(NUMBERED) >= 20


@pytest.mark.django_db
@pytest.mark.parametrize("page", NUMBERED, ids=lambda page: page.key)
def test_a_number_too_large_for_the_database_is_not_found(page):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    responses = [client.get(_path(page.route)), client.post(_path(page.route), {})]

    assert [r.status_code for r in responses if r.status_code >= 500] == []

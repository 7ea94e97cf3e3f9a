"""Every page whose URL carries a number, asked for a number too large for the database:
a 404 (or a refusal), never a server error. Django's int converter takes any length of digits,
but SQLite and PostgreSQL columns hold 64 bits. The live games' sockets are numbered as well."""

import re

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from history_quiz.asgi import application
from quizzes.live.routing import websocket_urlpatterns
from tests.accounts.factories import UserFactory
from tests.site_walk import PAGES
from tests.threads import run_async

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


WEBSOCKET_ROUTES = [str(route.pattern) for route in websocket_urlpatterns]


def test_the_live_game_sockets_are_numbered_too():
    assert [route for route in WEBSOCKET_ROUTES if "<int:" in route] == WEBSOCKET_ROUTES != []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("route", WEBSOCKET_ROUTES)
def test_a_socket_for_a_game_number_too_large_for_the_database_is_refused(
    route, socket_connections_ended
):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    headers = [
        (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()),
        (b"origin", b"http://testserver"),
    ]

    async def connect():
        socket = WebsocketCommunicator(application, _path(route), headers=headers)
        return await socket.connect()

    connected, code = run_async(connect)

    assert not connected and code == 4403

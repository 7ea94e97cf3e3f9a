"""Every live-game test may open sockets: their worker threads' connections are ended after
it (see socket_connections_ended in tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def end_worker_connections(socket_connections_ended):
    yield

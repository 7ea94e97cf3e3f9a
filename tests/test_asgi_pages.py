"""Pages through the ASGI application that uvicorn serves (history_quiz/asgi.py): Django's
WSGI handler in a pool of threads. Status, headers, cookies and request bodies all cross
between the event loop and the threads."""

import json

import pytest
from django.urls import reverse

from history_quiz.asgi import application
from tests.accounts.factories import StudentFactory
from tests.threads import run_async


def asgi_request(path: str, *, method: str = "GET", body: bytes = b"", headers=()) -> dict:
    """One HTTP request through the ASGI application: status, headers and body."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
        "query_string": b"", "root_path": "", "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
        "headers": [
            (b"host", b"testserver"), (b"content-length", str(len(body)).encode()),
            *[(k.encode(), v.encode()) for k, v in headers],
        ],
    }  # fmt: skip
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    answer = {"status": None, "headers": [], "body": b""}

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = [(k.decode(), v.decode()) for k, v in message["headers"]]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    async def call():
        await application(scope, receive, send)

    run_async(call)
    return answer


@pytest.mark.django_db(transaction=True)
def test_a_page_comes_through_the_asgi_application():
    answer = asgi_request("/healthz")

    assert answer["status"] == 200
    assert answer["body"].decode().strip() == "ok"


@pytest.mark.django_db(transaction=True)
def test_a_posted_body_and_its_cookies_reach_the_view():
    StudentFactory(username="ada", password="a-good-long-password")
    login = asgi_request(reverse("login"))
    cookies = dict(
        value.split(";", 1)[0].split("=", 1) for name, value in login["headers"]
        if name == "set-cookie"
    )  # fmt: skip
    form = f"csrfmiddlewaretoken={cookies['csrftoken']}&username=ada&password=a-good-long-password"

    answer = asgi_request(
        reverse("login"), method="POST", body=form.encode(),
        headers=[("cookie", f"csrftoken={cookies['csrftoken']}"),
                 ("content-type", "application/x-www-form-urlencoded")],
    )  # fmt: skip

    assert answer["status"] == 302
    assert any(name == "set-cookie" and value.startswith("sessionid=")
               for name, value in answer["headers"])  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_a_json_body_without_its_csrf_token_is_refused():
    body = json.dumps({"question": 1, "given": "x"}).encode()

    answer = asgi_request(
        "/attempts/1/answers/", method="POST", body=body,
        headers=[("content-type", "application/json")],
    )  # fmt: skip

    assert answer["status"] == 403

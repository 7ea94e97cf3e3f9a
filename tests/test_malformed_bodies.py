"""Every page that takes a POST, posted malformed bodies by a user allowed there: a broken
multipart upload, bytes that are not UTF-8, NUL characters, lone surrogates, JSON nested
thousands deep. None is a server error; each is refused (4xx) or read as the empty form."""

import pytest
from django.test import Client

from tests.site_walk import OK, PAGES, RULES, page_path, world_make

MALFORMED = {
    "broken-multipart": ("multipart/form-data; boundary=XYZ", b"--XYZ\r\nContent-Dis"),
    "not-utf8": ("application/x-www-form-urlencoded", b"text=%ff%fe&name=\xff\xfe&code=%ED%A0%80"),
    "nul": ("application/x-www-form-urlencoded", b"text=a%00b&name=a%00b&code=%00&email=%00"),
    "surrogate-json": ("application/json", b'{"question": 1, "given": "\\ud800"}'),
    "deep-json": ("application/json", b"[" * 9_000 + b"]" * 9_000),
}


def _posted_pages():
    for page in PAGES:
        if page.admin or page.key not in RULES:
            continue
        roles, _ = RULES[page.key]
        role = next((r for r in roles if r != "anonymous" and roles[r] == OK), None)
        if role:
            yield page, role


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(MALFORMED))
@pytest.mark.parametrize(
    ("page", "role"), list(_posted_pages()), ids=lambda value: getattr(value, "key", value)
)
def test_a_malformed_body_is_never_a_server_error(page, role, kind):
    world = world_make()
    _, argument_map = RULES[page.key]
    kwargs = {name: world.value(source) for name, source in argument_map.items()}
    client = Client(raise_request_exception=False)
    client.force_login(world.users[role])
    content_type, body = MALFORMED[kind]

    response = client.post(page_path(page, kwargs), body, content_type=content_type)

    assert response.status_code < 500, response.content[:300]
    if 400 <= response.status_code < 500 and response.status_code != 405:
        assert response.content.strip(), "a refusal says why"

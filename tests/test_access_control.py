"""Every URL pattern in the project, requested by every role.

The patterns come from the URL resolver, so a new page is walked automatically; RULES in
tests/site_walk.py says who may reach each one and which objects fill its arguments. A pattern
missing from it fails `test_every_page_has_an_access_rule`, so nobody forgets to decide.

A role that should not reach a page must not get a 2xx there (nor a 3xx after a POST,
unless to the login page): only 403, 404, 405 or a redirect to log in.
"""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.test import Client

from tests.site_walk import (
    ANSWERS,
    LOGIN,
    NO,
    OK,
    PAGES,
    PENDING_RULES,
    ROLES,
    RULES,
    admin_kwargs,
    expectation,
    page_path,
    world_make,
)


def outcome(response) -> str:
    status = response.status_code
    location = response.headers.get("Location", "")
    if status in (301, 302) and "login/" in location:
        return LOGIN
    if status >= 500:
        return f"server error {status}"
    if status in (400, 403, 404, 405):
        return NO
    return OK


def test_every_page_has_an_access_rule():
    missing = [
        page.key
        for page in PAGES
        if not page.admin and page.key not in RULES and page.key not in PENDING_RULES
    ]

    assert not missing, f"Add these pages to RULES in tests/site_walk.py: {missing}"


def test_the_walk_covers_the_admin_site():
    admin_pages = [page for page in PAGES if page.admin]

    assert len(admin_pages) >= 5 * len(admin_site._registry)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", [p for p in PAGES if p.key in RULES or p.admin], ids=lambda page: page.key
)
def test_each_role_reaches_only_what_it_may(page):
    world = world_make()
    expected, argument_map = expectation(page)
    if page.admin:
        kwargs = admin_kwargs(page, world)
    else:
        assert set(argument_map) == set(page.kwarg_names), f"update RULES for {page.key}"
        kwargs = {name: world.value(source) for name, source in argument_map.items()}
    path = page_path(page, kwargs)
    wrong = []
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(world.users[role])
        response = client.get(path)
        got = outcome(response)
        post_only = response.status_code == 405
        if expected[role] == ANSWERS:
            if got.startswith("server"):
                wrong.append(f"{role} GET: {got}")
            continue
        if expected[role] == OK:
            if got not in (OK,) and not (post_only and got == NO):
                wrong.append(f"{role} GET: {got} ({response.status_code}), expected {OK}")
            continue
        if got not in (expected[role], NO):
            wrong.append(f"{role} GET: {got} ({response.status_code}), expected {expected[role]}")
        # A refused role's POST must be refused before anything is written.
        response = client.post(path, {})
        got = outcome(response)
        if response.status_code < 400 and got != LOGIN or got.startswith("server"):
            wrong.append(f"{role} POST: {got} ({response.status_code}), expected refused")

    assert not wrong, f"{path}: " + "; ".join(wrong)

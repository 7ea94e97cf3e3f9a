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
    LIBRARY_RULES,
    LOGIN,
    NO,
    OK,
    PAGES,
    PENDING_RULES,
    ROLES,
    RULES,
    admin_kwargs,
    expectation,
    library_expectation,
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


def _walk_page(page, expected, argument_map) -> list[str]:
    world = world_make()
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
    return [f"{path}: " + "; ".join(wrong)] if wrong else []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", [p for p in PAGES if p.key in RULES or p.admin], ids=lambda page: page.key
)
def test_each_role_reaches_only_what_it_may(page):
    expected, argument_map = expectation(page)

    assert not _walk_page(page, expected, argument_map)


def test_every_lesson_bank_page_has_a_library_rule():
    on_a_lesson = [
        key for key, (_, arguments) in RULES.items() if arguments.get("slug") == "lesson"
    ]
    missing = [key for key in on_a_lesson if key not in LIBRARY_RULES]

    assert not [key for key in missing if "bank" in key or key == "lessons:lesson_edit"], (
        f"Add these pages to LIBRARY_RULES in tests/site_walk.py: {missing}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", [p for p in PAGES if p.key in LIBRARY_RULES], ids=lambda page: page.key
)
def test_each_role_reaches_only_what_it_may_on_a_library_lesson(page):
    expected, argument_map = library_expectation(page.key)

    assert not _walk_page(page, expected, argument_map)

"""Every page of the site walk (tests/site_walk.py), opened at 375 px as each role that may
open it: no page may be wider than the phone's screen. A wide table may scroll inside its
own box; the page itself must not scroll sideways."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from tests.site_walk import OK, PAGES, ROLES, expectation, page_path, world_make

PHONE = {"width": 375, "height": 740}
WIDTH = "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
# Django's own admin site has its own (responsive) layout and is not the site's pages.
# Logging out is a POST; its GET would only say so.
SITE_PAGES = [page for page in PAGES if not page.admin and page.key != "logout"]


def browser_for(browser, live_server, user):
    """A phone-sized browser already signed in as the user (the session cookie of a
    server-side login, so no login form is typed for each role)."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True)
    context.set_default_timeout(10_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    return context


@pytest.mark.parametrize("role", ROLES)
def test_no_page_is_wider_than_a_phone(browser, live_server, db, role):
    world = world_make()
    context = browser_for(browser, live_server, world.users.get(role))
    page = context.new_page()
    too_wide, opened = [], 0
    for site_page in SITE_PAGES:
        allowed, argument_map = expectation(site_page)
        if allowed[role] != OK:
            continue
        kwargs = {name: world.value(source) for name, source in argument_map.items()}
        path = page_path(site_page, kwargs)
        try:
            response = page.goto(path)
        except PlaywrightError:
            continue  # an empty 405 for a post-only page, or a file download
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue  # downloads, JSON, post-only pages
        if response.status != 200:
            continue
        opened += 1
        width = page.evaluate(WIDTH)
        if width > PHONE["width"]:
            too_wide.append(f"{path} ({site_page.key}): {width} px")
    context.close()

    assert opened >= 3, "the walk should open some pages"
    assert not too_wide, f"pages wider than {PHONE['width']} px as {role}: {too_wide}"

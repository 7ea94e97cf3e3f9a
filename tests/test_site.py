from django.urls import reverse


def test_healthz_answers_with_one_database_round_trip(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_home_page_lists_newest_lessons(client, given_lesson):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert given_lesson.title in response.content.decode()


def test_pages_load_bootstrap_from_our_static_files_not_a_cdn(client, db):
    html = client.get(reverse("home")).content.decode()

    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "cdn" not in html.lower()


def test_static_bootstrap_is_served(client, db):
    response = client.get("/static/vendor/bootstrap/bootstrap.min.css")

    assert response.status_code == 200


def test_forms_carry_a_csrf_token(client, db):
    html = client.get(reverse("login")).content.decode()

    assert 'name="csrfmiddlewaretoken"' in html


def test_content_security_policy_forbids_inline_scripts_and_framing(client, db):
    policy = client.get(reverse("home"))["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def test_templates_hold_no_inline_scripts(settings):
    import re

    templates = list((settings.BASE_DIR / "templates").rglob("*.html"))
    inline = [
        path.name
        for path in templates
        if re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", path.read_text())
        or re.search(r"\son[a-z]+=\"", path.read_text())
    ]

    assert templates and inline == []


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(client, db):
    html = client.get(reverse("home")).content.decode()
    icon = client.get("/favicon.ico", follow=True)

    assert 'rel="icon"' in html and "favicon.svg" in html
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content if icon.streaming else [icon.content])

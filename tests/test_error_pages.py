"""Error pages in the site's layout: what happened in plain words, and a way back."""

import pytest
from django.test import Client, override_settings
from django.urls import path, reverse

from history_quiz import urls as site_urls
from tests.quizzes.factories import ClassroomFactory


def broken(request):
    raise RuntimeError("a bug")


# The site's own URLs and error handlers, plus one page that fails.
urlpatterns = [*site_urls.urlpatterns, path("broken/", broken)]
handler500 = getattr(site_urls, "handler500", "django.views.defaults.server_error")


def in_layout(response) -> str:
    html = response.content.decode()
    assert 'class="navbar' in html, "the page should carry the site's navigation bar"
    assert "History Quiz" in html
    return html


def test_a_student_on_a_teachers_page_gets_a_403_in_the_layout_with_a_way_back(client, student):
    client.force_login(student)

    response = client.get(reverse("quizzes:classroom_detail", args=[ClassroomFactory().pk]))

    assert response.status_code in (403, 404)
    response = client.get(reverse("quizzes:classroom_index"))
    assert response.status_code == 403
    html = in_layout(response)
    assert "Only teachers manage classes." in html
    assert "signed in as" in html
    assert reverse("quizzes:dashboard") in html


def test_a_missing_page_is_a_404_in_the_layout(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = in_layout(response)
    assert "could not find" in html
    assert reverse("lessons:lesson_list") in html


def test_a_form_with_a_stale_token_gets_a_403_in_the_layout(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "reload" in in_layout(response).lower()


def test_a_bad_request_is_a_400_in_the_layout(client, db):
    response = client.get("/", HTTP_HOST="bad host name")

    assert response.status_code == 400
    assert "could not be understood" in in_layout(response)


@override_settings(ROOT_URLCONF="tests.test_error_pages")
def test_a_server_error_is_a_500_in_the_layout(db):
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    html = in_layout(response)
    assert "went wrong on our side" in html
    assert "a bug" not in html


def test_a_limit_reached_is_a_429_in_the_layout_saying_when_to_try_again(rf, student):
    from history_quiz.errors import too_many_requests

    request = rf.get("/classes/join/")
    request.user = student

    response = too_many_requests(request, message="Too many wrong codes.", retry_after_seconds=900)

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = in_layout(response)
    assert "Too many wrong codes." in html and "15 minutes" in html


@pytest.mark.parametrize("status", [400, 403, 404, 429, 500])
def test_every_error_template_extends_the_layout(status):
    from django.template.loader import get_template

    source = get_template(f"{status}.html").template.source

    assert '{% extends "errors/base_error.html" %}' in source

import pytest
from django.urls import reverse

from lessons.models import Lesson
from lessons.services import lesson_sync_sentences
from tests.lessons.factories import LessonFactory

LIST_URL = reverse("lessons:lesson_list")


@pytest.fixture(params=["anonymous", "student", "teacher"])
def any_visitor(request, client):
    """The lesson pages are open to everyone; run each test as each kind of visitor."""
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(request.param))
    return client


def test_lesson_list_shows_lessons_newest_first(any_visitor, db):
    older = LessonFactory(title="Older lesson")
    newer = LessonFactory(title="Newer lesson")

    response = any_visitor.get(LIST_URL)

    assert response.status_code == 200
    titles = [lesson.title for lesson in response.context["page"]]
    assert titles.index(newer.title) < titles.index(older.title)


def test_search_matches_words_in_title_or_summary(any_visitor, db, given_lesson):
    LessonFactory(title="The Congress of Vienna")

    by_summary = any_visitor.get(LIST_URL, {"q": "forced confessions"})
    by_title = any_visitor.get(LIST_URL, {"q": "vienna"})

    assert [lesson.title for lesson in by_summary.context["page"]] == [given_lesson.title]
    assert [lesson.title for lesson in by_title.context["page"]] == ["The Congress of Vienna"]


def test_lesson_list_is_paged(client, db):
    LessonFactory.create_batch(13)

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": 2})
    junk = client.get(LIST_URL, {"page": "x<script>"})

    assert len(first.context["page"]) == 12
    assert len(second.context["page"]) == 1
    assert junk.status_code == 200


def test_lesson_page_shows_every_part_with_sentence_anchors(any_visitor, given_lesson):
    response = any_visitor.get(given_lesson.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and given_lesson.title in html
    for point in given_lesson.key_points.all():
        assert point.text.replace("'", "&#x27;") in html
    for sentence in given_lesson.sentences.all():
        assert f'id="s-{sentence.position}"' in html
    assert html.index("What Happened?") < html.index("Why Does it Matter?")


def test_lesson_text_is_escaped(client, db):
    lesson = LessonFactory(title="<script>alert(1)</script>")
    lesson.summary = 'A summary <img src=x onerror="alert(2)"> here.'
    lesson.save()
    lesson_sync_sentences(lesson=lesson)

    html = client.get(lesson.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unknown_lesson_is_404(client, db):
    assert client.get("/lessons/no-such-lesson/").status_code == 404


def test_lesson_page_query_count_does_not_grow_with_lesson_size(
    client, given_lesson, django_assert_max_num_queries
):
    small = LessonFactory()

    with django_assert_max_num_queries(6):
        client.get(small.get_absolute_url())
    with django_assert_max_num_queries(6):
        client.get(given_lesson.get_absolute_url())


def test_edit_in_admin_link_only_for_staff(client, given_lesson, teacher, admin_user):
    client.force_login(teacher)
    assert "Edit in admin" not in client.get(given_lesson.get_absolute_url()).content.decode()

    client.force_login(admin_user)
    assert "Edit in admin" in client.get(given_lesson.get_absolute_url()).content.decode()


def test_bundled_lessons_stay_listed(client, db):
    LessonFactory()

    assert client.get(LIST_URL).context["page"].paginator.count == Lesson.objects.count()

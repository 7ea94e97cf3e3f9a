import pytest
from django.urls import reverse


@pytest.fixture
def admin_client_logged(client, admin_user):
    client.force_login(admin_user)
    return client


def test_admin_lesson_pages_load(admin_client_logged, given_lesson):
    changelist = admin_client_logged.get(reverse("admin:lessons_lesson_changelist"), {"q": "Purge"})
    change = admin_client_logged.get(reverse("admin:lessons_lesson_change", args=[given_lesson.pk]))

    assert changelist.status_code == 200
    assert given_lesson.title in changelist.content.decode()
    assert change.status_code == 200
    assert "What Happened?" in change.content.decode()
    assert "View on site" in change.content.decode()


def inline_data(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": len(rows),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def test_admin_edit_of_a_section_renumbers_the_lesson_sentences(admin_client_logged, given_lesson):
    url = reverse("admin:lessons_lesson_change", args=[given_lesson.pk])
    key_points = [
        {"id": p.pk, "lesson": given_lesson.pk, "position": p.position, "text": p.text}
        for p in given_lesson.key_points.all()
    ]
    sections = [
        {
            "id": s.pk,
            "lesson": given_lesson.pk,
            "position": s.position,
            "heading": s.heading,
            "body": s.body,
        }
        for s in given_lesson.sections.all()
    ]
    sections[-1]["body"] = "A new closing paragraph. It has two sentences."
    data = {
        "title": given_lesson.title,
        "slug": given_lesson.slug,
        "summary": given_lesson.summary,
        "owner": "",
    }
    data |= inline_data("key_points", key_points) | inline_data("sections", sections)

    response = admin_client_logged.post(url, data)

    assert response.status_code == 302
    texts = list(given_lesson.sentences.values_list("text", flat=True))
    assert texts[-2:] == ["A new closing paragraph.", "It has two sentences."]


def test_teachers_cannot_open_the_admin(client, teacher):
    client.force_login(teacher)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert "/admin/login/" in response.url

"""Lessons placed in time and space: the year and region read from the lesson's own text
(or set by its teacher), a period from the year, and a lessons list ordered and filtered
by them."""

import pytest
from django.conf import settings
from django.urls import reverse

from lessons.places import period_for_year, region_in_text, year_in_text
from lessons.services import lesson_import_file

FIXTURES = settings.LESSON_FIXTURES_DIR


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("In 490 BC an Athenian army defeated a Persian expedition.", -490),
        ("In October 1962 the United States, 145 kilometres away, found missiles.", 1962),
        ("Between 1791 and 1804 enslaved people rose up.", 1791),
        ("No date at all here.", None),
    ],
)
def test_the_year_is_read_from_the_text(text, year):
    assert year_in_text(text) == year


@pytest.mark.parametrize(
    ("year", "period"),
    [
        (-490, "ancient"),
        (1215, "medieval"),
        (1791, "early_modern"),
        (1868, "modern"),
        (1989, "since_1945"),
    ],
)
def test_each_year_falls_in_one_period(year, period):
    assert period_for_year(year) == period


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("The victory ended the first Persian invasion of Greece. Athens rejoiced.", "europe"),
        ("Mansa Musa, ruler of Mali, travelled through Egypt to Mecca.", "africa"),
        ("Missiles in Cuba, near Florida and the United States.", "americas"),
        ("British India was divided into India and Pakistan.", "asia"),
    ],
)
def test_the_region_is_the_one_its_places_name_most(text, region):
    assert region_in_text(text) == region


@pytest.fixture
def bundled(db):
    names = [
        "fall-of-the-berlin-wall",
        "battle-of-marathon",
        "magna-carta",
        "mali-empire-mansa-musa",
    ]
    return {name: lesson_import_file(path=FIXTURES / f"{name}.txt").lesson for name in names}


def titles(client, query: str) -> list[str]:
    response = client.get(reverse("lessons:lesson_list") + query)
    return [lesson.title for lesson in response.context["page"]]


def test_the_lessons_list_sorts_by_the_date_of_the_event(client, bundled):
    ordered = titles(client, "?sort=event")

    assert ordered == [
        bundled[name].title
        for name in [
            "battle-of-marathon",
            "magna-carta",
            "mali-empire-mansa-musa",
            "fall-of-the-berlin-wall",
        ]
    ]


def test_the_lessons_list_filters_by_period_and_region(client, bundled):
    assert titles(client, "?period=medieval&region=europe") == [bundled["magna-carta"].title]
    assert titles(client, "?region=africa") == [bundled["mali-empire-mansa-musa"].title]


def test_a_teachers_own_time_and_place_survive_a_reimport(client, bundled, admin_user):
    lesson = bundled["magna-carta"]
    client.force_login(admin_user)

    client.post(
        reverse("lessons:lesson_placing", args=[lesson.slug]),
        {"event_year": "1216", "period": "medieval", "region": "europe"},
    )
    lesson_import_file(path=FIXTURES / "magna-carta.txt")

    lesson.refresh_from_db()
    assert (lesson.event_year, lesson.placed_by_hand) == (1216, True)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("battle-of-marathon", "europe"),
        ("cuban-missile-crisis", "americas"),
        ("fall-of-constantinople", "europe"),
        ("fall-of-the-berlin-wall", "europe"),
        ("haitian-revolution", "americas"),
        ("magna-carta", "europe"),
        ("mali-empire-mansa-musa", "africa"),
        ("meiji-restoration", "asia"),
        ("moscow-trials-great-purge", "europe"),
        ("partition-of-india", "asia"),
    ],
)
def test_each_bundled_lesson_is_placed_by_the_states_it_names(db, name, region):
    lesson = lesson_import_file(path=FIXTURES / f"{name}.txt").lesson

    assert lesson.region == region

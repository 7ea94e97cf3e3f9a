"""Dates in words: relative for yesterday, today and tomorrow; the year only when needed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from quizzes.dates import date_in_full, date_phrase

NOW = datetime(2031, 3, 10, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (NOW.replace(hour=15), "today, 15:00"),
        (NOW + timedelta(days=1), "tomorrow, 12:00"),
        (NOW - timedelta(days=1), "yesterday, 12:00"),
        (NOW + timedelta(days=4), "Fri 14 Mar, 12:00"),
        (datetime(2020, 1, 1, 9, 0, tzinfo=ZoneInfo("UTC")), "Wed 1 Jan 2020, 09:00"),
    ],
)
def test_dates_read_as_a_person_would_say_them(moment, words):
    assert date_phrase(moment, now=NOW) == words


def test_a_date_in_full_names_the_day_and_month():
    moment = datetime(2020, 1, 1, 9, 5, tzinfo=ZoneInfo("UTC"))
    assert date_in_full(moment) == "Wednesday 1 January 2020, 09:05"


def test_a_date_is_told_in_the_time_zone_it_is_asked_in():
    moment = datetime(2031, 3, 14, 23, 30, tzinfo=ZoneInfo("UTC"))
    paris = ZoneInfo("Europe/Paris")
    assert date_in_full(moment, paris) == "Saturday 15 March 2031, 00:30"
    assert date_phrase(moment, now=NOW, zone=paris) == "Sat 15 Mar, 00:30"


def test_day_and_month_names_follow_the_active_language():
    moment = datetime(2020, 1, 1, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert date_in_full(moment).startswith("Wednesday 1 January")
    with translation.override("de"):
        assert date_in_full(moment).startswith("Mittwoch 1 Januar")
        assert date_phrase(moment, now=NOW) == "Mi 1 Jan 2020, 09:00"
    assert date_in_full(moment).startswith("Wednesday 1 January")

"""Dates in words: relative for yesterday, today and tomorrow; the year only when needed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from quizzes.dates import date_phrase

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

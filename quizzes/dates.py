"""Dates written the way a class calendar would say them: "today, 15:00", "tomorrow",
"Fri 14 Mar", and the year only when it is not this year. Pure functions.

The words are Django's own (translated) names of days and months, put together here as
`django.utils.dateformat` would put them ("D j M", "l j F Y, H:i"): its parser, its
ambiguous-time check and a translation lookup per name cost some 60 µs a date, and a
gradebook heads forty columns with a date each. A caller writing many dates passes the
current time zone as `zone`: looking it up is a context-local read each time."""

from datetime import datetime
from functools import lru_cache

from django.utils import timezone, translation
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR

RELATIVE_DAYS = {-1: "yesterday", 0: "today", 1: "tomorrow"}


class _Names:
    """The day and month names in one language, translated once."""

    def __init__(self) -> None:
        self.weekdays = [str(WEEKDAYS[day]) for day in range(7)]
        self.weekdays_short = [str(WEEKDAYS_ABBR[day]) for day in range(7)]
        self.months = [""] + [str(MONTHS[month]) for month in range(1, 13)]
        self.months_short = [""] + [str(MONTHS_3[month]).title() for month in range(1, 13)]


@lru_cache(maxsize=16)
def _names_in(language: str | None) -> _Names:
    return _Names()  # the names come out in `language`, the active one while this runs


def _names() -> _Names:
    return _names_in(translation.get_language())


def date_phrase(
    moment: datetime, *, now: datetime | None = None, with_time: bool = True, zone=None
) -> str:
    """The moment in the current time zone (or `zone`): relative words for yesterday, today
    and tomorrow, the weekday and date otherwise, the year when it is not this year."""
    zone = zone or timezone.get_current_timezone()
    now = timezone.localtime(now or timezone.now(), zone)
    local = timezone.localtime(moment, zone)
    days_away = (local.date() - now.date()).days
    if days_away in RELATIVE_DAYS:
        day = RELATIVE_DAYS[days_away]
    else:
        names = _names()
        weekday, month = names.weekdays_short[local.weekday()], names.months_short[local.month]
        day = f"{weekday} {local.day} {month}"
        if local.year != now.year:
            day += f" {local.year:04d}"
    return f"{day}, {local.hour:02d}:{local.minute:02d}" if with_time else day


def date_in_full(moment: datetime, zone=None) -> str:
    """The whole date and time, for a tooltip: "Wednesday 1 January 2020, 09:00" (in the
    current time zone, or `zone`)."""
    local = timezone.localtime(moment, zone or timezone.get_current_timezone())
    names = _names()
    return (
        f"{names.weekdays[local.weekday()]} {local.day} {names.months[local.month]} "
        f"{local.year:04d}, {local.hour:02d}:{local.minute:02d}"
    )

"""Dates written the way a class calendar would say them: "today, 15:00", "tomorrow",
"Fri 14 Mar", and the year only when it is not this year. Pure functions."""

from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as date_format

RELATIVE_DAYS = {-1: "yesterday", 0: "today", 1: "tomorrow"}


def date_phrase(moment: datetime, *, now: datetime | None = None, with_time: bool = True) -> str:
    """The moment in the current time zone: relative words for yesterday, today and
    tomorrow, the weekday and date otherwise, the year when it is not this year."""
    now = timezone.localtime(now or timezone.now())
    local = timezone.localtime(moment)
    days_away = (local.date() - now.date()).days
    if days_away in RELATIVE_DAYS:
        day = RELATIVE_DAYS[days_away]
    elif local.year == now.year:
        day = date_format(local, "D j M")
    else:
        day = date_format(local, "D j M Y")
    return f"{day}, {date_format(local, 'H:i')}" if with_time else day


def date_in_full(moment: datetime) -> str:
    """The whole date and time, for a tooltip: "Wednesday 1 January 2020, 09:00"."""
    return date_format(timezone.localtime(moment), "l j F Y, H:i")

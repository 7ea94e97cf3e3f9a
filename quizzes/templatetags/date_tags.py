"""The `when` filter: a date as a <time> element with words a person would use."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from quizzes.dates import date_in_full, date_phrase

register = template.Library()


@register.filter
def when(moment, with_time: bool = True) -> str:
    """{{ assignment.due_at|when }} -> <time ...>tomorrow, 09:00</time>; empty for None."""
    if not moment:
        return ""
    zone = timezone.get_current_timezone()  # once: each lookup reads a context-local
    local = timezone.localtime(moment, zone)
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        local.isoformat(),
        date_in_full(local, zone),
        date_phrase(local, with_time=bool(with_time), zone=zone),
    )

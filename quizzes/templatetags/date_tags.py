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
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        timezone.localtime(moment).isoformat(),
        date_in_full(moment),
        date_phrase(moment, with_time=bool(with_time)),
    )

"""The gradebook's cells, written in Python: a class of 200 and 40 assignments is 8,000
cells, and the template language's per-cell lookups were most of the page's time."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from quizzes.selectors.classes import GradebookRow

register = template.Library()

LATE = ' <span class="badge text-bg-warning">Late</span>'
MISSING = ' <span class="badge text-bg-danger">Missing</span>'


@register.simple_tag
def gradebook_cells(row: GradebookRow) -> SafeString:
    """One student's cells: the grade (a link to the attempt that counts), coloured by
    band, with a Late or Missing badge. Every value is HTML-escaped, as the template
    would; the standard library's escape, as Django's costs more per call and this runs
    8,000 times a page."""
    cells = []
    for cell in row.cells:
        url, text = cell.cell_url, escape(cell.cell_text)
        if url:
            text = f'<a class="grade-link" href="{escape(url)}">{text}</a>'
        flag = LATE if cell.is_late else MISSING if cell.is_missing else ""
        cells.append(
            f'<td class="text-center {escape(cell.cell_css)}" data-testid="grade-cell">'
            f"{text}{flag}</td>"
        )
    return mark_safe("".join(cells))  # noqa: S308 - every value above is escaped

"""The gradebook's rows, written in Python in one pass: a class of 200 and 40 assignments is
8,000 cells, and a template node per cell (or per row) was most of the page's time."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from quizzes.selectors.gradebook import Gradebook, GradebookCell, attempt_review_url_pattern
from quizzes.templatetags.date_tags import when

register = template.Library()

LATE = ' <span class="badge text-bg-warning">Late</span>'
MISSING = ' <span class="badge text-bg-danger">Missing</span>'
ROW = (
    '<tr data-student="{} {}">\n'
    '<th scope="row" class="student-name"><a href="{}">{}</a></th>\n'
    '<td class="text-center fw-semibold">{}</td>\n'
)


def whole_percent(value: float) -> str:
    """`value|floatformat:0` as the template wrote it (halves rounded up), without the
    filter's localisation, which costs more than the rest of a row."""
    return str(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _cell_parts(cell: GradebookCell) -> tuple[str, str]:
    """The cell's markup before and after the link to its attempt (an empty link part
    when it has none), escaped once for each look a cell can have (a big class has a few
    hundred), not once per cell."""
    opening = format_html('<td class="text-center {}" data-testid="grade-cell">', cell.cell_css)
    text = conditional_escape(cell.cell_text)
    flag = LATE if cell.is_late else MISSING if cell.is_missing else ""
    if cell.counting_attempt:
        return f'{opening}<a class="grade-link" href="', f'">{text}</a>{flag}</td>'
    return f"{opening}{text}{flag}</td>", ""


HEADING = (
    '<th scope="col" class="text-center assignment-heading">{}\n'
    '<div class="small fw-normal text-muted">{}{}</div>\n</th>\n'
)


@register.simple_tag
def gradebook_headings(gradebook: Gradebook) -> SafeString:
    """A column heading per assignment: its title (a quiz's links to its statistics), its
    kind and grading method, and its due date."""
    statistics_url = reverse(
        "quizzes:assignment_statistics", args=[gradebook.classroom.pk, 0]
    ).replace("/0/", "/{}/")
    headings = []
    for assignment in gradebook.assignments:
        title = assignment.title
        if assignment.quiz_id:
            title = format_html(
                '<a href="{}" title="Statistics of {}">{}</a>',
                statistics_url.format(int(assignment.pk)),
                title,
                title,
            )
            kind = f"Quiz · {assignment.quiz.get_grading_method_display().lower()}"
        else:
            kind = "Reading"
        due = format_html(" · due {}", when(assignment.due_at, False)) if assignment.due_at else ""
        headings.append(format_html(HEADING, title, kind, due))
    return mark_safe("".join(headings))  # noqa: S308 - each part went through format_html


@register.simple_tag
def gradebook_rows(gradebook: Gradebook) -> SafeString:
    """Every student's row: the name (a link to their drill-down), the average, and a cell
    per assignment with the grade (a link to the attempt that counts), coloured by band,
    with a Late or Missing badge. Names and texts go through Django's escaping; links are
    made of ids."""
    student_url = reverse("quizzes:gradebook_student", args=[gradebook.classroom.pk, 0])
    student_url = student_url.replace("/0/", "/{}/")
    review_url = attempt_review_url_pattern()
    looks: dict[tuple, tuple[str, str]] = {}
    html = []
    for row in gradebook.rows:
        student = row.student
        name = str(student)
        average = row.average
        html.append(
            format_html(
                ROW,
                name.lower(),
                student.username.lower(),
                student_url.format(int(student.pk)),
                name,
                f"{whole_percent(average)}%" if average is not None else "—",
            )
        )
        for cell in row.cells:
            look = cell[:7]  # what the cell's look depends on (see GradebookCell)
            before, after = looks.get(look) or looks.setdefault(look, _cell_parts(cell))
            counting = cell.counting_attempt
            html.append(before + review_url.format(counting) + after if counting else before)
        html.append("</tr>\n")
    return mark_safe("".join(html))  # noqa: S308 - names and texts above are escaped

"""The teacher's gradebook: current students by assignments, a cell each, and its CSV
rows. A class of 200 and 40 assignments is 8,000 cells, so the reads are plain rows and
the cells small immutable tuples; a fixed number of queries whatever the class size."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import NamedTuple

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from history_quiz.accounts.models import User
from quizzes.grading import assignment_grade, score_band
from quizzes.models import (
    Assignment,
    AssignmentExtension,
    Attempt,
    Classroom,
    GradingMethod,
    LessonReading,
)


@cache
def attempt_review_url_pattern() -> str:
    """The review page's address with `{}` for the attempt id, reversed once: a gradebook
    links thousands of cells."""
    return reverse("quizzes:attempt_review", args=[0]).replace("/0/", "/{}/")


def attempt_review_url(attempt_id: int) -> str:
    """The review page of one attempt (the student's answers, marks and overrides)."""
    return attempt_review_url_pattern().format(int(attempt_id))


def classroom_assignments(*, classroom: Classroom) -> list[Assignment]:
    """The class's current assignments, soonest due first."""
    return list(
        classroom.assignments.current().select_related("quiz", "lesson").order_by("due_at", "pk")
    )


def _rows(queryset: QuerySet) -> list[tuple]:
    """A `values_list` query's rows as the database driver gives them, without Django's
    per-row conversions: for the gradebook's thousands of rows of ids, numbers and flags
    (flags come as 0/1 from SQLite, as booleans from PostgreSQL)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class GradebookStudent(NamedTuple):
    """The student of a gradebook row: the fields it shows, named and printed as the user
    model names and prints them (a class's users are read as plain rows)."""

    pk: int
    username: str
    first_name: str
    last_name: str

    get_full_name = User.get_full_name
    __str__ = User.__str__


class GradebookCell(NamedTuple):
    """Where one student stands on one assignment, as the gradebook shows it: the grade by
    the quiz's grading method, the attempt it comes from, late and missing. The first
    seven fields are all a cell's look depends on; the ids only go into links."""

    is_lesson: bool
    grade: float | None = None
    attempts: int = 0  # submitted attempts
    is_read: bool = False
    is_late: bool = False
    is_missing: bool = False
    in_progress: bool = False
    open_attempt: int | None = None  # the id of an attempt in progress
    counting_attempt: int | None = None  # the id of the attempt the grade comes from

    @property
    def grade_text(self) -> str:
        if self.is_lesson:
            return "Read" if self.is_read else "Not read"
        return f"{self.grade:.0f}%" if self.grade is not None else "—"

    @property
    def cell_text(self) -> str:
        """What the cell says, e.g. "85%", "85% (2 attempts)", "In progress"."""
        if self.is_lesson or self.grade is not None:
            return self.grade_text + (f" ({self.attempts} attempts)" if self.attempts > 1 else "")
        return "In progress" if self.in_progress else "—"

    @property
    def cell_css(self) -> str:
        if self.is_missing:
            return "table-danger"
        return score_band(self.grade).css if self.grade is not None else "text-muted"


# Cells with nothing in them, alike for every student: shared, as cells are immutable.
_EMPTY_CELLS = {
    # (is a lesson, read, read late, past due) -> the cell
    (False, False, False, False): GradebookCell(False),
    (False, False, False, True): GradebookCell(False, is_missing=True),
    (True, False, False, False): GradebookCell(True),
    (True, False, False, True): GradebookCell(True, is_missing=True),
    (True, True, False, False): GradebookCell(True, is_read=True),
    (True, True, False, True): GradebookCell(True, is_read=True),
    (True, True, True, False): GradebookCell(True, is_read=True, is_late=True),
    (True, True, True, True): GradebookCell(True, is_read=True, is_late=True),
}


# A cell made from all nine values at once, by tuple's own constructor: the named tuple's
# generated __new__ (keyword defaults) costs as much again as the rest of a cell, 8,000 times.
_new = tuple.__new__


def _quiz_cell(method: str, rows: list[tuple], past_due: bool) -> GradebookCell:
    """A quiz cell from the student's attempt rows (student id, assignment id, attempt id,
    score, max score, open, late), oldest first; the grade as `assignment_grade` gives it,
    the counting attempt as the student's own page shows it (the best for "highest", else
    the first or the latest). Missing when `past_due` and nothing is handed in."""
    if len(rows) == 1:  # most cells, and every grading method agrees on one attempt
        _, _, pk, score, max_score, is_open, late = rows[0]
        if is_open:
            return _new(GradebookCell, (False, None, 0, False, False, past_due, True, pk, None))
        grade = 100 * score / max_score if score is not None and max_score else None
        return _new(GradebookCell, (False, grade, 1, False, bool(late), False, False, None,
                                    pk if grade is not None else None))  # fmt: skip
    open_attempt, submitted, is_late, graded = None, 0, False, []
    for _, _, pk, score, max_score, is_open, late in rows:
        if is_open:
            open_attempt = pk
            continue
        if not submitted:
            is_late = bool(late)  # lateness is the first hand-in's
        submitted += 1
        if score is not None and max_score:
            graded.append((100 * score / max_score, pk))
    in_progress = open_attempt is not None
    if not graded:
        missing = past_due and not submitted
        return _new(GradebookCell, (False, None, submitted, False, is_late, missing, in_progress,
                                    open_attempt, None))  # fmt: skip
    if len(graded) == 1:  # most cells: every method gives the one grade
        grade, counting = graded[0]
    else:
        grade = assignment_grade([percent for percent, _ in graded], method)
        if method == GradingMethod.HIGHEST:  # the later of equal bests
            counting = max(reversed(graded), key=lambda pair: pair[0])[1]
        elif method == GradingMethod.FIRST:
            counting = graded[0][1]
        else:
            counting = graded[-1][1]
    return _new(GradebookCell, (False, grade, submitted, False, is_late, False, in_progress,
                                open_attempt, counting))  # fmt: skip


@dataclass
class GradebookRow:
    student: object
    cells: list[GradebookCell]
    missing_as_zero: bool = False

    @property
    def average(self) -> float | None:
        """The mean of the quiz grades; missing quizzes count as 0 when the teacher asks."""
        grades = [cell.grade for cell in self.cells if cell.grade is not None]
        if self.missing_as_zero:
            grades += [0.0 for cell in self.cells if cell.is_missing and not cell.is_lesson]
        return sum(grades) / len(grades) if grades else None


@dataclass
class Gradebook:
    classroom: Classroom
    assignments: list[Assignment]
    rows: list[GradebookRow]
    missing_as_zero: bool = False


def classroom_gradebook(
    *, classroom: Classroom, now: datetime | None = None, missing_as_zero: bool = False
) -> Gradebook:
    """Current students by assignments, each cell graded by the quiz's grading method;
    `missing_as_zero` counts quizzes past due with nothing handed in as 0 in the average.

    Five queries for any class size: students, assignments, attempts, readings and
    extensions. A class of 200 and 40 assignments is 8,000 cells and some 7,000 attempts,
    so students, attempts and readings come as plain rows, and the database says which
    hand-in came after the class's due date: making objects and dates of them was most of
    the page's time. The few students with an extension are judged by their own date.
    """
    now = now or timezone.now()
    students = sorted(
        (
            GradebookStudent(*row)
            for row in classroom.enrolments.current().values_list(
                "student_id", "student__username", "student__first_name", "student__last_name"
            )
        ),
        key=lambda student: (student.last_name.lower(), student.first_name.lower(), student.pk),
    )
    assignments = classroom_assignments(classroom=classroom)
    after_due = Q(assignment__due_at__isnull=False) & Q(submitted_at__gt=F("assignment__due_at"))
    attempts: dict[int, dict[int, list[tuple]]] = defaultdict(dict)  # student -> assignment ->
    for row in _rows(
        Attempt.objects.filter(assignment__classroom=classroom)
        .annotate(
            is_open=ExpressionWrapper(Q(submitted_at__isnull=True), output_field=BooleanField()),
            is_late=ExpressionWrapper(after_due, output_field=BooleanField()),
        )
        .order_by("number")
        .values_list(
            "student_id", "assignment_id", "pk", "score", "max_score", "is_open", "is_late"
        )  # fmt: skip
    ):
        mine = attempts[row[0]]
        if row[1] in mine:
            mine[row[1]].append(row)
        else:
            mine[row[1]] = [row]
    read_after_due = Q(assignment__due_at__isnull=False) & Q(read_at__gt=F("assignment__due_at"))
    readings: dict[int, dict[int, bool]] = defaultdict(dict)  # student -> lesson -> read late
    for student_id, assignment_id, is_late in _rows(
        LessonReading.objects.filter(assignment__classroom=classroom)
        .annotate(is_late=ExpressionWrapper(read_after_due, output_field=BooleanField()))
        .values_list("student_id", "assignment_id", "is_late")
    ):
        readings[student_id][assignment_id] = bool(is_late)
    columns = [
        (
            assignment.pk,
            assignment.quiz.grading_method if assignment.quiz_id else None,
            assignment.due_at is not None and now > assignment.due_at,
        )
        for assignment in assignments
    ]
    empty = {past_due: _EMPTY_CELLS[(False, False, False, past_due)] for past_due in (0, 1)}
    rows = []
    for student in students:
        my_attempts, my_readings = attempts.get(student.pk, {}), readings.get(student.pk, {})
        cells = []
        for assignment_id, method, past_due in columns:
            if method is None:
                read_late = my_readings.get(assignment_id)
                read = read_late is not None
                cells.append(_EMPTY_CELLS[(True, read, bool(read_late), past_due and not read)])
            elif assignment_id in my_attempts:
                cells.append(_quiz_cell(method, my_attempts[assignment_id], past_due))
            else:
                cells.append(empty[past_due])
        rows.append(GradebookRow(student=student, cells=cells, missing_as_zero=missing_as_zero))
    # The few students with their own due date: late and missing by that date instead.
    extended = _extensions_with_hand_in(assignments)
    if extended:
        row_of = {row.student.pk: row for row in rows}
        column_of = {assignment_id: n for n, (assignment_id, _, _) in enumerate(columns)}
        for (student_id, assignment_id), (due_at, done_at) in extended.items():
            if student_id in row_of and assignment_id in column_of:
                cells = row_of[student_id].cells
                cell = cells[column_of[assignment_id]]
                done = cell.is_read or cell.attempts > 0
                cells[column_of[assignment_id]] = cell._replace(
                    is_late=done and done_at is not None and done_at > due_at,
                    is_missing=not done and now > due_at,
                )
    return Gradebook(
        classroom=classroom, assignments=assignments, rows=rows, missing_as_zero=missing_as_zero
    )


def _extensions_with_hand_in(
    assignments: list[Assignment],
) -> dict[tuple[int, int], tuple[datetime, datetime | None]]:
    """(student id, assignment id) -> the student's own due date and when they first
    handed the work in (their first submitted attempt, or their reading of the lesson)."""
    pair = {"assignment_id": OuterRef("assignment_id"), "student_id": OuterRef("student_id")}
    first_hand_in = (
        Attempt.objects.filter(**pair, submitted_at__isnull=False)
        .order_by("number")
        .values("submitted_at")[:1]
    )
    reading = LessonReading.objects.filter(**pair).order_by().values("read_at")[:1]
    extensions = (
        AssignmentExtension.objects.filter(assignment__in=assignments)
        .annotate(done_at=Coalesce(Subquery(first_hand_in), Subquery(reading)))
        .values_list("student_id", "assignment_id", "due_at", "done_at")
    )
    return {(student, assignment): (due, done) for student, assignment, due, done in extensions}


def gradebook_csv_rows(gradebook: Gradebook) -> list[list[str]]:
    """The gradebook as spreadsheet rows: a header, then one row per student."""
    average = "Average (missing counted as 0)" if gradebook.missing_as_zero else "Average"
    header = ["Student", "Username", average]
    for assignment in gradebook.assignments:
        due = f" (due {assignment.due_at:%Y-%m-%d})" if assignment.due_at else ""
        header.append(f"{assignment.title}{due}")
    rows = [header]
    for row in gradebook.rows:
        average = f"{row.average:.1f}" if row.average is not None else ""
        line = [str(row.student), row.student.username, average]
        for cell in row.cells:
            if cell.is_lesson:
                text = "read" if cell.is_read else "not read"
            else:
                text = f"{cell.grade:.1f}" if cell.grade is not None else ""
            flags = [
                flag for flag, on in (("late", cell.is_late), ("missing", cell.is_missing)) if on
            ]
            line.append(" ".join([text, *flags]).strip())
        rows.append(line)
    return rows

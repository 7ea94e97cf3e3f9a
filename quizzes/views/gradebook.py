"""The teacher's gradebook, its CSV export, a student's drill-down and an assignment's
statistics."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify

from quizzes.models import Attempt, Classroom, Enrolment
from quizzes.selectors.classes import student_drilldown
from quizzes.selectors.gradebook import classroom_gradebook, gradebook_csv_rows
from quizzes.selectors.statistics import assignment_statistics
from quizzes.services.attempts import attempts_submit_expired
from quizzes.spreadsheets import csv_download
from quizzes.views.access import taught_classroom, teacher_required


def _graded_classroom(request: HttpRequest, pk: int) -> Classroom:
    """The teacher's class, with attempts whose time ran out handed in first, so the
    grades shown include what those students saved in time (no scheduler needed)."""
    classroom = taught_classroom(request, pk)
    attempts_submit_expired(Attempt.objects.filter(assignment__classroom=classroom))
    return classroom


def _missing_as_zero(request: HttpRequest) -> bool:
    return request.GET.get("missing") == "zero"


@teacher_required
def gradebook(request: HttpRequest, pk: int) -> HttpResponse:
    """Students by assignments: grades coloured by band, late and missing marked; each
    graded cell links to the attempt that counts."""
    classroom = _graded_classroom(request, pk)
    book = classroom_gradebook(classroom=classroom, missing_as_zero=_missing_as_zero(request))
    context = {"classroom": classroom, "gradebook": book}
    return render(request, "quizzes/gradebook_table.html", context)


@teacher_required
def gradebook_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The gradebook as a CSV file."""
    classroom = _graded_classroom(request, pk)
    rows = gradebook_csv_rows(
        classroom_gradebook(classroom=classroom, missing_as_zero=_missing_as_zero(request))
    )
    filename = f"{slugify(classroom.name) or 'class'}-gradebook-{timezone.now():%Y-%m-%d}.csv"
    return csv_download(filename=filename, rows=rows)


@teacher_required
def gradebook_student(request: HttpRequest, pk: int, student_id: int) -> HttpResponse:
    """One student's grades, every attempt and every answer (removed students included)."""
    classroom = _graded_classroom(request, pk)
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("student"), classroom=classroom, student_id=student_id
    )
    context = {
        "classroom": classroom,
        "drilldown": student_drilldown(classroom=classroom, enrolment=enrolment),
    }
    return render(request, "quizzes/gradebook_student.html", context)


@teacher_required
def assignment_statistics_page(request: HttpRequest, pk: int, assignment_id: int) -> HttpResponse:
    """A quiz assignment's score distribution, question statistics and weak key points."""
    classroom = _graded_classroom(request, pk)
    assignment = get_object_or_404(
        classroom.assignments.select_related("quiz").filter(quiz__isnull=False),
        pk=assignment_id,
    )
    include_all = request.GET.get("attempts") == "all"
    statistics = assignment_statistics(assignment=assignment, include_all_attempts=include_all)
    chart = {
        "labels": [bin.label for bin in statistics.distribution],
        "counts": [bin.count for bin in statistics.distribution],
    }
    context = {"classroom": classroom, "statistics": statistics, "chart": chart}
    return render(request, "quizzes/statistics_assignment.html", context)

"""Reads for the classes pages: class lists, a student's drill-down and the student
dashboard (the gradebook has a module of its own, `selectors.gradebook`). Each uses a fixed
number of queries whatever the class size."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from quizzes.grading import NO_GRADE_BAND, ScoreBand, assignment_grade, score_band
from quizzes.models import (
    Answer,
    Assignment,
    AssignmentChange,
    AssignmentExtension,
    Attempt,
    Classroom,
    Enrolment,
    LessonReading,
)

# The gradebook's names stay importable from here, as before it had a module of its own.
from quizzes.selectors.gradebook import (  # noqa: F401
    Gradebook,
    GradebookCell,
    GradebookRow,
    attempt_review_url,
    attempt_review_url_pattern,
    classroom_assignments,
    classroom_gradebook,
    gradebook_csv_rows,
)
from quizzes.statistics import NO_ANSWER, answer_labels

# Soonest due first; assignments without a due date last.
DUE_ORDER = (F("due_at").asc(nulls_last=True), "pk")
ATTEMPT_FIELDS = ("pk", "assignment_id", "student_id", "number", "submitted_at", "score")


def assignment_start_url(assignment_id: int) -> str:
    """Where a student starts or continues an assigned quiz."""
    return reverse("quizzes:attempt_start", args=[assignment_id])


@dataclass(frozen=True)
class AttemptSummary:
    pk: int
    number: int
    submitted_at: datetime | None
    percent: float | None

    @property
    def review_url(self) -> str:
        return attempt_review_url(self.pk)


@dataclass
class AssignmentStatus:
    """Where one student stands on one assignment."""

    assignment: Assignment
    submitted: list[AttemptSummary] = field(default_factory=list)
    open_attempt: AttemptSummary | None = None
    read_at: datetime | None = None
    due_at: datetime | None = None  # the class's due date, or this student's extension
    is_extended: bool = False
    grade: float | None = None
    band: ScoreBand = NO_GRADE_BAND
    is_done: bool = False
    is_late: bool = False
    is_missing: bool = False

    @property
    def is_lesson(self) -> bool:
        return self.assignment.lesson_id is not None

    @property
    def attempts_left(self) -> int | None:
        """None when the quiz allows any number of attempts."""
        allowed = self.assignment.quiz.attempts_allowed if self.assignment.quiz_id else 0
        return None if not allowed else max(0, allowed - len(self.submitted))

    @property
    def start_url(self) -> str:
        return assignment_start_url(self.assignment.pk)

    @property
    def opens_later(self) -> bool:
        quiz = self.assignment.quiz
        return bool(quiz and quiz.opens_at and timezone.now() < quiz.opens_at)

    @property
    def is_closed(self) -> bool:
        quiz = self.assignment.quiz
        return bool(quiz and quiz.closes_at and timezone.now() > quiz.closes_at)

    @property
    def can_start(self) -> bool:
        """A quiz with an attempt left that is open now (the start page checks again)."""
        if self.is_lesson or self.open_attempt is not None:
            return False
        if self.opens_later or self.is_closed:
            return False
        return self.attempts_left is None or self.attempts_left > 0

    @property
    def last_submitted(self) -> AttemptSummary | None:
        return self.submitted[-1] if self.submitted else None

    @property
    def grade_text(self) -> str:
        if self.is_lesson:
            return "Read" if self.read_at else "Not read"
        return f"{self.grade:.0f}%" if self.grade is not None else "—"


def _percent(row: dict) -> float | None:
    if row["score"] is None or not row["max_score"]:
        return None
    return 100 * row["score"] / row["max_score"]


def assignment_status(
    *,
    assignment: Assignment,
    attempts: Iterable[dict],
    read_at: datetime | None,
    now: datetime,
    extended_to: datetime | None = None,
) -> AssignmentStatus:
    """Grade, lateness and what is missing for one student, from their attempt rows;
    `extended_to` is the student's own later due date, if the teacher gave one."""
    due_at = extended_to or assignment.due_at
    status = AssignmentStatus(
        assignment=assignment,
        read_at=read_at,
        due_at=due_at,
        is_extended=extended_to is not None,
    )
    for row in sorted(attempts, key=lambda row: row["number"]):
        summary = AttemptSummary(row["pk"], row["number"], row["submitted_at"], _percent(row))
        if row["submitted_at"] is None:
            status.open_attempt = summary
        else:
            status.submitted.append(summary)
    if status.is_lesson:
        status.is_done = read_at is not None
        done_at = read_at
    else:
        status.grade = assignment_grade(
            [summary.percent for summary in status.submitted], assignment.quiz.grading_method
        )
        status.band = score_band(status.grade)
        status.is_done = bool(status.submitted)
        done_at = status.submitted[0].submitted_at if status.submitted else None
    status.is_late = bool(due_at and done_at and done_at > due_at)
    status.is_missing = bool(due_at and not status.is_done and now > due_at)
    return status


def classroom_list(*, user, archived: bool = False) -> QuerySet[Classroom]:
    """The classes the user teaches (every class, for an admin) with roster and
    assignment counts."""
    classes = Classroom.objects.for_teacher(user).select_related("teacher")
    classes = classes.exclude(archived_at=None) if archived else classes.filter(archived_at=None)
    return classes.annotate(
        student_count=Count(
            "enrolments", filter=Q(enrolments__removed_at__isnull=True), distinct=True
        ),
        assignment_count=Count("assignments", distinct=True),
    )


def classroom_removed_assignments(*, classroom: Classroom) -> list[Assignment]:
    """Assignments the teacher removed, most recent first (they can be restored)."""
    return list(
        classroom.assignments.exclude(removed_at=None)
        .select_related("quiz", "lesson")
        .order_by("-removed_at", "-pk")
    )


def extensions_by_student(
    assignments: Iterable[Assignment], *, student=None
) -> dict[tuple[int, int], datetime]:
    """(student id, assignment id) -> the student's own due date, in one query."""
    extensions = AssignmentExtension.objects.filter(assignment__in=list(assignments))
    if student is not None:
        extensions = extensions.filter(student=student)
    return {
        (row["student_id"], row["assignment_id"]): row["due_at"]
        for row in extensions.values("student_id", "assignment_id", "due_at")
    }


def assignment_history(*, assignment: Assignment) -> list[AssignmentChange]:
    """What teachers did to the assignment, newest first, with who and for whom."""
    return list(assignment.changes.select_related("changed_by", "student"))


def assignment_extensions(*, assignment: Assignment) -> list[AssignmentExtension]:
    """The students with their own due date for this assignment."""
    return list(
        assignment.extensions.select_related("student").order_by(
            "student__last_name", "student__first_name"
        )
    )


def due_for_student(*, assignment: Assignment, student) -> datetime | None:
    """The due date this student works to: their extension, else the class's."""
    extension = (
        AssignmentExtension.objects.filter(assignment=assignment, student=student)
        .values_list("due_at", flat=True)
        .first()
    )
    return extension or assignment.due_at


def due_for_attempt(attempt: Attempt) -> datetime | None:
    """The due date the attempt's student works to, as `due_for_student` gives it, from an
    attempt read `with_extension_due_at()` (no query)."""
    return attempt.extension_due_at or attempt.assignment.due_at


def classroom_roster(*, classroom: Classroom) -> list[Enrolment]:
    """Everyone ever enrolled: current students first, then removed ones."""
    enrolments = classroom.enrolments.select_related("student").order_by(
        "removed_at", "student__last_name", "student__first_name", "student__username"
    )
    return sorted(enrolments, key=lambda enrolment: enrolment.removed_at is not None)


@dataclass
class DrilldownSection:
    status: AssignmentStatus
    attempts: list[Attempt]

    @property
    def attempt_links(self) -> list[tuple[Attempt, str]]:
        return [(attempt, attempt_review_url(attempt.pk)) for attempt in self.attempts]


@dataclass
class StudentDrilldown:
    enrolment: Enrolment
    sections: list[DrilldownSection]


def student_drilldown(
    *, classroom: Classroom, enrolment: Enrolment, now: datetime | None = None
) -> StudentDrilldown:
    """Every assignment of the class with the student's grade, attempts and answers."""
    now = now or timezone.now()
    assignments = classroom_assignments(classroom=classroom)
    attempts = list(
        Attempt.objects.filter(assignment__classroom=classroom, student=enrolment.student)
        .order_by("assignment_id", "number")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
    )
    by_assignment: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        by_assignment[attempt.assignment_id].append(attempt)
        for answer in attempt.answers.all():
            labels = answer_labels(answer.given)
            answer.given_text = "" if labels == [NO_ANSWER] else ", ".join(labels)
    readings = dict(
        LessonReading.objects.filter(
            assignment__classroom=classroom, student=enrolment.student
        ).values_list("assignment_id", "read_at")
    )
    extended = extensions_by_student(assignments, student=enrolment.student)
    sections = [
        DrilldownSection(
            status=assignment_status(
                assignment=assignment,
                attempts=[
                    {
                        "pk": attempt.pk,
                        "number": attempt.number,
                        "submitted_at": attempt.submitted_at,
                        "score": attempt.score,
                        "max_score": attempt.max_score,
                    }
                    for attempt in by_assignment.get(assignment.pk, [])
                ],
                read_at=readings.get(assignment.pk),
                now=now,
                extended_to=extended.get((enrolment.student_id, assignment.pk)),
            ),
            attempts=by_assignment.get(assignment.pk, []),
        )
        for assignment in assignments
    ]
    return StudentDrilldown(enrolment=enrolment, sections=sections)


@dataclass
class Dashboard:
    due: list[AssignmentStatus]
    overdue: list[AssignmentStatus]
    done: list[AssignmentStatus]
    classrooms: list[Classroom]


def student_dashboard(*, student, now: datetime | None = None) -> Dashboard:
    """The student's assignments across their current classes: due, overdue and done."""
    now = now or timezone.now()
    classrooms = list(Classroom.objects.active().for_student(student).select_related("teacher"))
    assignments = list(
        Assignment.objects.current()
        .filter(classroom__in=[classroom.pk for classroom in classrooms])
        .select_related("quiz", "lesson", "classroom")
        .order_by(*DUE_ORDER)
    )
    attempts: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Attempt.objects.for_student(student)
        .filter(assignment__in=assignments)
        .values(*ATTEMPT_FIELDS, "max_score")
    ):
        attempts[row["assignment_id"]].append(row)
    readings = dict(
        LessonReading.objects.filter(student=student, assignment__in=assignments).values_list(
            "assignment_id", "read_at"
        )
    )
    extended = extensions_by_student(assignments, student=student)
    dashboard = Dashboard(due=[], overdue=[], done=[], classrooms=classrooms)
    for assignment in assignments:
        status = assignment_status(
            assignment=assignment,
            attempts=attempts.get(assignment.pk, []),
            read_at=readings.get(assignment.pk),
            now=now,
            extended_to=extended.get((student.pk, assignment.pk)),
        )
        if status.is_done:
            dashboard.done.append(status)
        elif status.is_missing:
            dashboard.overdue.append(status)
        else:
            dashboard.due.append(status)
    # Most recent work first among the done.
    dashboard.done.sort(key=lambda status: status.due_at or now, reverse=True)
    # An extension can move an assignment later than the class's order put it.
    dashboard.due.sort(key=lambda status: (status.due_at is None, status.due_at or now))
    return dashboard

"""Writes for assignments: give a class a lesson or a quiz, change its due date, extend it
for one student, remove and restore it. Every change leaves a row in AssignmentChange."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lessons.models import Lesson
from quizzes.dates import date_phrase
from quizzes.models import (
    AnswerVisibility,
    Assignment,
    AssignmentChange,
    AssignmentExtension,
    Classroom,
    Quiz,
)

Action = AssignmentChange.Action


def due_date_problem(due_at: datetime | None, *, now: datetime | None = None) -> str | None:
    """Why a new due date cannot be used, or None. A date already gone would make every
    student "Missing" at once, so it is refused with the reason."""
    now = now or timezone.now()
    if due_at is not None and due_at <= now:
        return (
            f"That date ({date_phrase(due_at, now=now)}) has already passed: every student "
            "would be marked missing at once. Choose a later date, or leave it empty."
        )
    return None


def answers_after_due_problem(*, quiz: Quiz | None, due_at: datetime | None) -> str | None:
    """Why a quiz cannot be given this due date, or None: a quiz that shows its answers
    after the due date needs one, else they would never be safe to show."""
    if quiz is not None and quiz.answers_visible == AnswerVisibility.AFTER_DUE and not due_at:
        return "This quiz shows its answers after the due date: give the assignment a due date."
    return None


def _check_due(due_at: datetime | None, *, quiz: Quiz | None = None) -> None:
    problem = due_date_problem(due_at)
    if problem:
        raise ValidationError(problem, code="past")
    problem = answers_after_due_problem(quiz=quiz, due_at=due_at)
    if problem:
        raise ValidationError(problem, code="needs_due_date")


def _record(assignment: Assignment, action: str, by, **details) -> AssignmentChange:
    return AssignmentChange.objects.create(
        assignment=assignment, action=action, changed_by=by, **details
    )


@transaction.atomic
def assignment_create(
    *,
    classroom: Classroom,
    assigned_by,
    due_at: datetime | None,
    lesson: Lesson | None = None,
    quiz: Quiz | None = None,
) -> Assignment:
    """Give the class a lesson to read or one of the teacher's own quizzes."""
    if (lesson is None) == (quiz is None):
        raise ValidationError("Assign either a lesson or a quiz.")
    if quiz is not None and not Quiz.objects.for_teacher(assigned_by).filter(pk=quiz.pk).exists():
        raise PermissionDenied("Teachers assign only their own quizzes.")
    _check_due(due_at, quiz=quiz)
    assignment = Assignment.objects.create(
        classroom=classroom, assigned_by=assigned_by, due_at=due_at, lesson=lesson, quiz=quiz
    )
    _record(assignment, Action.ASSIGNED, assigned_by, new_due_at=due_at)
    return assignment


@transaction.atomic
def assignments_create(
    *,
    classroom: Classroom,
    assigned_by,
    due_at: datetime | None,
    lesson: Lesson | None = None,
    quiz: Quiz | None = None,
) -> list[Assignment]:
    """Assign the quiz, the lesson, or both (one assignment each, the same due date);
    all or nothing."""
    if lesson is None and quiz is None:
        raise ValidationError("Choose a quiz, a lesson, or both.")
    made = []
    if quiz is not None:
        made.append(
            assignment_create(
                classroom=classroom, assigned_by=assigned_by, due_at=due_at, quiz=quiz
            )
        )
    if lesson is not None:
        made.append(
            assignment_create(
                classroom=classroom, assigned_by=assigned_by, due_at=due_at, lesson=lesson
            )
        )
    return made


@transaction.atomic
def assignment_set_due(
    *, assignment: Assignment, due_at: datetime | None, changed_by
) -> Assignment:
    """Move the class's due date (later, earlier but still ahead, or none at all)."""
    if due_at == assignment.due_at:
        return assignment
    _check_due(due_at, quiz=assignment.quiz)
    old = assignment.due_at
    assignment.due_at = due_at
    assignment.save(update_fields=["due_at"])
    _record(assignment, Action.DUE_CHANGED, changed_by, old_due_at=old, new_due_at=due_at)
    return assignment


@transaction.atomic
def assignment_extend_for_student(
    *, assignment: Assignment, student, due_at: datetime, granted_by
) -> AssignmentExtension:
    """Give one current student of the class a later due date than the class's."""
    if not assignment.classroom.enrolments.current().filter(student=student).exists():
        raise ValidationError("That student is not in this class.")
    _check_due(due_at)
    if assignment.due_at is not None and due_at <= assignment.due_at:
        raise ValidationError(
            "An extension gives more time: choose a date after the class's due date "
            f"({date_phrase(assignment.due_at)})."
        )
    extension = AssignmentExtension.objects.filter(assignment=assignment, student=student).first()
    old = extension.due_at if extension else assignment.due_at
    if extension is None:
        extension = AssignmentExtension(assignment=assignment, student=student)
    extension.due_at = due_at
    extension.granted_by = granted_by
    extension.granted_at = timezone.now()
    extension.save()
    _record(
        assignment, Action.EXTENDED, granted_by, student=student, old_due_at=old, new_due_at=due_at
    )
    return extension


@transaction.atomic
def assignment_remove(*, assignment: Assignment, removed_by) -> Assignment:
    """Take the assignment away from students and the gradebook; attempts, readings and
    the record stay, and it can be restored."""
    if assignment.removed_at is None:
        assignment.removed_at = timezone.now()
        assignment.save(update_fields=["removed_at"])
        _record(assignment, Action.REMOVED, removed_by, old_due_at=assignment.due_at)
    return assignment


@transaction.atomic
def assignment_restore(*, assignment: Assignment, restored_by) -> Assignment:
    """Give a removed assignment back to the class, as it was."""
    if assignment.removed_at is not None:
        assignment.removed_at = None
        assignment.save(update_fields=["removed_at"])
        _record(assignment, Action.RESTORED, restored_by, new_due_at=assignment.due_at)
    return assignment

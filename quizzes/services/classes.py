"""Writes for teachers' classes: classes, join codes, enrolments and readings (assignments
live in services/assignments.py)."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from history_quiz.ratelimit import count_one, limits_reached
from quizzes.models import Assignment, Classroom, Enrolment, LessonReading
from quizzes.services.enrolments import enrolment_make_current

# No 0/O, 1/I/L: a code read aloud or copied from a board must not be mistyped.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
JOIN_FAILURE_LIMIT = 10
# A school's pupils often share one address: allow a class's worth of typos from it.
JOIN_FAILURE_LIMIT_PER_ADDRESS = 30
JOIN_FAILURE_WINDOW_SECONDS = 15 * 60


class JoinThrottled(Exception):
    """Too many wrong join codes from this account or this address."""


def join_code_make() -> str:
    """A fresh random join code made only of characters that cannot be confused."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def join_code_normalize(code: str) -> str:
    """Read a typed code the way it was printed: upper case, no spaces or dashes."""
    return "".join(code.split()).replace("-", "").upper()


def join_code_unused() -> str:
    """A fresh join code no class has."""
    while True:
        code = join_code_make()
        if not Classroom.objects.filter(join_code=code).exists():
            return code


@transaction.atomic
def classroom_create(*, teacher, name: str) -> Classroom:
    """A new class taught by `teacher`, open to join with a fresh code."""
    if not teacher.can_edit_content:
        raise PermissionDenied("Only teachers create classes.")
    return Classroom.objects.create(
        name=name.strip(), teacher=teacher, join_code=join_code_unused()
    )


def classroom_rename(*, classroom: Classroom, name: str) -> Classroom:
    classroom.name = name.strip()
    classroom.save(update_fields=["name"])
    return classroom


def classroom_archive(*, classroom: Classroom) -> Classroom:
    """Hide the class from students' dashboards and close joining; records stay."""
    classroom.archived_at = timezone.now()
    classroom.save(update_fields=["archived_at"])
    return classroom


def classroom_unarchive(*, classroom: Classroom) -> Classroom:
    classroom.archived_at = None
    classroom.save(update_fields=["archived_at"])
    return classroom


def classroom_join_code_regenerate(*, classroom: Classroom) -> Classroom:
    """Replace the code (the old one stops working) and switch joining on."""
    classroom.join_code = join_code_unused()
    classroom.join_enabled = True
    classroom.save(update_fields=["join_code", "join_enabled"])
    return classroom


def classroom_join_code_set_enabled(*, classroom: Classroom, enabled: bool) -> Classroom:
    """Switch joining with the code on or off, keeping the code."""
    classroom.join_enabled = enabled
    if enabled and not classroom.join_code:
        classroom.join_code = join_code_unused()
    classroom.save(update_fields=["join_enabled", "join_code"])
    return classroom


def _throttle_limits(*, user_id: int, address: str) -> dict[str, int]:
    return {
        f"classes:join-failures:user:{user_id}": JOIN_FAILURE_LIMIT,
        f"classes:join-failures:addr:{address}": JOIN_FAILURE_LIMIT_PER_ADDRESS,
    }


def join_is_throttled(*, user_id: int, address: str) -> bool:
    """True when this account or this address has used up its wrong guesses for now."""
    return bool(limits_reached(_throttle_limits(user_id=user_id, address=address)))


def join_failure_record(*, user_id: int, address: str) -> None:
    """Count one wrong code against both the account and the address."""
    limits = _throttle_limits(user_id=user_id, address=address)
    count_one(limits, window_seconds=JOIN_FAILURE_WINDOW_SECONDS)


def classroom_enrol_student(*, student, code: str, address: str = "") -> Enrolment:
    """Put the student in the class whose join code this is (back in, if once removed).

    Wrong codes count against both the account and the address; past the limit every try
    is refused for a while, right or wrong, so codes cannot be guessed.
    """
    if not student.is_student:
        raise PermissionDenied("Only student accounts join classes.")
    if join_is_throttled(user_id=student.pk, address=address):
        raise JoinThrottled("Too many wrong codes. Wait 15 minutes, then try again.")
    classroom = (
        Classroom.objects.active()
        .filter(join_code=join_code_normalize(code), join_enabled=True)
        .first()
    )
    if classroom is None:
        join_failure_record(user_id=student.pk, address=address)
        raise ValidationError("No open class has that code. Check it with your teacher.")
    return enrolment_make_current(classroom=classroom, student=student)


def enrolment_remove(*, enrolment: Enrolment) -> Enrolment:
    """Take the student off the roster; their attempts and readings are kept."""
    if enrolment.removed_at is None:
        enrolment.removed_at = timezone.now()
        enrolment.save(update_fields=["removed_at"])
    return enrolment


def lesson_reading_mark(*, assignment: Assignment, student) -> LessonReading:
    """Record that the student read an assigned lesson (marking twice changes nothing)."""
    if assignment.lesson_id is None:
        raise ValidationError("Only lesson assignments are marked as read.")
    try:
        with transaction.atomic():
            reading, _ = LessonReading.objects.get_or_create(assignment=assignment, student=student)
    except IntegrityError:
        reading = LessonReading.objects.get(assignment=assignment, student=student)
    return reading

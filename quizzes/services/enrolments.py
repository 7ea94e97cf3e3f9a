"""Writes for a class's roster beyond joining by code and the CSV import: students who
already have an account added by username or e-mail, and removed students put back."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from history_quiz.accounts.models import User
from quizzes.models import Classroom, Enrolment

ADD_EXISTING_MAX = 100


@dataclass
class StudentsAdded:
    added: list = field(default_factory=list)  # new to the class
    back: list = field(default_factory=list)  # removed once, now back with their work
    already: list = field(default_factory=list)  # in the class already


class StudentsNotFound(Exception):
    """Some lines name no student account (or more than one); nothing was added."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__(f"{len(problems)} line(s) not matched")
        self.problems = problems


def identifiers_read(text: str) -> list[str]:
    """One username or e-mail address a line (commas and semicolons also separate), each
    once, in the order given."""
    seen: dict[str, str] = {}
    for part in text.replace(",", "\n").replace(";", "\n").splitlines():
        word = part.strip()
        if word and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())


def _students_by_identifier(identifiers: list[str]) -> dict[str, list[User]]:
    """Each identifier (lower case) with the student accounts whose username or e-mail it
    is, ignoring case, from one query."""
    lowered = [word.lower() for word in identifiers]
    found: dict[str, list[User]] = {word: [] for word in lowered}
    students = (
        User.objects.students()
        .filter(is_staff=False, is_active=True)
        .annotate(username_lower=Lower("username"), email_lower=Lower("email"))
        .filter(Q(username_lower__in=lowered) | Q(email_lower__in=lowered))
    )
    for student in students:
        for key in {student.username_lower, student.email_lower}:
            if key in found:
                found[key].append(student)
    return found


@transaction.atomic
def classroom_add_existing_students(*, classroom: Classroom, text: str) -> StudentsAdded:
    """Enrol the student accounts named by username or e-mail, one a line; students once
    removed come back with their work. All or nothing: an unknown name adds nobody."""
    identifiers = identifiers_read(text)
    if not identifiers:
        raise StudentsNotFound([("", "Give at least one username or e-mail address.")])
    if len(identifiers) > ADD_EXISTING_MAX:
        raise StudentsNotFound([("", f"Add at most {ADD_EXISTING_MAX} students at a time.")])
    found = _students_by_identifier(identifiers)
    problems = []
    for word in identifiers:
        matches = found[word.lower()]
        if not matches:
            # Teachers' and admins' accounts read the same: the roster holds students only.
            problems.append((word, "No student account has this username or e-mail address."))
        elif len(matches) > 1:
            problems.append((word, "More than one student has this e-mail: use the username."))
    if problems:
        raise StudentsNotFound(problems)
    students = [found[word.lower()][0] for word in identifiers]
    existing = {
        enrolment.student_id: enrolment
        for enrolment in Enrolment.objects.select_for_update().filter(
            classroom=classroom, student__in=students
        )
    }
    outcome = StudentsAdded()
    for student in students:
        enrolment = existing.get(student.pk)
        if enrolment is None:
            Enrolment.objects.create(classroom=classroom, student=student)
            outcome.added.append(student)
        elif enrolment.removed_at is not None:
            enrolment_restore(enrolment=enrolment)
            outcome.back.append(student)
        else:
            outcome.already.append(student)
    return outcome


def enrolment_restore(*, enrolment: Enrolment) -> Enrolment:
    """Put a removed student back on the roster; their earlier work is still theirs."""
    if enrolment.removed_at is not None:
        enrolment.removed_at = None
        enrolment.joined_at = timezone.now()
        enrolment.save(update_fields=["removed_at", "joined_at"])
    return enrolment

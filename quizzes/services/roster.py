"""Roster import: a teacher pastes or uploads a CSV of students and gets accounts made.

All or nothing: every row is checked first, and a single bad row means no account is
made. Each new account gets a one-time password, returned once for the teacher to print
and hand out, which the student must replace at first login; only its hash is stored on
the account. From the web a worker makes the accounts (quizzes/jobs.py).
"""

import csv
import io
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from history_quiz.accounts.models import Role, User
from history_quiz.accounts.usernames import username_normalize
from quizzes.models import Classroom, Enrolment

# Hashing each password takes 0.2 to 0.4 s with Django's default hasher, in a worker: 200
# rows (a year group) take about a minute.
ROSTER_MAX_ROWS = 200
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_GROUP = 5


@dataclass(frozen=True)
class RosterRow:
    line: int
    first_name: str
    last_name: str
    username: str
    email: str


@dataclass(frozen=True)
class RosterError:
    line: int
    text: str
    problem: str


@dataclass(frozen=True)
class CreatedAccount:
    name: str
    username: str
    password: str


class RosterInvalid(Exception):
    """The roster has bad rows; nothing was created."""

    def __init__(self, errors: list[RosterError]):
        super().__init__(f"{len(errors)} bad row(s)")
        self.errors = errors


def one_time_password_make() -> str:
    """A password easy to copy from paper: two groups of unambiguous letters and digits."""
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP)) for _ in "ab"
    )
    return "-".join(groups)


def _username_base(first_name: str, last_name: str) -> str:
    ascii_name = (
        unicodedata.normalize("NFKD", f"{first_name}.{last_name}".strip("."))
        .encode("ascii", "ignore")
        .decode()
        .lower()
    )
    return re.sub(r"[^a-z0-9.]+", "", ascii_name).strip(".")[:30] or "student"


def _is_header(cells: list[str]) -> bool:
    return bool(cells) and cells[0].strip().lower() in {"name", "full name", "student"}


def roster_row_count(text: str) -> int:
    """How many rows a roster has (blank lines and a header aside), counted before any check."""
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        rows = [cells for cells in reader if any(cell.strip() for cell in cells)]
    except csv.Error:
        return 0  # roster_parse says what is wrong with it
    return len(rows) - (1 if rows and _is_header([c.strip() for c in rows[0]]) else 0)


def roster_parse(text: str) -> tuple[list[RosterRow], list[RosterError]]:
    """Read "name, username (optional), email (optional)" rows; a header row is skipped.

    Usernames left blank are made from the name, unique among existing accounts and the
    other rows.
    """
    rows: list[RosterRow] = []
    errors: list[RosterError] = []
    taken_in_file: set[str] = set()
    pending: list[tuple[int, str, str, str, str, str]] = []
    try:
        # newline="": the csv module reads "\r", "\n" and "\r\n" line ends itself.
        read = list(enumerate(csv.reader(io.StringIO(text, newline="")), start=1))
    except csv.Error as error:
        return [], [RosterError(0, "", f"The roster could not be read as CSV ({error}).")]
    for line, cells in read:
        cells = [cell.strip() for cell in cells]
        shown = ", ".join(cells)
        if not any(cells) or (line == 1 and _is_header(cells)):
            continue
        if len(cells) > 3:
            errors.append(RosterError(line, shown, "Too many columns (name, username, email)."))
            continue
        name, username, email = (cells + ["", ""])[:3]
        if not name:
            errors.append(RosterError(line, shown, "The name is missing."))
            continue
        first_name, _, last_name = name.partition(" ")
        if len(first_name) > 150 or len(last_name) > 150:
            errors.append(RosterError(line, shown, "The name is too long."))
            continue
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(RosterError(line, shown, "The email address is not valid."))
                continue
        if username:
            # The one username rule (sign-up's and the admin's): NFKC, case folded, one script.
            username = username_normalize(username)
            if len(username) > 150:
                errors.append(RosterError(line, shown, "The username is too long."))
                continue
            try:
                User.username_validator(username)
            except ValidationError as error:
                problem = (
                    error.messages[0]
                    if error.code == "mixed_scripts"
                    else "Usernames use letters, digits and @ . + - _."
                )
                errors.append(RosterError(line, shown, problem))
                continue
            if username in taken_in_file:
                errors.append(RosterError(line, shown, "This username is used twice in the file."))
                continue
            taken_in_file.add(username)
        pending.append((line, shown, first_name, last_name.strip(), username, email))
    if len(pending) + len(errors) > ROSTER_MAX_ROWS:
        return [], [RosterError(0, "", f"Import at most {ROSTER_MAX_ROWS} students at a time.")]

    # E-mail addresses are not looked up: the roster must not tell a teacher who else has
    # an account. A username has to be unique, so a taken one is said to be taken.
    given = [entry[4] for entry in pending if entry[4]]
    existing_usernames = set(
        User.objects.filter(username__in=given).values_list("username", flat=True)
    )
    for line, shown, first_name, last_name, username, email in pending:
        if username and username in existing_usernames:
            errors.append(RosterError(line, shown, "This username is taken: choose another."))
            continue
        rows.append(RosterRow(line, first_name, last_name, username, email))
    return _fill_usernames(rows, taken_in_file), sorted(errors, key=lambda error: error.line)


def _fill_usernames(rows: list[RosterRow], taken_in_file: set[str]) -> list[RosterRow]:
    bases = {_username_base(row.first_name, row.last_name) for row in rows if not row.username}
    taken = set(taken_in_file)
    for base in bases:
        taken.update(
            username_normalize(name)
            for name in User.objects.filter(username__istartswith=base).values_list(
                "username", flat=True
            )
        )
    filled = []
    for row in rows:
        username = row.username
        if not username:
            base = _username_base(row.first_name, row.last_name)
            username, number = base, 1
            while username in taken:
                number += 1
                username = f"{base}{number}"
            taken.add(username)
        filled.append(RosterRow(row.line, row.first_name, row.last_name, username, row.email))
    return filled


def roster_import(*, classroom: Classroom, text: str) -> list[CreatedAccount]:
    """Make a student account per row, enrolled in the class; raise RosterInvalid (having
    made nothing) when any row is bad."""
    rows, errors = roster_parse(text)
    if errors:
        raise RosterInvalid(errors)
    if not rows:
        raise RosterInvalid([RosterError(0, "", "The roster has no students.")])
    return roster_accounts_save(classroom=classroom, prepared=roster_passwords_make(rows=rows))


@dataclass(frozen=True)
class PreparedAccount:
    row: RosterRow
    password: str
    password_hash: str


def roster_passwords_make(
    *, rows: list[RosterRow], progress: Callable[[int, int], None] | None = None
) -> list[PreparedAccount]:
    """A one-time password and its hash per row: the slow part, done before any write."""
    prepared = []
    for number, row in enumerate(rows, start=1):
        password = one_time_password_make()
        prepared.append(PreparedAccount(row, password, make_password(password)))
        if progress:
            progress(number, len(rows))
    return prepared


def roster_accounts_save(
    *, classroom: Classroom, prepared: list[PreparedAccount]
) -> list[CreatedAccount]:
    """Make the accounts, enrolled in the class, in one short transaction; RosterInvalid
    (having made nothing) if a username was taken meanwhile."""
    try:
        return _accounts_create(classroom=classroom, prepared=prepared)
    except IntegrityError as error:
        # Another request took a username between the check and the insert.
        problem = "A username was just taken by someone else; import again."
        raise RosterInvalid([RosterError(0, "", problem)]) from error


@transaction.atomic
def _accounts_create(
    *, classroom: Classroom, prepared: list[PreparedAccount]
) -> list[CreatedAccount]:
    created: list[CreatedAccount] = []
    for account in prepared:
        row = account.row
        user = User.objects.create(
            username=row.username,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
            role=Role.STUDENT,
            password=account.password_hash,
            must_change_password=True,
        )
        Enrolment.objects.create(classroom=classroom, student=user)
        created.append(CreatedAccount(str(user), user.username, account.password))
    return created

"""Account writes: the demo accounts that `make run` creates, teacher access, which an
admin grants (a request approved, or an invitation link followed), password-reset limits
and the end of a roster account's one-time password."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from history_quiz.accounts.models import (
    Role,
    TeacherInvitation,
    TeacherRequest,
    TeacherRequestStatus,
    User,
)
from history_quiz.ratelimit import count_one, limits_reached


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    is_admin: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("admin", "admin-demo-pass", Role.TEACHER, "Ada", "Admin", is_admin=True),
    DemoAccount("teacher", "teacher-demo-pass", Role.TEACHER, "Tom", "Teacher"),
    DemoAccount("student1", "student-demo-pass", Role.STUDENT, "Sara", "Ahmed"),
    DemoAccount("student2", "student-demo-pass", Role.STUDENT, "Ben", "Okafor"),
    DemoAccount("student3", "student-demo-pass", Role.STUDENT, "Lena", "Novak"),
)


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create (or reset the passwords of) the demo admin, teacher and students."""
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=User.normalize_username(account.username))
        user.first_name = account.first_name
        user.last_name = account.last_name
        user.role = account.role
        user.is_staff = user.is_superuser = account.is_admin
        user.set_password(account.password)
        user.save()
    return list(DEMO_ACCOUNTS)


def teacher_grant(*, user: User) -> User:
    """Make the account a teacher's (an admin's decision, through a request or a link)."""
    if user.role != Role.TEACHER:
        user.role = Role.TEACHER
        user.save(update_fields=["role"])
    return user


@transaction.atomic
def teacher_request_submit(*, user: User, school: str, message: str = "") -> TeacherRequest:
    """A student asks an admin for teacher access; one request waits at a time."""
    if user.can_edit_content:
        raise ValidationError("You already have teacher access.")
    if TeacherRequest.objects.pending().filter(user=user).exists():
        raise ValidationError("Your request is already waiting for an admin.")
    try:
        with transaction.atomic():
            return TeacherRequest.objects.create(
                user=user, school=school.strip(), message=message.strip()
            )
    except IntegrityError:
        # The same request sent twice at once: the first one stands.
        raise ValidationError("Your request is already waiting for an admin.") from None


@transaction.atomic
def teacher_request_decide(*, request: TeacherRequest, approve: bool, by: User) -> TeacherRequest:
    """An admin approves (the account becomes a teacher's) or declines a waiting request."""
    if not by.is_staff:
        raise PermissionDenied("Only admins decide teacher requests.")
    locked = TeacherRequest.objects.select_for_update().select_related("user").get(pk=request.pk)
    if locked.status != TeacherRequestStatus.PENDING:
        raise ValidationError(f"This request was already {locked.get_status_display().lower()}.")
    locked.status = TeacherRequestStatus.APPROVED if approve else TeacherRequestStatus.DECLINED
    locked.decided_at = timezone.now()
    locked.decided_by = by
    locked.save(update_fields=["status", "decided_at", "decided_by"])
    if approve:
        teacher_grant(user=locked.user)
    return locked


def teacher_invitation_create(
    *, by: User, days: int, max_uses: int, note: str = ""
) -> TeacherInvitation:
    """A new invitation link, valid for `days` days and `max_uses` people."""
    if not by.is_staff:
        raise PermissionDenied("Only admins invite teachers.")
    if days < 1 or max_uses < 1:
        raise ValidationError("An invitation lasts a day or more and serves one person or more.")
    return TeacherInvitation.objects.create(
        created_by=by,
        note=note.strip(),
        expires_at=timezone.now() + timedelta(days=days),
        max_uses=max_uses,
    )


def teacher_invitation_revoke(*, invitation: TeacherInvitation) -> TeacherInvitation:
    """Stop the link working at once; accounts it already made stay teachers."""
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def teacher_invitation_accept(*, token: str, user: User) -> User:
    """Make the account a teacher's through a link that still works (one use of it).

    `user` may be a new account from the sign-up form, not saved yet: it is saved here,
    so a link used up a moment ago leaves no half-made account behind."""
    # Lock the row: two people following the last use at once must not both get it.
    invitation = TeacherInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise ValidationError("This invitation link is not valid.")
    if user.pk is not None and user.can_edit_content:
        return user
    problem = invitation.problem()
    if problem:
        raise ValidationError(problem)
    invitation.uses += 1
    invitation.save(update_fields=["uses"])
    user.role = Role.TEACHER
    user.save()
    invitation.accepted_by.add(user)
    return user


# Reset e-mails: a person who lost a password needs one or two; more is someone else's doing.
RESET_EMAILS_PER_ADDRESS = 3
RESET_REQUESTS_PER_CLIENT = 10
RESET_WINDOW_SECONDS = 60 * 60


def password_reset_throttle(*, email: str, address: str) -> str:
    """Count a reset request, or say which limit it would pass ("" when it may go ahead).

    Counted for any address, known or not, so the answer tells nothing about accounts.
    """
    by_client = f"accounts:reset:client:{address}"
    by_email = f"accounts:reset:email:{email.strip().casefold()}"
    reached = limits_reached(
        {by_client: RESET_REQUESTS_PER_CLIENT, by_email: RESET_EMAILS_PER_ADDRESS}
    )
    if by_client in reached:
        return (
            f"Too many reset requests from your connection: at most "
            f"{RESET_REQUESTS_PER_CLIENT} reset requests an hour. Try again later."
        )
    if by_email in reached:
        return (
            f"This address was sent at most {RESET_EMAILS_PER_ADDRESS} reset e-mails an hour "
            "already: check its inbox (and spam folder), or try again later."
        )
    count_one([by_client, by_email], window_seconds=RESET_WINDOW_SECONDS)
    return ""


def account_password_chosen(*, user: User) -> None:
    """The person chose their own password: a one-time password no longer binds them."""
    if user.must_change_password:
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])

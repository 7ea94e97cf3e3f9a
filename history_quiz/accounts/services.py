"""Account writes: sign-up and the demo accounts that `make run` creates."""

from dataclasses import dataclass

from django.db import transaction

from history_quiz.accounts.models import Role, User
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
        user, _ = User.objects.get_or_create(username=account.username)
        user.first_name = account.first_name
        user.last_name = account.last_name
        user.role = account.role
        user.is_staff = user.is_superuser = account.is_admin
        user.set_password(account.password)
        user.save()
    return list(DEMO_ACCOUNTS)


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

"""Account writes: sign-up and the demo accounts that `make run` creates."""

from dataclasses import dataclass

from django.db import transaction

from history_quiz.accounts.models import Role, User


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

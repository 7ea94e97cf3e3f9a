from io import StringIO

from django.core.management import call_command

from history_quiz.accounts.models import User


def test_demo_accounts_are_created_and_printed(db):
    out = StringIO()

    call_command("create_demo_accounts", stdout=out)
    call_command("create_demo_accounts", stdout=StringIO())

    assert User.objects.count() == 5
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert User.objects.students().count() == 3
    printed = out.getvalue()
    assert all(name in printed for name in ["admin", "teacher", "student1", "student3"])
    assert "teacher-demo-pass" in printed
    assert User.objects.get(username="student1").check_password("student-demo-pass")

import re

from django.core import mail
from django.urls import reverse

from history_quiz.accounts.models import Role, User
from tests.accounts.factories import DEFAULT_PASSWORD


def test_signup_creates_a_student_account_and_logs_in(client, db):
    response = client.post(
        reverse("signup"),
        {
            "username": "newperson",
            "first_name": "Nadia",
            "last_name": "Karimi",
            "email": "",
            "password1": "a-long-enough-pass-42",
            "password2": "a-long-enough-pass-42",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(username="newperson")
    assert user.role == Role.STUDENT
    assert not user.is_staff
    assert client.get(reverse("lessons:lesson_list")).context["user"] == user


def test_login_and_logout(client, student):
    response = client.post(
        reverse("login"), {"username": student.username, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("lessons:lesson_list")).context["user"] == student

    client.post(reverse("logout"))

    assert not client.get(reverse("lessons:lesson_list")).context["user"].is_authenticated


def test_wrong_password_is_refused(client, student):
    response = client.post(reverse("login"), {"username": student.username, "password": "nope"})

    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_login_is_locked_after_repeated_failures(client, student, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": student.username, "password": "guess"})

    response = client.post(
        reverse("login"), {"username": student.username, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()


def test_password_change(client, student):
    client.force_login(student)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": "brand-new-secret-77",
            "new_password2": "brand-new-secret-77",
        },
    )

    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password("brand-new-secret-77")


def test_password_reset_by_email_link(client, student):
    client.post(reverse("password_reset"), {"email": student.email})

    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "after-reset-pass-99", "new_password2": "after-reset-pass-99"},
    )

    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password("after-reset-pass-99")


def test_navbar_shows_the_role(client, teacher, admin_user):
    client.force_login(teacher)
    assert ">Teacher</span>" in client.get(reverse("lessons:lesson_list")).content.decode()

    client.force_login(admin_user)
    html = client.get(reverse("lessons:lesson_list")).content.decode()
    assert ">Admin</span>" in html
    assert 'href="/admin/"' in html

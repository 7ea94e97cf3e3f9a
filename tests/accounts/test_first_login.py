"""Accounts a teacher made from a roster start with a one-time password that the student
must replace before doing anything else."""

import pytest
from django.urls import reverse

from history_quiz.accounts.models import User
from quizzes.services.roster import roster_import
from tests.quizzes.factories import ClassroomFactory


@pytest.fixture
def roster_student(db):
    [account] = roster_import(classroom=ClassroomFactory(), text="Sara Ahmed")
    return account


def _log_in(client, account, password=None):
    return client.post(
        reverse("login"),
        {"username": account.username, "password": password or account.password},
        follow=True,
    )


def test_a_roster_student_is_sent_to_change_the_one_time_password(client, roster_student):
    response = _log_in(client, roster_student)

    assert response.redirect_chain[-1][0] == reverse("password_change")
    assert "Choose your own password" in response.content.decode()
    assert client.get(reverse("quizzes:dashboard"))["Location"] == reverse("password_change")


def test_after_changing_it_the_student_goes_on_as_usual(client, roster_student):
    _log_in(client, roster_student)

    client.post(
        reverse("password_change"),
        {
            "old_password": roster_student.password,
            "new_password1": "my-own-long-pass-72",
            "new_password2": "my-own-long-pass-72",
        },
    )

    assert not User.objects.get(username=roster_student.username).must_change_password
    assert client.get(reverse("quizzes:dashboard")).status_code == 200


def test_the_one_time_password_cannot_be_kept(client, roster_student):
    _log_in(client, roster_student)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": roster_student.password,
            "new_password1": roster_student.password,
            "new_password2": roster_student.password,
        },
    )

    assert response.status_code == 200
    assert "different from the one-time password" in response.content.decode()
    assert User.objects.get(username=roster_student.username).must_change_password


def test_accounts_made_otherwise_are_not_asked(client, student):
    client.force_login(student)

    assert client.get(reverse("quizzes:dashboard")).status_code == 200

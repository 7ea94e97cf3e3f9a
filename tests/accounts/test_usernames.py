"""One username rule for the roster and sign-up (issue 11, fault 7)."""

import pytest

from quizzes.services.roster import roster_parse
from tests.accounts.factories import StudentFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username",
    [
        "Sara.Ahmed",  # a case variant of an existing account
        "ｓａｒａ.ａｈｍｅｄ",  # full-width letters
        "sаra.ahmed",  # a Cyrillic а among Latin letters
    ],
)
def test_roster_refuses_usernames_that_sign_up_would_refuse(username):
    StudentFactory(username="sara.ahmed")

    rows, errors = roster_parse(f"Sara Ahmed, {username}")

    assert not rows
    assert [error.line for error in errors] == [1]


@pytest.mark.django_db
def test_roster_answers_the_same_whether_or_not_an_email_has_an_account():
    StudentFactory(email="ben@example.org")

    used = roster_parse("Ben Okafor, benok, ben@example.org")
    unused = roster_parse("Ben Okafor, benok, nobody@example.org")

    assert [e.problem for e in used[1]] == [e.problem for e in unused[1]]
    assert len(used[0]) == len(unused[0])


SIGNUP = {
    "first_name": "Sara",
    "last_name": "Ahmed",
    "email": "",
    "password1": "a-long-enough-pass-42",
    "password2": "a-long-enough-pass-42",
}


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["Sara.Ahmed", "ｓａｒａ.ａｈｍｅｄ", "sаra.ahmed"])
def test_sign_up_refuses_the_same_names_as_the_roster(client, username):
    from django.urls import reverse

    from history_quiz.accounts.models import User

    StudentFactory(username="sara.ahmed")

    response = client.post(reverse("signup"), {**SIGNUP, "username": username})

    assert response.status_code == 200
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_username_is_stored_folded_and_logs_in_in_any_case(client):
    from django.urls import reverse

    from history_quiz.accounts.models import User

    client.post(reverse("signup"), {**SIGNUP, "username": "Sara.Ahmed"})
    client.logout()

    response = client.post(
        reverse("login"), {"username": "SARA.AHMED", "password": SIGNUP["password1"]}
    )

    assert User.objects.get().username == "sara.ahmed"
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_admin_refuses_a_mixed_script_username(client, admin_user):
    from django.urls import reverse

    from history_quiz.accounts.models import User

    client.force_login(admin_user)

    client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "admіn",
            "password1": "a-long-enough-pass-42",
            "password2": "a-long-enough-pass-42",
            "usable_password": "true",
            "role": "student",
        },
    )

    assert not User.objects.filter(username="admіn").exists()

"""The roster beyond joining by code and the CSV import: students who already have an
account are invited by username or e-mail and join only when they accept (as in Google
Classroom); the teacher's page reads the same whether or not an account exists; removal is
confirmed and can be undone; the join link comes with its QR code."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Enrolment
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    SubmittedAttemptFactory,
)

CLASS_PAGE_QUERIES = 8  # with one for the class's live games
INVITED = "Invitations sent; students with an account will see them on their dashboard."


@pytest.fixture
def classroom(teacher):
    return ClassroomFactory(teacher=teacher, name="Year 9 History", join_code="K7PX3M")


def invite(client, classroom, text):
    client.force_login(classroom.teacher)
    return client.post(
        reverse("quizzes:classroom_invite_students", args=[classroom.pk]),
        {"text": text},
        follow=True,
    )


def pending_list(client, classroom) -> str:
    """The class page's list of pending invitations, as the teacher sees it."""
    client.force_login(classroom.teacher)
    page = client.get(reverse("quizzes:classroom_detail", args=[classroom.pk])).content.decode()
    found = re.search(r'<ul[^>]*data-testid="pending-invitations".*?</ul>', page, re.S)
    # Each page masks its CSRF token afresh.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", found.group(0) if found else "")


def student_dashboard(client, student) -> str:
    client.force_login(student)
    return client.get(reverse("quizzes:dashboard")).content.decode()


def answer(client, student, classroom, choice):
    client.force_login(student)
    invitation = classroom.invitations.get()
    return client.post(
        reverse(f"quizzes:class_invitation_{choice}", args=[invitation.pk]), follow=True
    )


def without(text: str, *words: str) -> str:
    """The page with the invitation-specific words and numbers taken out."""
    for word in words:
        text = text.replace(word, "WORD")
    return re.sub(r"\d+", "N", text)


# What the teacher learns


def test_the_teacher_is_answered_the_same_whether_or_not_an_account_exists(client, classroom):
    StudentFactory(email="sara@example.org")

    for_an_account = invite(client, classroom, "sara@example.org")
    for_nobody = invite(client, classroom, "nobody@example.org")

    assert for_an_account.status_code == for_nobody.status_code == 200
    assert [str(m) for m in for_an_account.context["messages"]] == [INVITED]
    assert [str(m) for m in for_nobody.context["messages"]] == [INVITED]
    listed = pending_list(client, classroom)
    entries = re.findall(r"<li.*?</li>", listed, re.S)
    assert len(entries) == 2
    assert without(entries[0], "sara@example.org", "nobody@example.org") == without(
        entries[1], "sara@example.org", "nobody@example.org"
    )


def test_teachers_accounts_and_unknown_usernames_read_as_any_other(client, classroom):
    a_teacher = TeacherFactory(username="ms.jones")
    StudentFactory(username="sara.ahmed")

    response = invite(client, classroom, "ms.jones\nsara.ahmed\nnobody.here")

    assert [str(m) for m in response.context["messages"]] == [INVITED]
    entries = re.findall(r"<li.*?</li>", pending_list(client, classroom), re.S)
    assert len(entries) == 3
    assert len({without(e, "ms.jones", "sara.ahmed", "nobody.here") for e in entries}) == 1
    assert not classroom.enrolments.exists()
    assert a_teacher.enrolments.count() == 0


def test_a_decline_leaves_the_teachers_page_as_it_was(client, classroom):
    sara = StudentFactory(username="sara.ahmed")
    invite(client, classroom, "sara.ahmed")
    before = pending_list(client, classroom)

    answer(client, sara, classroom, "decline")

    assert pending_list(client, classroom) == before
    assert not classroom.enrolments.exists()


# What the student decides


def test_an_invited_student_is_not_enrolled_until_they_accept(client, classroom):
    sara = StudentFactory(username="sara.ahmed", email="Sara@Example.org")

    invite(client, classroom, "SARA@example.org")

    assert not Enrolment.objects.filter(student=sara).exists()
    dashboard = student_dashboard(client, sara)
    assert "Year 9 History" in dashboard and "Accept" in dashboard
    answer(client, sara, classroom, "accept")
    assert classroom.enrolments.current().filter(student=sara).exists()
    assert pending_list(client, classroom) == ""


def test_a_declined_invitation_enrols_nobody_and_leaves_the_dashboard(client, classroom):
    sara = StudentFactory(username="sara.ahmed")
    invite(client, classroom, "sara.ahmed")

    answer(client, sara, classroom, "decline")

    assert not classroom.enrolments.exists()
    assert "Year 9 History" not in student_dashboard(client, sara)


def test_a_removed_student_who_accepts_comes_back_with_their_work(client, classroom):
    enrolment = EnrolmentFactory(classroom=classroom)
    attempt = SubmittedAttemptFactory(
        assignment=AssignmentFactory(classroom=classroom), student=enrolment.student
    )
    client.force_login(classroom.teacher)
    client.post(reverse("quizzes:enrolment_remove", args=[classroom.pk, enrolment.student_id]))
    invite(client, classroom, enrolment.student.username)
    enrolment.refresh_from_db()
    assert enrolment.removed_at is not None

    answer(client, enrolment.student, classroom, "accept")

    enrolment.refresh_from_db()
    assert enrolment.removed_at is None
    assert Enrolment.objects.filter(classroom=classroom).count() == 1
    assert attempt.student.attempts.filter(pk=attempt.pk).exists()


def test_the_roster_invites_a_removed_student_back_instead_of_enrolling_them(client, classroom):
    enrolment = EnrolmentFactory(classroom=classroom)
    client.force_login(classroom.teacher)
    client.post(reverse("quizzes:enrolment_remove", args=[classroom.pk, enrolment.student_id]))

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        page = client.get(reverse("quizzes:classroom_detail", args=[classroom.pk]))
        assert "Invite back" in page.content.decode()
        late_undo = client.post(
            reverse("quizzes:enrolment_restore", args=[classroom.pk, enrolment.student_id]),
            follow=True,
        )

    enrolment.refresh_from_db()
    assert enrolment.removed_at is not None
    assert "invite them back" in late_undo.content.decode()


def test_a_withdrawn_invitation_is_gone_for_the_student_and_cannot_be_accepted(client, classroom):
    sara = StudentFactory(username="sara.ahmed")
    invite(client, classroom, "sara.ahmed")
    invitation = classroom.invitations.get()

    client.post(reverse("quizzes:class_invitation_withdraw", args=[classroom.pk, invitation.pk]))

    assert "sara.ahmed" not in pending_list(client, classroom)
    assert "Year 9 History" not in student_dashboard(client, sara)
    assert answer(client, sara, classroom, "accept").status_code == 404
    assert not classroom.enrolments.exists()


def test_a_student_cannot_answer_someone_elses_invitation(client, classroom):
    StudentFactory(username="sara.ahmed")
    invite(client, classroom, "sara.ahmed")

    response = answer(client, StudentFactory(), classroom, "accept")

    assert response.status_code == 404
    assert not classroom.enrolments.exists()


def test_invitations_expire_for_both_sides(client, classroom):
    sara = StudentFactory(username="sara.ahmed")
    invite(client, classroom, "sara.ahmed")

    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert "sara.ahmed" not in pending_list(client, classroom)
        assert "Year 9 History" not in student_dashboard(client, sara)
        assert answer(client, sara, classroom, "accept").status_code == 404


def test_an_empty_or_oversized_list_is_refused_with_a_message(client, classroom):
    empty = invite(client, classroom, "  \n ")
    too_many = invite(client, classroom, "\n".join(f"s{n}" for n in range(101)))

    assert empty.status_code == too_many.status_code == 400
    assert "at least one" in empty.content.decode()
    assert "at most 100" in too_many.content.decode()
    assert not classroom.invitations.exists()


def test_another_teacher_cannot_invite_to_or_withdraw_from_the_class(client, classroom):
    invite(client, classroom, "sara.ahmed")
    invitation = classroom.invitations.get()
    client.force_login(TeacherFactory())

    invited = client.post(
        reverse("quizzes:classroom_invite_students", args=[classroom.pk]), {"text": "ben"}
    )
    withdrawn = client.post(
        reverse("quizzes:class_invitation_withdraw", args=[classroom.pk, invitation.pk])
    )

    assert invited.status_code == withdrawn.status_code == 404
    assert classroom.invitations.count() == 1


# Removal and the join link


def test_remove_asks_first_and_can_be_undone(client, classroom):
    enrolment = EnrolmentFactory(classroom=classroom)
    client.force_login(classroom.teacher)
    url = reverse("quizzes:enrolment_remove", args=[classroom.pk, enrolment.student_id])

    question = client.get(url)
    assert question.status_code == 200 and "Yes, remove" in question.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.removed_at is None

    removed = client.post(url, follow=True).content.decode()
    enrolment.refresh_from_db()
    assert enrolment.removed_at is not None
    assert "Undo" in removed

    client.post(reverse("quizzes:enrolment_restore", args=[classroom.pk, enrolment.student_id]))
    enrolment.refresh_from_db()
    assert enrolment.removed_at is None


def test_the_join_link_is_shown_in_full_with_a_copy_button_and_a_qr_code(client, classroom):
    client.force_login(classroom.teacher)

    page = client.get(reverse("quizzes:classroom_detail", args=[classroom.pk])).content.decode()

    assert "http://testserver/classes/join/?code=K7PX3M" in page
    assert "data-copy-target" in page
    assert 'src="data:image/svg+xml' in page


def test_the_join_link_fills_in_the_code(client, student):
    client.force_login(student)

    page = client.get(reverse("quizzes:classroom_join") + "?code=K7PX3M").content.decode()

    assert 'value="K7PX3M"' in page


@pytest.mark.parametrize("size", [2, 30])
def test_the_class_page_queries_do_not_grow_with_students_or_invitations(
    client, classroom, size, django_assert_max_num_queries
):
    for number in range(size):
        EnrolmentFactory(classroom=classroom)
        invite(client, classroom, f"someone{number}@example.org")

    with django_assert_max_num_queries(CLASS_PAGE_QUERIES):
        page = client.get(reverse("quizzes:classroom_detail", args=[classroom.pk]))

    assert page.content.decode().count("Withdraw the invitation for") == size

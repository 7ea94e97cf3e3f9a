"""Teacher accounts are granted by an admin, never chosen at sign-up (issue 11, fault 1)."""

import pytest
from django.urls import reverse

from history_quiz.accounts.models import Role, User
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import QuestionFactory

SIGNUP = {
    "username": "keen",
    "first_name": "Kim",
    "last_name": "Keen",
    "email": "",
    "password1": "a-long-enough-pass-42",
    "password2": "a-long-enough-pass-42",
}


@pytest.mark.django_db
def test_ticking_teacher_at_sign_up_makes_a_student_who_reads_no_bank(client):
    lesson = LessonFactory()
    QuestionFactory(lesson=lesson)

    client.post(reverse("signup"), {**SIGNUP, "role": Role.TEACHER})

    assert User.objects.get(username="keen").role == Role.STUDENT
    bank = client.get(reverse("quizzes:bank_review", args=[lesson.slug]))
    export = client.get(reverse("quizzes:bank_download", args=[lesson.slug, "json"]))
    assert (bank.status_code, export.status_code) == (403, 403)


@pytest.fixture
def asking_student(db):
    from history_quiz.accounts.services import teacher_request_submit
    from tests.accounts.factories import StudentFactory

    student = StudentFactory()
    teacher_request_submit(user=student, school="Hillside Academy", message="Year 9 history")
    return student


def test_a_student_asks_for_teacher_access_and_stays_a_student_meanwhile(client, db):
    from tests.accounts.factories import StudentFactory

    student = StudentFactory()
    client.force_login(student)

    client.post(reverse("teacher_request"), {"school": "Hillside Academy", "message": "Y9"})

    student.refresh_from_db()
    assert student.role == Role.STUDENT
    assert student.teacher_requests.get().status == "pending"
    assert "Waiting for an admin" in client.get(reverse("teacher_request")).content.decode()


def test_a_second_request_while_one_waits_is_refused(client, asking_student):
    client.force_login(asking_student)

    client.post(reverse("teacher_request"), {"school": "Again", "message": ""})

    assert asking_student.teacher_requests.count() == 1


@pytest.mark.parametrize(
    ("decision", "role"), [("approve", Role.TEACHER), ("decline", Role.STUDENT)]
)
def test_an_admin_decides_a_request_on_the_sites_page(
    client, admin_user, asking_student, decision, role
):
    teacher_request = asking_student.teacher_requests.get()
    client.force_login(admin_user)
    assert "Hillside Academy" in client.get(reverse("teacher_request_list")).content.decode()

    client.post(
        reverse("teacher_request_decision", args=[teacher_request.pk]), {"decision": decision}
    )

    asking_student.refresh_from_db()
    teacher_request.refresh_from_db()
    assert asking_student.role == role
    assert teacher_request.decided_by == admin_user


def test_a_tampered_decision_is_a_bad_request(client, admin_user, asking_student):
    client.force_login(admin_user)

    url = reverse("teacher_request_decision", args=[asking_student.teacher_requests.get().pk])

    assert client.post(url, {"decision": "promote"}).status_code == 400


def test_the_admin_sites_action_approves_requests(client, admin_user, asking_student):
    client.force_login(admin_user)

    client.post(
        reverse("admin:accounts_teacherrequest_changelist"),
        {
            "action": "approve_requests",
            "_selected_action": [asking_student.teacher_requests.get().pk],
        },
    )

    asking_student.refresh_from_db()
    assert asking_student.role == Role.TEACHER


def test_a_teacher_cannot_decide_requests(client, teacher, asking_student):
    client.force_login(teacher)

    url = reverse("teacher_request_decision", args=[asking_student.teacher_requests.get().pk])

    assert client.post(url, {"decision": "approve"}).status_code == 403
    asking_student.refresh_from_db()
    assert asking_student.role == Role.STUDENT


def _invitation(admin_user, **fields):
    from history_quiz.accounts.services import teacher_invitation_create

    return teacher_invitation_create(
        by=admin_user, days=fields.pop("days", 7), max_uses=fields.pop("max_uses", 1)
    )


def test_a_new_visitor_makes_a_teacher_account_through_an_invitation(client, admin_user):
    invitation = _invitation(admin_user)

    client.post(reverse("teacher_invitation_follow", args=[invitation.token]), SIGNUP)

    user = User.objects.get(username="keen")
    assert user.role == Role.TEACHER
    assert list(invitation.accepted_by.all()) == [user]


def test_a_signed_in_student_becomes_a_teacher_through_an_invitation(client, student, admin_user):
    invitation = _invitation(admin_user)
    client.force_login(student)

    client.post(reverse("teacher_invitation_follow", args=[invitation.token]))

    student.refresh_from_db()
    assert student.role == Role.TEACHER


def test_an_invitation_serves_as_many_people_as_it_says(client, admin_user):
    from tests.accounts.factories import StudentFactory

    invitation = _invitation(admin_user, max_uses=2)
    students = StudentFactory.create_batch(3)
    for student in students:
        client.force_login(student)
        client.post(reverse("teacher_invitation_follow", args=[invitation.token]))

    roles = [User.objects.get(pk=student.pk).role for student in students]
    assert roles == [Role.TEACHER, Role.TEACHER, Role.STUDENT]


def test_an_expired_or_withdrawn_invitation_makes_nobody_a_teacher(client, admin_user):
    import time_machine

    expired, revoked = _invitation(admin_user, days=1), _invitation(admin_user)
    client.force_login(admin_user)
    client.post(reverse("teacher_invitation_revoke", args=[revoked.pk]))
    client.logout()

    with time_machine.travel(expired.expires_at):
        page = client.post(reverse("teacher_invitation_follow", args=[expired.token]), SIGNUP)
    withdrawn = client.post(reverse("teacher_invitation_follow", args=[revoked.token]), SIGNUP)

    assert "This invitation has expired." in page.content.decode()
    assert "This invitation was withdrawn." in withdrawn.content.decode()
    assert not User.objects.filter(username="keen").exists()


def test_an_unknown_invitation_link_is_refused(client, db):
    response = client.post(reverse("teacher_invitation_follow", args=["made-up"]), SIGNUP)

    assert response.status_code == 400
    assert not User.objects.filter(username="keen").exists()


def test_an_admin_makes_an_invitation_link_on_the_sites_page(client, admin_user):
    from history_quiz.accounts.models import TeacherInvitation

    client.force_login(admin_user)

    response = client.post(
        reverse("teacher_invitation_list"),
        {"note": "Ms Okafor", "days": 3, "max_uses": 2},
        follow=True,
    )

    invitation = TeacherInvitation.objects.get()
    assert (invitation.note, invitation.max_uses) == ("Ms Okafor", 2)
    assert invitation.token in response.content.decode()

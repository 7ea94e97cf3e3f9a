"""An admin sees every class invitation in the admin site: who typed what, for which class,
which accounts it reached and what they answered, and can withdraw invitations (a teacher
who has left, an invitation sent to the wrong class)."""

import pytest
from django.urls import reverse

from quizzes.services.enrolments import classroom_invite_students
from tests.accounts.factories import StudentFactory
from tests.quizzes.factories import ClassroomFactory


@pytest.fixture
def invitation(teacher):
    StudentFactory(username="amira")
    classroom = ClassroomFactory(teacher=teacher, name="Year 8 History")
    classroom_invite_students(classroom=classroom, text="amira\nnobody-here", by=teacher)
    return classroom.invitations.get(typed="amira")


def test_admin_lists_class_invitations_with_class_teacher_and_answers(
    client, admin_user, invitation
):
    client.force_login(admin_user)
    page = client.get(reverse("admin:quizzes_classinvitation_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Year 8 History" in text and "amira" in text and "nobody-here" in text

    detail = client.get(reverse("admin:quizzes_classinvitation_change", args=[invitation.pk]))
    assert detail.status_code == 200
    assert "amira" in detail.content.decode()  # the recipient, with no answer yet


def test_admin_withdraws_selected_invitations_and_the_student_no_longer_sees_them(
    client, admin_user, invitation
):
    student = invitation.recipients.get().student
    client.force_login(student)
    assert "Year 8 History" in client.get(reverse("quizzes:dashboard")).content.decode()

    client.force_login(admin_user)
    response = client.post(
        reverse("admin:quizzes_classinvitation_changelist"),
        {"action": "withdraw_invitations", "_selected_action": [invitation.pk]},
        follow=True,
    )
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    client.force_login(student)
    assert "Year 8 History" not in client.get(reverse("quizzes:dashboard")).content.decode()

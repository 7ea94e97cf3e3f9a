"""The roster beyond the CSV import: existing students added by username or e-mail, removed
ones added back, removal confirmed and undone, and the join link with its QR code."""

import pytest
from django.urls import reverse

from history_quiz.accounts.models import User
from quizzes.models import Enrolment
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.quizzes.factories import ClassroomFactory, EnrolmentFactory


@pytest.fixture
def classroom(teacher):
    return ClassroomFactory(teacher=teacher, join_code="K7PX3M")


def add(client, classroom, text):
    client.force_login(classroom.teacher)
    return client.post(
        reverse("quizzes:classroom_add_students", args=[classroom.pk]), {"text": text}, follow=True
    )


def test_existing_students_are_added_by_username_or_email(client, classroom):
    sara = StudentFactory(username="sara.ahmed")
    ben = StudentFactory(email="Ben@Example.org")
    accounts = User.objects.count()

    response = add(client, classroom, "SARA.AHMED\nben@example.org\n")

    assert set(classroom.enrolments.current().values_list("student", flat=True)) == {
        sara.pk,
        ben.pk,
    }
    assert User.objects.count() == accounts
    assert "Added to the class" in response.content.decode()


def test_a_removed_student_is_added_back_with_their_work(client, classroom):
    enrolment = EnrolmentFactory(classroom=classroom)
    client.force_login(classroom.teacher)
    client.post(reverse("quizzes:enrolment_remove", args=[classroom.pk, enrolment.student_id]))

    add(client, classroom, enrolment.student.username)

    enrolment.refresh_from_db()
    assert enrolment.removed_at is None
    assert Enrolment.objects.filter(classroom=classroom).count() == 1


def test_unknown_names_and_teachers_are_refused_and_nothing_is_added(client, classroom):
    known = StudentFactory()
    a_teacher = TeacherFactory()

    response = add(client, classroom, f"{known.username}\nnobody-here\n{a_teacher.username}")

    assert response.status_code == 400
    page = response.content.decode()
    assert "nobody-here" in page and a_teacher.username in page
    assert not classroom.enrolments.exists()
    assert known.username in page  # the teacher's list is kept in the box


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


def test_another_teacher_cannot_add_students_to_the_class(client, classroom):
    student = StudentFactory()
    client.force_login(TeacherFactory())

    response = client.post(
        reverse("quizzes:classroom_add_students", args=[classroom.pk]), {"text": student.username}
    )

    assert response.status_code == 404
    assert not classroom.enrolments.exists()

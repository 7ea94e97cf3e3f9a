"""Every classes URL for every role: anonymous, a student of the class, a student of another
class, the class's teacher, another teacher and an admin."""

import pytest
from django.urls import reverse

from tests.quizzes.classes_world import school_fixture  # noqa: F401

ROLES = ["anonymous", "class_student", "other_student", "class_teacher", "other_teacher", "admin"]

TEACHER_CLASS_PAGE = {
    "anonymous": 302,
    "class_student": 403,
    "other_student": 403,
    "class_teacher": 200,
    "other_teacher": 404,
    "admin": 200,
}
TEACHER_CLASS_ACTION = {**TEACHER_CLASS_PAGE, "class_teacher": 302, "admin": 302}


def class_pages(school):
    pk = school.classroom.pk
    student_id = school.users["class_student"].pk
    return {
        "classroom_detail": reverse("quizzes:classroom_detail", args=[pk]),
        "gradebook": reverse("quizzes:gradebook", args=[pk]),
        "gradebook_export": reverse("quizzes:gradebook_export", args=[pk]),
        "gradebook_student": reverse("quizzes:gradebook_student", args=[pk, student_id]),
        "assignment_statistics": reverse(
            "quizzes:assignment_statistics", args=[pk, school.quiz_assignment.pk]
        ),
        "classroom_roster_import": reverse("quizzes:classroom_roster_import", args=[pk]),
        "assignment_new": reverse("quizzes:assignment_new", args=[pk]),
    }


def class_actions(school):
    pk = school.classroom.pk
    student_id = school.users["class_student"].pk
    return {
        "classroom_rename": (reverse("quizzes:classroom_rename", args=[pk]), {"name": "New"}),
        "classroom_archive": (reverse("quizzes:classroom_archive", args=[pk]), {}),
        "classroom_join_code": (
            reverse("quizzes:classroom_join_code", args=[pk]),
            {"action": "regenerate"},
        ),
        "enrolment_remove": (
            reverse("quizzes:enrolment_remove", args=[pk, student_id]),
            {},
        ),
    }


def log_in_as(client, school, role):
    if role != "anonymous":
        client.force_login(school.users[role])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "page",
    [
        "classroom_detail",
        "gradebook",
        "gradebook_export",
        "gradebook_student",
        "assignment_statistics",
        "classroom_roster_import",
        "assignment_new",
    ],
)
def test_class_pages_open_only_for_the_teacher_and_admins(client, school, page, role):
    log_in_as(client, school, role)

    response = client.get(class_pages(school)[page])

    assert response.status_code == TEACHER_CLASS_PAGE[role]
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "action", ["classroom_rename", "classroom_archive", "classroom_join_code", "enrolment_remove"]
)
def test_class_actions_work_only_for_the_teacher_and_admins(client, school, action, role):
    log_in_as(client, school, role)
    url, data = class_actions(school)[action]

    response = client.post(url, data)

    assert response.status_code == TEACHER_CLASS_ACTION[role]
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("class_student", 403),
        ("other_student", 403),
        ("class_teacher", 200),
        ("other_teacher", 200),
        ("admin", 200),
    ],
)
def test_class_list_is_for_teachers(client, school, role, status):
    log_in_as(client, school, role)

    response = client.get(reverse("quizzes:classroom_index"))

    assert response.status_code == status


def test_other_teacher_does_not_see_the_class_in_their_list(client, school):
    client.force_login(school.users["other_teacher"])

    response = client.get(reverse("quizzes:classroom_index"))

    assert school.classroom.name not in response.content.decode()


def test_admin_sees_every_class_in_the_list(client, school):
    client.force_login(school.users["admin"])

    response = client.get(reverse("quizzes:classroom_index"))

    assert school.classroom.name in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("class_student", 200),
        ("other_student", 200),
        ("class_teacher", 403),
        ("other_teacher", 403),
        ("admin", 403),
    ],
)
def test_join_page_is_for_students(client, school, role, status):
    log_in_as(client, school, role)

    response = client.get(reverse("quizzes:classroom_join"))

    assert response.status_code == status


@pytest.mark.parametrize(
    ("role", "status", "target"),
    [
        ("anonymous", 302, "login"),
        ("class_student", 200, None),
        ("other_student", 200, None),
        ("class_teacher", 302, "quizzes:classroom_index"),
        ("other_teacher", 302, "quizzes:classroom_index"),
        ("admin", 302, "quizzes:classroom_index"),
    ],
)
def test_dashboard_is_for_students(client, school, role, status, target):
    log_in_as(client, school, role)

    response = client.get(reverse("quizzes:dashboard"))

    assert response.status_code == status
    if target:
        assert response.url.startswith(reverse(target))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("class_student", 302),
        ("other_student", 404),
        ("class_teacher", 404),
        ("other_teacher", 404),
        ("admin", 404),
    ],
)
def test_only_students_of_the_class_mark_its_lessons_read(client, school, role, status):
    log_in_as(client, school, role)

    response = client.post(
        reverse("quizzes:lesson_reading_mark", args=[school.lesson_assignment.pk])
    )

    assert response.status_code == status
    if role == "class_student":
        assert school.lesson_assignment.readings.filter(student=school.users[role]).exists()


def test_student_from_another_class_cannot_be_drilled_into(client, school):
    client.force_login(school.users["class_teacher"])
    outsider = school.users["other_student"]

    response = client.get(
        reverse("quizzes:gradebook_student", args=[school.classroom.pk, outsider.pk])
    )

    assert response.status_code == 404


def test_statistics_of_another_class_assignment_are_not_reachable(client, school):
    from tests.quizzes.factories import AssignmentFactory

    elsewhere = AssignmentFactory()
    client.force_login(school.users["class_teacher"])

    response = client.get(
        reverse("quizzes:assignment_statistics", args=[school.classroom.pk, elsewhere.pk])
    )

    assert response.status_code == 404


def test_get_is_not_allowed_on_actions(client, school):
    client.force_login(school.users["class_teacher"])
    url, _ = class_actions(school)["classroom_archive"]

    assert client.get(url).status_code == 405


@pytest.mark.parametrize("role", ["anonymous", "class_student", "class_teacher"])
def test_home_sends_people_where_they_work(client, school, role):
    log_in_as(client, school, role)

    response = client.get(reverse("home"))

    expected = {
        "anonymous": 200,
        "class_student": reverse("quizzes:dashboard"),
        "class_teacher": reverse("quizzes:classroom_index"),
    }[role]
    if role == "anonymous":
        assert response.status_code == 200
    else:
        assert response.url == expected

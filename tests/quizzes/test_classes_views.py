"""Teachers' class pages and students' joining, through the client as a user would."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from history_quiz.accounts.models import User
from quizzes.models import Assignment, Classroom, Enrolment
from quizzes.services.classes import JOIN_FAILURE_LIMIT, JOIN_FAILURE_LIMIT_PER_ADDRESS
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import ClassroomFactory, EnrolmentFactory, QuizFactory


@pytest.fixture(autouse=True)
def empty_throttle(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def classroom(teacher):
    return ClassroomFactory(teacher=teacher, join_code="K7PX3M")


def test_teacher_creates_a_class_and_sees_its_join_code(client, teacher):
    client.force_login(teacher)

    response = client.post(reverse("quizzes:classroom_index"), {"name": "Year 9"}, follow=True)

    classroom = Classroom.objects.get(teacher=teacher)
    assert classroom.name == "Year 9"
    assert classroom.join_code in response.content.decode()


def test_class_without_a_name_is_refused(client, teacher):
    client.force_login(teacher)

    response = client.post(reverse("quizzes:classroom_index"), {"name": "  "})

    assert response.status_code == 400
    assert not Classroom.objects.exists()


def test_teacher_renames_a_class(client, classroom):
    client.force_login(classroom.teacher)

    client.post(reverse("quizzes:classroom_rename", args=[classroom.pk]), {"name": "Year 10"})

    classroom.refresh_from_db()
    assert classroom.name == "Year 10"


def test_archived_class_leaves_the_list_and_can_be_restored(client, classroom):
    client.force_login(classroom.teacher)
    url = reverse("quizzes:classroom_archive", args=[classroom.pk])

    client.post(url, follow=True)
    current = client.get(reverse("quizzes:classroom_index")).content.decode()
    archived = client.get(reverse("quizzes:classroom_index") + "?archived=1").content.decode()
    client.post(url, {"restore": "1"})

    assert classroom.name not in current
    assert classroom.name in archived
    classroom.refresh_from_db()
    assert not classroom.is_archived


def test_teacher_regenerates_the_join_code(client, classroom):
    client.force_login(classroom.teacher)

    client.post(
        reverse("quizzes:classroom_join_code", args=[classroom.pk]), {"action": "regenerate"}
    )

    classroom.refresh_from_db()
    assert classroom.join_code != "K7PX3M"


def test_teacher_switches_joining_off(client, classroom):
    client.force_login(classroom.teacher)

    client.post(reverse("quizzes:classroom_join_code", args=[classroom.pk]), {"action": "disable"})

    classroom.refresh_from_db()
    assert not classroom.join_enabled


def test_tampered_join_code_action_is_a_bad_request(client, classroom):
    client.force_login(classroom.teacher)

    response = client.post(
        reverse("quizzes:classroom_join_code", args=[classroom.pk]), {"action": "delete-all"}
    )

    assert response.status_code == 400


def test_teacher_removes_a_student_who_stays_in_the_records(client, classroom, student):
    EnrolmentFactory(classroom=classroom, student=student)
    client.force_login(classroom.teacher)

    client.post(reverse("quizzes:enrolment_remove", args=[classroom.pk, student.pk]))
    page = client.get(reverse("quizzes:classroom_detail", args=[classroom.pk])).content.decode()

    assert Enrolment.objects.get(student=student).removed_at is not None
    assert "Removed" in page


def test_student_joins_with_the_code_and_lands_on_the_dashboard(client, classroom, student):
    client.force_login(student)

    response = client.post(reverse("quizzes:classroom_join"), {"code": "k7px3m"}, follow=True)

    assert Enrolment.objects.filter(classroom=classroom, student=student).exists()
    assert classroom.name in response.content.decode()


def test_wrong_code_says_so(client, classroom, student):
    client.force_login(student)

    response = client.post(reverse("quizzes:classroom_join"), {"code": "NOPE22"})

    assert response.status_code == 400
    assert "No open class has that code" in response.content.decode()


def test_too_many_wrong_codes_are_throttled_with_a_clear_message(client, classroom, student):
    client.force_login(student)
    for _ in range(JOIN_FAILURE_LIMIT):
        client.post(reverse("quizzes:classroom_join"), {"code": "NOPE22"})

    response = client.post(reverse("quizzes:classroom_join"), {"code": "K7PX3M"})

    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()
    assert not Enrolment.objects.filter(student=student).exists()


def test_throttle_follows_the_address_across_accounts(client, classroom, db):
    from tests.accounts.factories import StudentFactory

    for _ in range(JOIN_FAILURE_LIMIT_PER_ADDRESS):
        client.force_login(StudentFactory())
        client.post(reverse("quizzes:classroom_join"), {"code": "NOPE22"})
    client.force_login(StudentFactory())

    response = client.post(reverse("quizzes:classroom_join"), {"code": "K7PX3M"})

    assert response.status_code == 429


def test_uploaded_roster_file_makes_accounts(client, classroom, run_tasks):
    client.force_login(classroom.teacher)
    upload = SimpleUploadedFile("roster.csv", "name\nLena Novák\n".encode(), "text/csv")

    client.post(reverse("quizzes:classroom_roster_import", args=[classroom.pk]), {"file": upload})
    run_tasks()

    assert User.objects.get(username="lena.novak").enrolments.get().classroom == classroom


def test_bad_roster_lists_rows_and_makes_nobody(client, classroom):
    client.force_login(classroom.teacher)
    before = User.objects.count()

    response = client.post(
        reverse("quizzes:classroom_roster_import", args=[classroom.pk]),
        {"text": "Sara Ahmed\nBen,bad name!"},
    )

    assert response.status_code == 400
    assert "Line 2" in response.content.decode()
    assert User.objects.count() == before


def test_teacher_assigns_a_quiz_with_a_due_date(client, classroom):
    quiz = QuizFactory(owner=classroom.teacher)
    client.force_login(classroom.teacher)

    client.post(
        reverse("quizzes:assignment_new", args=[classroom.pk]),
        {"kind": "quiz", "quiz": quiz.pk, "due_at": "2030-05-01T09:00"},
    )

    assignment = Assignment.objects.get(classroom=classroom)
    assert assignment.quiz == quiz
    assert assignment.due_at.year == 2030


def test_teacher_assigns_a_lesson_to_read(client, classroom):
    lesson = LessonFactory()
    client.force_login(classroom.teacher)

    client.post(
        reverse("quizzes:assignment_new", args=[classroom.pk]),
        {"kind": "lesson", "lesson": lesson.pk},
    )

    assert Assignment.objects.get(classroom=classroom).lesson == lesson


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "quiz", "quiz": "not-a-number"},
        {"kind": "quiz", "quiz": 999999},
        {"kind": "exam", "quiz": 1},
        {"kind": "lesson", "lesson": ""},
        {"kind": "quiz", "quiz": "OTHER", "due_at": "yesterday"},
    ],
)
def test_tampered_assignment_form_is_a_bad_request(client, classroom, data):
    client.force_login(classroom.teacher)
    if data.get("quiz") == "OTHER":
        data = {**data, "quiz": QuizFactory().pk}

    response = client.post(reverse("quizzes:assignment_new", args=[classroom.pk]), data)

    assert response.status_code == 400
    assert not Assignment.objects.exists()


def test_another_teachers_quiz_cannot_be_assigned(client, classroom):
    someone_elses = QuizFactory()
    client.force_login(classroom.teacher)

    response = client.post(
        reverse("quizzes:assignment_new", args=[classroom.pk]),
        {"kind": "quiz", "quiz": someone_elses.pk},
    )

    assert response.status_code == 400
    assert not Assignment.objects.exists()


def test_roster_accounts_are_made_in_the_background_and_shown_once(client, classroom, run_tasks):
    client.force_login(classroom.teacher)
    url = reverse("quizzes:classroom_roster_import", args=[classroom.pk])

    response = client.post(url, {"text": "Sara Ahmed\nBen Okafor,benok"})

    # Issue 13, fault 1: one password hash per row held the request for 21 s.
    assert response.status_code == 302 and "/jobs/" in response["Location"]
    assert not User.objects.filter(username="benok").exists()
    run_tasks()
    job_page = client.get(response["Location"])
    page = job_page.content.decode()
    assert "no-store" in job_page["Cache-Control"]
    assert "sara.ahmed" in page and "benok" in page
    assert page.count("font-monospace") == 4
    assert client.get(response["Location"]).content.decode().count("font-monospace") == 0


def test_a_roster_over_the_row_limit_is_refused_before_any_work_naming_it(client, classroom):
    client.force_login(classroom.teacher)
    url = reverse("quizzes:classroom_roster_import", args=[classroom.pk])
    rows = "\n".join(f"Student Number{n}" for n in range(201))

    response = client.post(url, {"text": rows})

    assert response.status_code == 400
    assert "at most 200 students" in response.content.decode()
    assert "200 students" in client.get(url).content.decode()


def test_a_roster_with_bare_carriage_returns_is_read_not_a_server_error(client, classroom):
    client.force_login(classroom.teacher)
    url = reverse("quizzes:classroom_roster_import", args=[classroom.pk])

    # Found by the form fuzzer: csv refused "\r" inside a line read without newline="".
    response = client.post(url, {"text": "Ann One\rBob Two"})

    assert response.status_code == 302 and "/jobs/" in response["Location"]

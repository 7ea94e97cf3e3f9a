from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import LessonReading
from quizzes.selectors.classes import student_dashboard
from quizzes.services.enrolments import classroom_invite_students
from tests.quizzes.factories import (
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    LessonAssignmentFactory,
    SubmittedAttemptFactory,
)


@pytest.fixture
def classroom(student):
    classroom = ClassroomFactory()
    EnrolmentFactory(classroom=classroom, student=student)
    return classroom


def titles(statuses):
    return [status.assignment.title for status in statuses]


def test_dashboard_sorts_assignments_into_due_overdue_and_done(student, classroom):
    due = AssignmentFactory(classroom=classroom, due_at=timezone.now() + timedelta(days=2))
    overdue = AssignmentFactory(classroom=classroom, due_at=timezone.now() - timedelta(days=2))
    done = AssignmentFactory(classroom=classroom)
    SubmittedAttemptFactory(assignment=done, student=student, score=3, max_score=4)

    dashboard = student_dashboard(student=student)

    assert titles(dashboard.due) == [due.title]
    assert titles(dashboard.overdue) == [overdue.title]
    assert titles(dashboard.done) == [done.title]
    assert dashboard.done[0].grade == 75.0


def test_dashboard_spans_all_the_students_classes(student, classroom):
    other = ClassroomFactory()
    EnrolmentFactory(classroom=other, student=student)
    AssignmentFactory(classroom=classroom)
    AssignmentFactory(classroom=other)

    assert len(student_dashboard(student=student).due) == 2


def test_dashboard_leaves_out_archived_classes_and_classes_left(student, classroom):
    AssignmentFactory(classroom=ClassroomFactory(archived_at=timezone.now()))
    EnrolmentFactory(student=student, classroom=ClassroomFactory(archived_at=timezone.now()))
    removed = EnrolmentFactory(student=student, removed_at=timezone.now())
    AssignmentFactory(classroom=removed.classroom)

    assert student_dashboard(student=student).due == []


def test_dashboard_page_shows_scores_due_dates_and_start_links(client, student, classroom):
    todo = AssignmentFactory(classroom=classroom, due_at=timezone.now() + timedelta(days=2))
    done = AssignmentFactory(classroom=classroom)
    attempt = SubmittedAttemptFactory(assignment=done, student=student, score=1, max_score=2)
    client.force_login(student)

    page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert f"/assignments/{todo.pk}/start/" in page
    assert f"/attempts/{attempt.pk}/review/" in page
    assert "50%" in page
    assert todo.due_at.strftime("%-d %b") in page


def test_open_attempt_offers_continue(client, student, classroom):
    assignment = AssignmentFactory(classroom=classroom)
    SubmittedAttemptFactory(assignment=assignment, student=student, submitted_at=None, score=None)
    client.force_login(student)

    page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert "Continue" in page


def test_used_up_attempts_offer_no_new_start(client, student, classroom):
    assignment = AssignmentFactory(classroom=classroom, quiz__attempts_allowed=1)
    SubmittedAttemptFactory(assignment=assignment, student=student)
    client.force_login(student)

    page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert f"/assignments/{assignment.pk}/start/" not in page


def test_student_marks_an_assigned_lesson_as_read(client, student, classroom):
    assignment = LessonAssignmentFactory(classroom=classroom)
    client.force_login(student)

    response = client.post(
        reverse("quizzes:lesson_reading_mark", args=[assignment.pk]), follow=True
    )

    assert LessonReading.objects.filter(assignment=assignment, student=student).exists()
    assert "marked as read" in response.content.decode()


def test_quiz_assignment_cannot_be_marked_read(client, student, classroom):
    assignment = AssignmentFactory(classroom=classroom)
    client.force_login(student)

    response = client.post(reverse("quizzes:lesson_reading_mark", args=[assignment.pk]))

    assert response.status_code == 404


def test_student_without_a_class_is_invited_to_join(client, student):
    client.force_login(student)

    page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert reverse("quizzes:classroom_join") in page


@pytest.mark.parametrize("assignments", [2, 30])
def test_dashboard_queries_do_not_grow_with_assignments(
    client, student, classroom, assignments, django_assert_max_num_queries
):
    for _ in range(assignments):
        done = AssignmentFactory(classroom=classroom)
        SubmittedAttemptFactory(assignment=done, student=student)
        LessonAssignmentFactory(classroom=classroom)
        other = ClassroomFactory()
        classroom_invite_students(classroom=other, text=student.username, by=other.teacher)
    client.force_login(student)

    with django_assert_max_num_queries(11):
        page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert page.count("invited you to join") == assignments


def test_quiz_not_open_yet_shows_when_it_opens(client, student, classroom):
    opens = timezone.now() + timedelta(days=1)
    assignment = AssignmentFactory(classroom=classroom, quiz__opens_at=opens)
    client.force_login(student)

    page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert "Opens" in page
    assert f"/assignments/{assignment.pk}/start/" not in page


def test_assignments_without_a_due_date_come_last(student, classroom):
    AssignmentFactory(classroom=classroom, due_at=None, quiz__title="Whenever")
    AssignmentFactory(classroom=classroom, quiz__title="Soon")

    assert titles(student_dashboard(student=student).due) == ["Soon", "Whenever"]


def test_student_marks_a_lesson_read_from_the_lesson_page(client, student, classroom):
    assignment = LessonAssignmentFactory(classroom=classroom)
    lesson_url = assignment.lesson.get_absolute_url()
    client.force_login(student)

    page = client.get(lesson_url).content.decode()
    response = client.post(
        reverse("quizzes:lesson_reading_mark", args=[assignment.pk]), {"next": lesson_url}
    )

    assert "Mark as read for" in page
    assert response.url == lesson_url
    assert "Mark as read for" not in client.get(lesson_url).content.decode()


def test_mark_as_read_never_redirects_off_site(client, student, classroom):
    assignment = LessonAssignmentFactory(classroom=classroom)
    client.force_login(student)

    response = client.post(
        reverse("quizzes:lesson_reading_mark", args=[assignment.pk]),
        {"next": "https://evil.example/"},
    )

    assert response.url == reverse("quizzes:dashboard")


def test_lesson_page_offers_no_reading_button_outside_the_class(client, student):
    assignment = LessonAssignmentFactory()
    client.force_login(student)

    page = client.get(assignment.lesson.get_absolute_url()).content.decode()

    assert "Mark as read for" not in page

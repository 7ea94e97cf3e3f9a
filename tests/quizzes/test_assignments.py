"""Assignments a teacher can change: edit the due date, extend it for the class or one
student, remove with a confirmation, and a record of every change."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Assignment
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    QuizFactory,
)


@pytest.fixture
def classroom(teacher):
    return ClassroomFactory(teacher=teacher)


def test_a_due_date_in_the_past_is_refused_with_the_reason(client, classroom):
    quiz = QuizFactory(owner=classroom.teacher)
    client.force_login(classroom.teacher)

    response = client.post(
        reverse("quizzes:assignment_new", args=[classroom.pk]),
        {"quiz": quiz.pk, "due_at": "2020-01-01T09:00"},
    )

    assert response.status_code == 400
    assert "has already passed" in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_quiz_and_a_lesson_chosen_together_are_both_assigned(client, classroom):
    quiz = QuizFactory(owner=classroom.teacher)
    lesson = LessonFactory()
    client.force_login(classroom.teacher)

    response = client.post(
        reverse("quizzes:assignment_new", args=[classroom.pk]),
        {"quiz": quiz.pk, "lesson": lesson.pk, "due_at": "2030-05-01T09:00"},
        follow=True,
    )

    assigned = Assignment.objects.filter(classroom=classroom)
    assert {(a.quiz_id, a.lesson_id) for a in assigned} == {(quiz.pk, None), (None, lesson.pk)}
    assert "both" in response.content.decode()


@time_machine.travel("2031-03-10 12:00:00+00:00", tick=False)
def test_the_students_dashboard_gives_the_year_of_a_date_not_this_year(client, student):
    enrolment = EnrolmentFactory(student=student)
    AssignmentFactory(
        classroom=enrolment.classroom,
        due_at=timezone.now().replace(year=2032, month=1, day=1, hour=9, minute=0),
    )
    client.force_login(student)

    page = client.get(reverse("quizzes:dashboard")).content.decode()

    assert "1 Jan 2032" in page


@pytest.fixture
def assignment(classroom):
    return AssignmentFactory(
        classroom=classroom, quiz=QuizFactory(owner=classroom.teacher), due_at=None
    )


def edit_url(assignment, name="quizzes:assignment_edit"):
    return reverse(name, args=[assignment.classroom_id, assignment.pk])


def test_teacher_moves_the_due_date_and_the_change_is_recorded(client, assignment):
    client.force_login(assignment.classroom.teacher)

    page = client.post(edit_url(assignment), {"due_at": "2030-05-02T09:00"}, follow=True)

    assignment.refresh_from_db()
    assert assignment.due_at.date().isoformat() == "2030-05-02"
    change = assignment.changes.get()
    assert change.action == "due_changed" and change.changed_by == assignment.classroom.teacher
    assert "Due date changed" in page.content.decode()


def test_moving_a_due_date_into_the_past_is_refused(client, assignment):
    client.force_login(assignment.classroom.teacher)

    response = client.post(edit_url(assignment), {"due_at": "2020-01-01T09:00"})

    assert response.status_code == 400
    assert "has already passed" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.due_at is None


def test_an_extension_gives_one_student_more_time_and_not_the_others(client, classroom):
    late = timezone.now() - timedelta(hours=2)
    assignment = AssignmentFactory(classroom=classroom, quiz=QuizFactory(owner=classroom.teacher))
    Assignment.objects.filter(pk=assignment.pk).update(due_at=late)
    given, other = EnrolmentFactory(classroom=classroom), EnrolmentFactory(classroom=classroom)
    client.force_login(classroom.teacher)

    client.post(
        edit_url(assignment, "quizzes:assignment_extend"),
        {"student": given.student_id, "due_at": "2030-05-02T09:00"},
    )

    gradebook = client.get(reverse("quizzes:gradebook", args=[classroom.pk])).content.decode()
    rows = {
        row.split('"')[1].split()[-1]: row.split("</tr>", 1)[0]
        for row in gradebook.split("<tr data-student=")[1:]
    }
    assert "Missing" not in rows[given.student.username.lower()]
    assert "Missing" in rows[other.student.username.lower()]
    assert assignment.changes.get().student == given.student


def test_an_extension_earlier_than_the_class_date_is_refused(client, classroom):
    assignment = AssignmentFactory(classroom=classroom, quiz=QuizFactory(owner=classroom.teacher))
    enrolment = EnrolmentFactory(classroom=classroom)
    earlier = timezone.localtime(assignment.due_at - timedelta(days=1))
    client.force_login(classroom.teacher)

    response = client.post(
        edit_url(assignment, "quizzes:assignment_extend"),
        {"student": enrolment.student_id, "due_at": earlier.strftime("%Y-%m-%dT%H:%M")},
    )

    assert response.status_code == 400
    assert "more time" in response.content.decode()
    assert not assignment.extensions.exists()


def test_removing_asks_first_then_hides_it_from_students_and_keeps_the_record(client, assignment):
    enrolment = EnrolmentFactory(classroom=assignment.classroom)
    client.force_login(assignment.classroom.teacher)
    remove = edit_url(assignment, "quizzes:assignment_remove")

    question = client.get(remove)
    assignment.refresh_from_db()
    assert "Yes, remove it" in question.content.decode() and not assignment.is_removed

    client.post(remove)

    assignment.refresh_from_db()
    assert assignment.is_removed
    assert assignment.changes.filter(action="removed").exists()
    student = Client()
    student.force_login(enrolment.student)
    assert assignment.title not in student.get(reverse("quizzes:dashboard")).content.decode()


def test_a_removed_assignment_is_restored(client, assignment):
    client.force_login(assignment.classroom.teacher)
    client.post(edit_url(assignment, "quizzes:assignment_remove"))

    client.post(edit_url(assignment, "quizzes:assignment_restore"))

    assignment.refresh_from_db()
    assert not assignment.is_removed
    assert [c.action for c in assignment.changes.all()] == ["restored", "removed"]


def test_another_teacher_cannot_change_the_assignment(client, assignment, db):
    from tests.accounts.factories import TeacherFactory

    client.force_login(TeacherFactory())

    response = client.post(edit_url(assignment), {"due_at": "2030-05-02T09:00"})

    assert response.status_code == 404
    assignment.refresh_from_db()
    assert assignment.due_at is None


def test_answers_shown_after_the_due_date_wait_for_the_last_extension(db):
    from quizzes.models import AnswerVisibility, AssignmentExtension
    from quizzes.selectors.release import key_visible
    from tests.quizzes.factories import SubmittedAttemptFactory

    quiz = QuizFactory(answers_visible=AnswerVisibility.AFTER_DUE)
    assignment = AssignmentFactory(quiz=quiz, due_at=timezone.now() + timedelta(hours=1))
    attempt = SubmittedAttemptFactory(assignment=assignment)
    AssignmentExtension.objects.create(
        assignment=assignment,
        student=EnrolmentFactory(classroom=assignment.classroom).student,
        due_at=timezone.now() + timedelta(days=3),
        granted_by=assignment.classroom.teacher,
    )

    assert not key_visible(attempt, now=timezone.now() + timedelta(days=1))
    assert key_visible(attempt, now=timezone.now() + timedelta(days=4))

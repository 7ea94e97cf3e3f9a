"""The statistics page of a quiz assignment."""

import pytest
from django.urls import reverse

from lessons.models import KeyPoint
from quizzes.models import QuizQuestion
from quizzes.selectors.statistics import assignment_statistics
from tests.accounts.factories import StudentFactory
from tests.quizzes.factories import (
    AnswerFactory,
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    QuizFactory,
    SubmittedAttemptFactory,
)


@pytest.fixture
def assignment(db):
    classroom = ClassroomFactory()
    quiz = QuizFactory(owner=classroom.teacher, question_count=3)
    return AssignmentFactory(classroom=classroom, quiz=quiz)


def questions_of(assignment):
    return [link.question for link in QuizQuestion.objects.filter(quiz=assignment.quiz)]


def sit(assignment, marks, number=1, student=None):
    """One submitted attempt with these marks, question by question (None: left blank)."""
    student = (
        student
        or EnrolmentFactory(classroom=assignment.classroom, student=StudentFactory()).student
    )
    questions = questions_of(assignment)
    attempt = SubmittedAttemptFactory(
        assignment=assignment,
        student=student,
        number=number,
        score=sum(mark or 0 for mark in marks),
        max_score=len(marks),
    )
    for question, mark in zip(questions, marks, strict=True):
        if mark is not None:
            given = question.answer if mark == 1 else "Talleyrand"
            AnswerFactory(attempt=attempt, question=question, given=given, mark=mark)
    return attempt


def statistics_page(client, assignment) -> str:
    client.force_login(assignment.classroom.teacher)
    url = reverse("quizzes:assignment_statistics", args=[assignment.classroom.pk, assignment.pk])
    return client.get(url).content.decode()


def test_two_submissions_flag_no_question_and_the_page_says_why(client, assignment):
    # With two attempts every discrimination index is +100% or -100%.
    sit(assignment, [1, 1, 0])
    sit(assignment, [0, 0, 1])

    page = statistics_page(client, assignment)

    assert "data-flagged" not in page
    assert "Negative discrimination" not in page
    assert "at least 10 students" in page


def test_the_heading_names_the_quiz_once_without_a_trailing_colon(client, assignment):
    assignment.quiz.title = "Battle of Marathon: check"
    assignment.quiz.save()

    page = statistics_page(client, assignment)

    assert ": check: statistics" not in page
    assert "Statistics for “Battle of Marathon: check”" in page


def test_faulty_question_is_flagged_with_a_link_to_the_bank(client, assignment):
    # Question 3 is right only for the students who did worst on the rest, five classes over.
    for marks in ([1, 1, 0], [1, 1, 0], [1, 0, 1], [0, 0, 1]) * 5:
        sit(assignment, marks)
    faulty = questions_of(assignment)[2]
    client.force_login(assignment.classroom.teacher)

    response = client.get(
        reverse("quizzes:assignment_statistics", args=[assignment.classroom.pk, assignment.pk])
    )

    page = response.content.decode()
    assert "Negative discrimination" in page
    assert f"/lessons/{faulty.lesson.slug}/bank/#q-{faulty.pk}" in page


def test_statistics_use_first_attempts_unless_all_are_asked_for(assignment):
    student = sit(assignment, [0, 0, 0]).student
    sit(assignment, [1, 1, 1], number=2, student=student)
    sit(assignment, [1, 0, 0])

    first = assignment_statistics(assignment=assignment)
    every = assignment_statistics(assignment=assignment, include_all_attempts=True)

    assert first.attempt_count == 2
    assert every.attempt_count == 3
    assert first.questions[0].statistics.facility == 50.0


def test_blank_answers_count_as_wrong(assignment):
    sit(assignment, [None, 1, 1])
    sit(assignment, [1, 1, 1])

    statistics = assignment_statistics(assignment=assignment)

    assert statistics.questions[0].statistics.facility == 50.0


def test_options_picked_include_unpicked_choices_and_mark_the_right_one(assignment):
    sit(assignment, [0, 1, 1])
    sit(assignment, [0, 1, 1])

    report = assignment_statistics(assignment=assignment).questions[0]

    counts = {option.label: option.count for option in report.options}
    assert counts == {"Talleyrand": 2, "Metternich": 0, "Castlereagh": 0, "Hardenberg": 0}
    assert [option.label for option in report.options if option.is_right] == ["Metternich"]


def test_distribution_counts_each_student_once_by_grading_method(assignment):
    student = sit(assignment, [0, 0, 0]).student
    sit(assignment, [1, 1, 1], number=2, student=student)

    statistics = assignment_statistics(assignment=assignment)

    assert [bin.count for bin in statistics.distribution][-1] == 1
    assert sum(bin.count for bin in statistics.distribution) == 1


def test_key_points_most_often_got_wrong_are_listed(client, assignment):
    questions = questions_of(assignment)
    lesson = questions[0].lesson
    treaty = KeyPoint.objects.get(lesson=lesson, position=1)
    questions[0].key_point = treaty
    questions[0].save()
    sit(assignment, [0, 1, 1])
    client.force_login(assignment.classroom.teacher)

    response = client.get(
        reverse("quizzes:assignment_statistics", args=[assignment.classroom.pk, assignment.pk])
    )

    page = response.content.decode()
    assert treaty.text in page
    assert f"{lesson.get_absolute_url()}#k-1" in page


def test_lesson_assignments_have_no_statistics_page(client, db):
    from tests.quizzes.factories import LessonAssignmentFactory

    lesson_assignment = LessonAssignmentFactory()
    client.force_login(lesson_assignment.classroom.teacher)

    response = client.get(
        reverse(
            "quizzes:assignment_statistics",
            args=[lesson_assignment.classroom.pk, lesson_assignment.pk],
        )
    )

    assert response.status_code == 404


@pytest.mark.parametrize("students", [5, 60])
def test_statistics_queries_do_not_grow_with_the_class(
    client, assignment, students, django_assert_max_num_queries
):
    for number in range(students):
        sit(assignment, [number % 2, 1, (number // 2) % 2])
    client.force_login(assignment.classroom.teacher)

    with django_assert_max_num_queries(9):
        response = client.get(
            reverse("quizzes:assignment_statistics", args=[assignment.classroom.pk, assignment.pk])
        )

    assert f"{students} students submitted:" in response.content.decode()

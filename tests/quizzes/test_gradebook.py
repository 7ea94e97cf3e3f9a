import csv
import io
from datetime import timedelta

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone

from quizzes.models import AssignmentExtension, GradingMethod
from quizzes.selectors.classes import classroom_gradebook
from quizzes.templatetags.gradebook_tags import whole_percent
from tests.accounts.factories import StudentFactory
from tests.quizzes.factories import (
    AnswerFactory,
    AssignmentFactory,
    AttemptFactory,
    ClassroomFactory,
    EnrolmentFactory,
    LessonAssignmentFactory,
    LessonReadingFactory,
    QuizFactory,
    SubmittedAttemptFactory,
)


@pytest.fixture
def classroom(db):
    return ClassroomFactory()


def enrol(classroom, **student):
    return EnrolmentFactory(classroom=classroom, student=StudentFactory(**student)).student


def quiz_assignment(classroom, method=GradingMethod.HIGHEST, **kwargs):
    quiz = QuizFactory(owner=classroom.teacher, grading_method=method, attempts_allowed=0)
    return AssignmentFactory(classroom=classroom, quiz=quiz, **kwargs)


def submit(assignment, student, percent, number=1, when=None):
    return SubmittedAttemptFactory(
        assignment=assignment,
        student=student,
        number=number,
        score=percent / 10,
        max_score=10.0,
        submitted_at=when or timezone.now(),
    )


def only_cell(classroom):
    [row] = classroom_gradebook(classroom=classroom).rows
    return row.cells[0]


@pytest.mark.parametrize(
    ("method", "grade"),
    [
        (GradingMethod.HIGHEST, 90.0),
        (GradingMethod.AVERAGE, 70.0),
        (GradingMethod.FIRST, 50.0),
        (GradingMethod.LAST, 70.0),
    ],
)
def test_cell_grade_follows_the_quiz_grading_method(classroom, method, grade):
    student = enrol(classroom)
    assignment = quiz_assignment(classroom, method)
    for number, percent in enumerate([50, 90, 70], start=1):
        submit(assignment, student, percent, number=number)

    assert only_cell(classroom).grade == pytest.approx(grade)


def test_unsubmitted_attempt_does_not_count(classroom):
    student = enrol(classroom)
    assignment = quiz_assignment(classroom)
    submit(assignment, student, 40)
    SubmittedAttemptFactory(
        assignment=assignment, student=student, number=2, submitted_at=None, score=None
    )

    cell = only_cell(classroom)

    assert cell.grade == 40
    assert cell.open_attempt is not None


def test_submission_after_the_due_date_is_late(classroom):
    student = enrol(classroom)
    due = timezone.now() - timedelta(days=1)
    assignment = quiz_assignment(classroom, due_at=due)
    submit(assignment, student, 80, when=due + timedelta(hours=2))

    cell = only_cell(classroom)

    assert cell.is_late
    assert not cell.is_missing


def test_nothing_submitted_past_the_due_date_is_missing(classroom):
    enrol(classroom)
    quiz_assignment(classroom, due_at=timezone.now() - timedelta(days=1))

    assert only_cell(classroom).is_missing


def test_nothing_submitted_before_the_due_date_is_not_missing(classroom):
    enrol(classroom)
    quiz_assignment(classroom, due_at=timezone.now() + timedelta(days=1))

    assert not only_cell(classroom).is_missing


def test_lesson_assignment_shows_read(classroom):
    student = enrol(classroom)
    assignment = LessonAssignmentFactory(classroom=classroom)
    LessonReadingFactory(assignment=assignment, student=student)

    assert only_cell(classroom).grade_text == "Read"


def test_removed_students_leave_the_gradebook(classroom):
    enrol(classroom)
    EnrolmentFactory(classroom=classroom, removed_at=timezone.now())

    assert len(classroom_gradebook(classroom=classroom).rows) == 1


def test_gradebook_page_colours_cells_by_band(client, classroom):
    student = enrol(classroom)
    submit(quiz_assignment(classroom), student, 85)
    client.force_login(classroom.teacher)

    page = client.get(reverse("quizzes:gradebook", args=[classroom.pk])).content.decode()

    assert "85%" in page
    assert "bg-success-subtle" in page


def test_gradebook_page_marks_missing_work(client, classroom):
    enrol(classroom)
    quiz_assignment(classroom, due_at=timezone.now() - timedelta(days=1))
    client.force_login(classroom.teacher)

    page = client.get(reverse("quizzes:gradebook", args=[classroom.pk])).content.decode()

    assert "Missing" in page


def test_csv_export_has_a_row_per_student_and_a_column_per_assignment(client, classroom):
    student = enrol(classroom, first_name="Sara", last_name="Ahmed")
    assignment = quiz_assignment(classroom)
    submit(assignment, student, 75)
    client.force_login(classroom.teacher)

    response = client.get(reverse("quizzes:gradebook_export", args=[classroom.pk]))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][3].startswith(assignment.title)
    assert rows[1][:4] == ["Sara Ahmed", student.username, "75.0", "75.0"]


def test_csv_export_defuses_spreadsheet_formulas_in_names(client, classroom):
    enrol(classroom, first_name="=HYPERLINK(1)", last_name="")
    client.force_login(classroom.teacher)

    response = client.get(reverse("quizzes:gradebook_export", args=[classroom.pk]))

    assert "'=HYPERLINK(1)" in response.content.decode()


def test_drilldown_shows_every_attempt_and_answer_with_review_links(client, classroom):
    student = enrol(classroom)
    assignment = quiz_assignment(classroom)
    first = submit(assignment, student, 40)
    second = submit(assignment, student, 90, number=2)
    AnswerFactory(attempt=first, given="Talleyrand", mark=0.0, question__prompt="Who chaired?")
    client.force_login(classroom.teacher)

    response = client.get(reverse("quizzes:gradebook_student", args=[classroom.pk, student.pk]))

    page = response.content.decode()
    assert f"/attempts/{first.pk}/review/" in page
    assert f"/attempts/{second.pk}/review/" in page
    assert "Who chaired?" in page
    assert "Talleyrand" in page


def test_drilldown_of_a_removed_student_keeps_their_work(client, classroom):
    enrolment = EnrolmentFactory(classroom=classroom, removed_at=timezone.now())
    attempt = submit(quiz_assignment(classroom), enrolment.student, 60)
    client.force_login(classroom.teacher)

    response = client.get(
        reverse("quizzes:gradebook_student", args=[classroom.pk, enrolment.student.pk])
    )

    assert f"/attempts/{attempt.pk}/review/" in response.content.decode()


def fill_class(classroom, students, assignments):
    quizzes = [quiz_assignment(classroom) for _ in range(assignments)]
    lesson = LessonAssignmentFactory(classroom=classroom)
    for _ in range(students):
        student = enrol(classroom)
        for number, assignment in enumerate(quizzes, start=1):
            submit(assignment, student, 10 * number)
        LessonReadingFactory(assignment=lesson, student=student)


@pytest.mark.parametrize("students", [5, 60])
def test_gradebook_queries_do_not_grow_with_the_class(
    client, classroom, students, django_assert_max_num_queries
):
    fill_class(classroom, students, assignments=3)
    client.force_login(classroom.teacher)

    with django_assert_max_num_queries(9):
        response = client.get(reverse("quizzes:gradebook", args=[classroom.pk]))

    assert response.content.decode().count('data-testid="grade-cell"') == students * 4


@pytest.mark.parametrize("students", [5, 60])
def test_gradebook_export_queries_do_not_grow_with_the_class(
    client, classroom, students, django_assert_max_num_queries
):
    fill_class(classroom, students, assignments=3)
    client.force_login(classroom.teacher)

    with django_assert_max_num_queries(9):
        response = client.get(reverse("quizzes:gradebook_export", args=[classroom.pk]))

    assert response.content.decode().count("\n") == students + 1


def test_opening_the_gradebook_hands_in_attempts_whose_time_ran_out(client, db):
    assignment = AssignmentFactory(quiz__question_count=2)
    student = EnrolmentFactory(classroom=assignment.classroom).student
    attempt = AttemptFactory(
        assignment=assignment, student=student, deadline_at=timezone.now() - timedelta(minutes=1)
    )
    first_question = assignment.quiz.quiz_questions.order_by("position").first().question
    AnswerFactory(attempt=attempt, question=first_question, given=first_question.answer, mark=None)
    client.force_login(assignment.classroom.teacher)

    page = client.get(f"/classes/{assignment.classroom.pk}/gradebook/").content.decode()

    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    assert attempt.score == 1.0 and attempt.max_score == 2.0
    assert "50%" in page


def gradebook_page(client, classroom, query="") -> str:
    client.force_login(classroom.teacher)
    return client.get(reverse("quizzes:gradebook", args=[classroom.pk]) + query).content.decode()


def test_headers_give_each_assignment_its_full_title(client, classroom):
    enrol(classroom)
    quiz = QuizFactory(owner=classroom.teacher, title="Athenians Defeat Persian Invaders: quiz")
    AssignmentFactory(classroom=classroom, quiz=quiz)
    lesson = LessonAssignmentFactory(classroom=classroom).lesson
    lesson.title = "Athenians Defeat Persian Invaders at Marathon"
    lesson.save()

    page = gradebook_page(client, classroom)

    assert "Athenians Defeat Persian Invaders: quiz" in page
    assert "Athenians Defeat Persian Invaders at Marathon" in page


def test_a_graded_cell_links_to_the_attempt_that_counts(client, classroom):
    student = enrol(classroom)
    assignment = quiz_assignment(classroom, GradingMethod.HIGHEST)
    submit(assignment, student, 40, number=1)
    best = submit(assignment, student, 90, number=2)

    page = gradebook_page(client, classroom)

    assert f'href="{reverse("quizzes:attempt_review", args=[best.pk])}"' in page


def test_missing_work_counts_as_zero_when_asked_and_the_csv_follows(client, classroom):
    student = enrol(classroom)
    done = quiz_assignment(classroom)
    submit(done, student, 80)
    missed = quiz_assignment(classroom)
    missed.due_at = timezone.now() - timedelta(days=1)
    missed.save()

    left_out = gradebook_page(client, classroom)
    as_zero = gradebook_page(client, classroom, "?missing=zero")
    export = client.get(reverse("quizzes:gradebook_export", args=[classroom.pk]) + "?missing=zero")

    assert "80%</td>" in left_out.replace(" ", "")
    assert "40%</td>" in as_zero.replace(" ", "")
    assert "?missing=zero" in as_zero  # the CSV link keeps the choice
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[1][2] == "40.0"


def extend(assignment, student, due_at):
    return AssignmentExtension.objects.create(
        assignment=assignment,
        student=student,
        due_at=due_at,
        granted_by=assignment.classroom.teacher,
    )


def test_a_hand_in_is_late_by_the_students_own_due_date_when_extended(classroom):
    on_time, late = enrol(classroom, last_name="A"), enrol(classroom, last_name="B")
    due = timezone.now() - timedelta(days=3)
    assignment = quiz_assignment(classroom, due_at=due)
    extend(assignment, on_time, due + timedelta(days=2))
    extend(assignment, late, due + timedelta(hours=1))
    submit(assignment, on_time, 80, when=due + timedelta(days=1))
    submit(assignment, late, 80, when=due + timedelta(days=1))

    cells = {row.student.pk: row.cells[0] for row in classroom_gradebook(classroom=classroom).rows}

    assert not cells[on_time.pk].is_late
    assert cells[late.pk].is_late


def test_missing_goes_by_the_extended_date_for_a_lesson_too(classroom):
    student = enrol(classroom)
    assignment = LessonAssignmentFactory(
        classroom=classroom, due_at=timezone.now() - timedelta(days=1)
    )
    extend(assignment, student, timezone.now() + timedelta(days=1))

    cell = only_cell(classroom)

    assert not cell.is_missing
    assert cell.grade_text == "Not read"


def test_a_lesson_read_after_its_due_date_is_marked_late(client, classroom):
    student = enrol(classroom)
    due = timezone.now() - timedelta(days=2)
    assignment = LessonAssignmentFactory(classroom=classroom, due_at=due)
    LessonReadingFactory(assignment=assignment, student=student, read_at=due + timedelta(hours=5))

    page = gradebook_page(client, classroom)

    assert only_cell(classroom).is_late
    assert 'Read <span class="badge text-bg-warning">Late</span>' in page


def test_cells_say_in_progress_and_count_attempts(client, classroom):
    busy, twice = enrol(classroom, last_name="A"), enrol(classroom, last_name="B")
    assignment = quiz_assignment(classroom, GradingMethod.LAST)
    AttemptFactory(assignment=assignment, student=busy)
    submit(assignment, twice, 40, number=1)
    submit(assignment, twice, 60, number=2)

    page = gradebook_page(client, classroom)

    assert "In progress</td>" in page
    assert "60% (2 attempts)</a>" in page


@pytest.mark.parametrize(("percents", "counting"), [([70, 70, 50], 2), ([90, 40, 90], 3)])
def test_of_equal_best_attempts_the_latest_counts(client, classroom, percents, counting):
    student = enrol(classroom)
    assignment = quiz_assignment(classroom, GradingMethod.HIGHEST)
    attempts = [
        submit(assignment, student, percent, number=number)
        for number, percent in enumerate(percents, start=1)
    ]

    link = reverse("quizzes:attempt_review", args=[attempts[counting - 1].pk])
    assert f'href="{link}"' in gradebook_page(client, classroom)


@pytest.mark.parametrize("method", list(GradingMethod))
def test_an_ungraded_hand_in_shows_no_grade_and_no_link(client, classroom, method):
    student = enrol(classroom)
    assignment = quiz_assignment(classroom, method)
    SubmittedAttemptFactory(assignment=assignment, student=student, score=None, max_score=None)

    cell = only_cell(classroom)
    page = gradebook_page(client, classroom)

    assert cell.grade is None and cell.attempts == 1 and not cell.is_missing
    assert "grade-link" not in page


@pytest.mark.parametrize("value", [0.5, 2.5, 62.5, 99.5, 33.333, 66.666, 100.0, 0.0])
def test_averages_round_halves_up_as_the_template_did(value):
    assert whole_percent(value) == floatformat(value, 0)


def test_student_names_and_titles_are_escaped(client, classroom):
    enrol(classroom, first_name="<b>Bold</b>", last_name="")
    quiz = QuizFactory(owner=classroom.teacher, title="<i>Vienna</i>")
    AssignmentFactory(classroom=classroom, quiz=quiz)

    page = gradebook_page(client, classroom)

    assert "&lt;b&gt;Bold&lt;/b&gt;" in page and "<b>Bold" not in page
    assert "&lt;i&gt;Vienna&lt;/i&gt;" in page and "<i>Vienna" not in page

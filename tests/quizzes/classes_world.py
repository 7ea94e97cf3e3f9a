"""A small school for the classes tests: two classes, each with its teacher and a student."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Classroom
from tests.accounts.factories import AdminFactory, StudentFactory, TeacherFactory
from tests.quizzes.factories import (
    AnswerFactory,
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    LessonAssignmentFactory,
    QuizFactory,
    SubmittedAttemptFactory,
)


@dataclass
class School:
    classroom: Classroom
    quiz_assignment: Assignment
    lesson_assignment: Assignment
    attempt: Attempt
    users: dict


def school_make() -> School:
    teacher, student = TeacherFactory(), StudentFactory()
    classroom = ClassroomFactory(teacher=teacher, join_code="K7PX3M")
    EnrolmentFactory(classroom=classroom, student=student)
    other_teacher, other_student = TeacherFactory(), StudentFactory()
    EnrolmentFactory(classroom=ClassroomFactory(teacher=other_teacher), student=other_student)
    quiz = QuizFactory(owner=teacher, question_count=2)
    quiz_assignment = AssignmentFactory(classroom=classroom, quiz=quiz)
    lesson_assignment = LessonAssignmentFactory(
        classroom=classroom, due_at=timezone.now() + timedelta(days=3)
    )
    attempt = SubmittedAttemptFactory(
        assignment=quiz_assignment, student=student, score=1.0, max_score=2.0
    )
    right, wrong = [link.question for link in quiz.quiz_questions.order_by("position")]
    AnswerFactory(attempt=attempt, question=right, given=right.answer, mark=1.0)
    AnswerFactory(attempt=attempt, question=wrong, given="Talleyrand", mark=0.0)
    users = {
        "class_student": student,
        "other_student": other_student,
        "class_teacher": teacher,
        "other_teacher": other_teacher,
        "admin": AdminFactory(),
    }
    return School(classroom, quiz_assignment, lesson_assignment, attempt, users)


@pytest.fixture(name="school")
def school_fixture(db) -> School:
    return school_make()

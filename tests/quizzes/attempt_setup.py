"""Shared arrangements for the quiz and attempt tests: a class with an assigned quiz."""

from dataclasses import dataclass

from quizzes.models import Assignment, QuizQuestion
from tests.accounts.factories import AdminFactory, StudentFactory, TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    FillBlankQuestionFactory,
    MatchingQuestionFactory,
    MultipleResponseQuestionFactory,
    OrderingQuestionFactory,
    QuestionFactory,
    QuizFactory,
    ShortAnswerQuestionFactory,
    TrueFalseQuestionFactory,
)

EVERY_KIND = [
    QuestionFactory,
    TrueFalseQuestionFactory,
    FillBlankQuestionFactory,
    ShortAnswerQuestionFactory,
    MultipleResponseQuestionFactory,
    MatchingQuestionFactory,
    OrderingQuestionFactory,
]


@dataclass
class Classroom:
    """Every role the access tests need around one assigned quiz."""

    assignment: Assignment
    student: object
    other_student: object
    teacher: object
    other_teacher: object
    admin: object


def assigned_quiz(*, question_count: int = 3, factories=None, **quiz_settings) -> Assignment:
    """A quiz over one lesson, assigned to a new class with one enrolled student."""
    classroom = ClassroomFactory()
    lesson = LessonFactory(owner=classroom.teacher)
    quiz = QuizFactory(owner=classroom.teacher, **quiz_settings)
    quiz.lessons.add(lesson)
    makers = factories or [QuestionFactory] * question_count
    for position, make in enumerate(makers, start=1):
        QuizQuestion.objects.create(quiz=quiz, question=make(lesson=lesson), position=position)
    return AssignmentFactory(classroom=classroom, quiz=quiz)


def enrol(assignment: Assignment, student=None):
    student = student or StudentFactory()
    EnrolmentFactory(classroom=assignment.classroom, student=student)
    return student


def every_role(assignment: Assignment) -> Classroom:
    other_class = ClassroomFactory()
    return Classroom(
        assignment=assignment,
        student=enrol(assignment),
        other_student=EnrolmentFactory(classroom=other_class).student,
        teacher=assignment.classroom.teacher,
        other_teacher=TeacherFactory(),
        admin=AdminFactory(),
    )

"""Keys a class still holds closed: what a game played with the whole class must leave out,
the questions any one member's quizzes keep back from them (issue 14 on issue 11's rule)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes.models import AnswerVisibility, AssignmentExtension, QuizQuestion, SelectionMode
from quizzes.selectors.release import withheld_questions, withheld_questions_for_class
from quizzes.services.attempts import attempt_start, attempt_submit
from tests.accounts.factories import StudentFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    QuestionFactory,
    QuizFactory,
)

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def _quiz_of(classroom, question, **settings):
    """A one-question quiz of the class's teacher, assigned to the class."""
    due_at = settings.pop("due_at", timezone.now() + 7 * DAY)
    quiz = QuizFactory(owner=classroom.teacher, **settings)
    quiz.lessons.add(question.lesson)
    QuizQuestion.objects.create(quiz=quiz, question=question, position=1)
    return AssignmentFactory(classroom=classroom, quiz=quiz, due_at=due_at)


def _hand_in(assignment, student):
    attempt_submit(attempt=attempt_start(assignment=assignment, student=student))


@pytest.fixture
def world():
    classroom = ClassroomFactory()
    ana, ben = StudentFactory(), StudentFactory()
    for student in (ana, ben):
        EnrolmentFactory(classroom=classroom, student=student)
    lesson = LessonFactory(owner=classroom.teacher)
    q = {name: QuestionFactory(lesson=lesson) for name in "abcdefgh"}
    after_submit = {"answers_visible": AnswerVisibility.AFTER_SUBMIT, "attempts_allowed": 1}
    # a: Ana handed in, Ben has not: still closed to Ben.
    handed_in_by_one = _quiz_of(classroom, q["a"], **after_submit)
    _hand_in(handed_in_by_one, ana)
    # b: both handed in their only attempt: open to both.
    handed_in_by_both = _quiz_of(classroom, q["b"], **after_submit)
    _hand_in(handed_in_by_both, ana)
    _hand_in(handed_in_by_both, ben)
    # c: due yesterday: open. d: due next week: closed. e: never shown.
    after_due = {"answers_visible": AnswerVisibility.AFTER_DUE}
    _quiz_of(classroom, q["c"], due_at=timezone.now() - DAY, **after_due)
    _quiz_of(classroom, q["d"], **after_due)
    _quiz_of(classroom, q["e"], answers_visible=AnswerVisibility.NEVER)
    # f: due yesterday, but Ben was given until tomorrow: closed.
    extended = _quiz_of(classroom, q["f"], due_at=timezone.now() - DAY, **after_due)
    AssignmentExtension.objects.create(
        assignment=extended, student=ben, due_at=timezone.now() + DAY, granted_by=classroom.teacher
    )
    # g: never shown, but the assignment was removed: nobody takes it.
    removed = _quiz_of(classroom, q["g"], answers_visible=AnswerVisibility.NEVER)
    removed.removed_at = timezone.now()
    removed.save(update_fields=["removed_at"])
    # h: a quiz of another class that no member of this one is in.
    outsider_class = ClassroomFactory()
    EnrolmentFactory(classroom=outsider_class)
    _quiz_of(outsider_class, q["h"], answers_visible=AnswerVisibility.NEVER)
    # Ben's other class draws at random from another lesson: all of it is closed to Ben.
    other_class = ClassroomFactory()
    EnrolmentFactory(classroom=other_class, student=ben)
    drawn_lesson = LessonFactory(owner=other_class.teacher)
    drawn = QuestionFactory.create_batch(2, lesson=drawn_lesson)
    random_quiz = QuizFactory(
        owner=other_class.teacher, selection_mode=SelectionMode.RANDOM, random_count=1
    )
    random_quiz.lessons.add(drawn_lesson)
    AssignmentFactory(classroom=other_class, quiz=random_quiz)
    return classroom, (ana, ben), q, drawn


def test_a_class_holds_back_every_question_a_members_quiz_keeps_closed_to_them(world):
    classroom, _, q, drawn = world

    held = set(withheld_questions_for_class(classroom=classroom).values_list("pk", flat=True))

    assert held == {q["a"].pk, q["d"].pk, q["e"].pk, q["f"].pk} | {x.pk for x in drawn}


def test_the_class_holds_back_what_its_members_are_held_back_one_by_one(world):
    classroom, members, _, _ = world
    one_by_one = set()
    for student in members:
        one_by_one |= set(withheld_questions(student=student).values_list("pk", flat=True))

    held = set(withheld_questions_for_class(classroom=classroom).values_list("pk", flat=True))

    assert held == one_by_one


def test_a_removed_member_no_longer_holds_anything_back(world):
    classroom, (_, ben), q, _ = world
    classroom.enrolments.filter(student=ben).update(removed_at=timezone.now())

    held = set(withheld_questions_for_class(classroom=classroom).values_list("pk", flat=True))

    # f stays: Ben's extension keeps its key closed to the class, as it does for a student.
    assert held == {q["d"].pk, q["e"].pk, q["f"].pk}


def test_the_class_query_is_one_query_whatever_its_size(world, django_assert_num_queries):
    classroom, _, _, _ = world
    EnrolmentFactory.create_batch(5, classroom=classroom)

    with django_assert_num_queries(1):
        list(withheld_questions_for_class(classroom=classroom))

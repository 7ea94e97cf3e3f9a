import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError

from quizzes.models import Enrolment, LessonReading
from quizzes.services.assignments import assignment_create
from quizzes.services.classes import (
    JOIN_CODE_ALPHABET,
    JOIN_FAILURE_LIMIT,
    JOIN_FAILURE_LIMIT_PER_ADDRESS,
    JoinThrottled,
    classroom_archive,
    classroom_create,
    classroom_enrol_student,
    classroom_join_code_regenerate,
    classroom_join_code_set_enabled,
    classroom_rename,
    enrolment_remove,
    join_code_make,
    lesson_reading_mark,
)
from tests.accounts.factories import StudentFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    ClassroomFactory,
    EnrolmentFactory,
    LessonAssignmentFactory,
    QuizFactory,
    SubmittedAttemptFactory,
)


@pytest.fixture(autouse=True)
def empty_throttle(db):
    cache.clear()
    yield
    cache.clear()


def test_join_codes_have_no_look_alike_characters():
    codes = "".join(join_code_make() for _ in range(200))

    assert not set(codes) & set("0O1IlL")
    assert set(codes) <= set(JOIN_CODE_ALPHABET)


def test_new_class_gets_a_join_code_and_is_open(teacher):
    classroom = classroom_create(teacher=teacher, name="  Year 9 History ")

    assert classroom.name == "Year 9 History"
    assert len(classroom.join_code) == 6
    assert classroom.join_enabled


def test_students_cannot_create_classes(student):
    with pytest.raises(PermissionDenied):
        classroom_create(teacher=student, name="Mine")


def test_rename_changes_the_name(teacher):
    classroom = ClassroomFactory(teacher=teacher)

    classroom_rename(classroom=classroom, name="Year 10")

    classroom.refresh_from_db()
    assert classroom.name == "Year 10"


def test_student_joins_with_a_code_typed_in_lower_case(student):
    classroom = ClassroomFactory(join_code="K7PX3M")

    enrolment = classroom_enrol_student(student=student, code=" k7px-3m ", address="1.2.3.4")

    assert enrolment.classroom == classroom


def test_old_code_stops_working_after_regeneration(student):
    classroom = ClassroomFactory(join_code="K7PX3M")
    classroom_join_code_regenerate(classroom=classroom)

    with pytest.raises(ValidationError):
        classroom_enrol_student(student=student, code="K7PX3M", address="1.2.3.4")
    assert classroom.join_code != "K7PX3M"


def test_switched_off_code_does_not_admit(student):
    classroom = ClassroomFactory(join_code="K7PX3M")
    classroom_join_code_set_enabled(classroom=classroom, enabled=False)

    with pytest.raises(ValidationError):
        classroom_enrol_student(student=student, code="K7PX3M", address="1.2.3.4")


def test_archived_class_cannot_be_joined(student):
    classroom = ClassroomFactory(join_code="K7PX3M")
    classroom_archive(classroom=classroom)

    with pytest.raises(ValidationError):
        classroom_enrol_student(student=student, code="K7PX3M", address="1.2.3.4")


def test_teachers_do_not_join_classes(teacher):
    ClassroomFactory(join_code="K7PX3M")

    with pytest.raises(PermissionDenied):
        classroom_enrol_student(student=teacher, code="K7PX3M", address="1.2.3.4")


def test_wrong_codes_are_throttled_per_account(student):
    ClassroomFactory(join_code="K7PX3M")
    for number in range(JOIN_FAILURE_LIMIT):
        with pytest.raises(ValidationError):
            classroom_enrol_student(student=student, code="WRONG1", address=f"10.0.0.{number}")

    with pytest.raises(JoinThrottled):
        classroom_enrol_student(student=student, code="K7PX3M", address="10.0.1.1")


def test_wrong_codes_are_throttled_per_address(db):
    ClassroomFactory(join_code="K7PX3M")
    for _ in range(JOIN_FAILURE_LIMIT_PER_ADDRESS):
        with pytest.raises(ValidationError):
            classroom_enrol_student(student=StudentFactory(), code="WRONG1", address="10.0.0.9")

    with pytest.raises(JoinThrottled):
        classroom_enrol_student(student=StudentFactory(), code="K7PX3M", address="10.0.0.9")


def test_removed_student_rejoins_the_same_enrolment(student):
    enrolment = EnrolmentFactory(student=student, classroom=ClassroomFactory(join_code="K7PX3M"))
    enrolment_remove(enrolment=enrolment)

    rejoined = classroom_enrol_student(student=student, code="K7PX3M", address="1.2.3.4")

    assert rejoined.pk == enrolment.pk
    assert rejoined.removed_at is None


def test_removing_a_student_keeps_their_attempts(student):
    enrolment = EnrolmentFactory(student=student)
    attempt = SubmittedAttemptFactory(student=student, assignment__classroom=enrolment.classroom)

    enrolment_remove(enrolment=enrolment)

    assert Enrolment.objects.get(pk=enrolment.pk).removed_at is not None
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None


def test_teacher_assigns_their_own_quiz(teacher):
    classroom = ClassroomFactory(teacher=teacher)
    quiz = QuizFactory(owner=teacher)

    assignment = assignment_create(classroom=classroom, assigned_by=teacher, due_at=None, quiz=quiz)

    assert assignment.quiz == quiz


def test_teacher_cannot_assign_another_teachers_quiz(teacher):
    classroom = ClassroomFactory(teacher=teacher)

    with pytest.raises(PermissionDenied):
        assignment_create(classroom=classroom, assigned_by=teacher, due_at=None, quiz=QuizFactory())


def test_assignment_is_a_lesson_or_a_quiz_not_both(teacher):
    classroom = ClassroomFactory(teacher=teacher)

    with pytest.raises(ValidationError):
        assignment_create(
            classroom=classroom,
            assigned_by=teacher,
            due_at=None,
            quiz=QuizFactory(owner=teacher),
            lesson=LessonFactory(),
        )


def test_marking_a_lesson_read_twice_keeps_one_reading(student):
    assignment = LessonAssignmentFactory()

    lesson_reading_mark(assignment=assignment, student=student)
    lesson_reading_mark(assignment=assignment, student=student)

    assert LessonReading.objects.filter(assignment=assignment, student=student).count() == 1


def test_classmates_sharing_an_address_are_not_locked_out_by_one_typist(db):
    ClassroomFactory(join_code="K7PX3M")
    for _ in range(JOIN_FAILURE_LIMIT):
        with pytest.raises(ValidationError):
            classroom_enrol_student(student=StudentFactory(), code="WRONG1", address="10.0.0.9")

    enrolment = classroom_enrol_student(student=StudentFactory(), code="K7PX3M", address="10.0.0.9")

    assert enrolment.pk

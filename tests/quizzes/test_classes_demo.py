from quizzes.models import Attempt, Classroom
from quizzes.selectors.classes import classroom_gradebook
from quizzes.services.classes_demo import demo_classroom_ensure
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import QuestionFactory


def make_demo_people():
    TeacherFactory(username="teacher")
    for number in (1, 2, 3):
        StudentFactory(username=f"student{number}")


def test_demo_class_has_students_and_graded_attempts(db):
    make_demo_people()
    QuestionFactory.create_batch(4, lesson=LessonFactory(), ready=True)

    classroom = demo_classroom_ensure()

    gradebook = classroom_gradebook(classroom=classroom)
    assert len(gradebook.rows) == 3
    assert Attempt.objects.submitted().filter(assignment__classroom=classroom).count() == 2
    graded = {row.student.username: row.cells[0].grade is not None for row in gradebook.rows}
    assert graded == {"student1": True, "student2": True, "student3": False}


def test_demo_class_is_made_once(db):
    make_demo_people()

    demo_classroom_ensure()
    demo_classroom_ensure()

    assert Classroom.objects.count() == 1


def test_the_readme_shows_the_join_code_line_make_run_prints(db):
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command

    make_demo_people()
    QuestionFactory.create_batch(4, lesson=LessonFactory())
    out = StringIO()

    call_command("create_demo_classes", stdout=out)

    printed = out.getvalue().strip()
    code = Classroom.objects.get().join_code
    readme = (settings.BASE_DIR / "README.md").read_text()
    assert printed.replace(code, "K7PX3M") in readme
    assert "Join code" in readme and "QR code" in readme

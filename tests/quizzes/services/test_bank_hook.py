"""Generation runs after every import; a failure never loses the imported lesson."""

from lessons.models import Lesson
from lessons.services import lesson_import_file
from quizzes.models import Question


def test_import_reports_a_generation_failure_and_keeps_the_lesson(
    db, given_lesson_path, monkeypatch
):
    def broken(*, lesson):
        raise RuntimeError("model missing")

    monkeypatch.setattr("quizzes.services.bank.bank_generate", broken)

    outcome = lesson_import_file(path=given_lesson_path)

    assert "model missing" in outcome.generation_error
    assert Lesson.objects.filter(slug=outcome.slug).exists()


def test_dry_run_generates_nothing(db, given_lesson_path):
    lesson_import_file(path=given_lesson_path, dry_run=True)

    assert not Question.objects.exists()


def test_reimport_keeps_the_bank_unchanged(given_lesson, given_lesson_path):
    before = list(Question.objects.filter(lesson=given_lesson).values_list("pk", "prompt"))

    lesson_import_file(path=given_lesson_path)

    assert list(Question.objects.filter(lesson=given_lesson).values_list("pk", "prompt")) == before

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import QuestionFactory


def _run(*args) -> str:
    out = StringIO()
    call_command("export_bank", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_export_bank_writes_json_to_standard_output(lesson, bank):
    data = json.loads(_run("--format", "json"))

    assert [exported["slug"] for exported in data["lessons"]] == [lesson.slug]


def test_export_bank_exports_every_lesson_without_lesson(lesson, bank):
    other = LessonFactory(title="Another lesson")
    QuestionFactory(lesson=other)

    data = json.loads(_run("--format", "json"))

    assert {exported["slug"] for exported in data["lessons"]} == {lesson.slug, other.slug}


def test_export_bank_exports_one_lesson_by_slug(lesson, bank):
    LessonFactory()

    data = json.loads(_run("--format", "json", "--lesson", lesson.slug))

    assert [exported["slug"] for exported in data["lessons"]] == [lesson.slug]


def test_export_bank_writes_a_file_with_output(lesson, bank, tmp_path):
    target = tmp_path / "bank.gift"

    printed = _run("--format", "gift", "--output", str(target))

    assert printed == ""
    assert "::congress-of-vienna 001::" in target.read_text(encoding="utf-8")


def test_export_bank_writes_an_anki_package(lesson, bank, tmp_path):
    target = tmp_path / "bank.apkg"

    _run("--format", "apkg", "--output", str(target))

    assert "collection.anki2" in zipfile.ZipFile(target).namelist()


def test_export_bank_needs_output_for_anki(lesson, bank):
    with pytest.raises(CommandError, match="--output"):
        _run("--format", "apkg")


def test_export_bank_refuses_an_unknown_lesson(db):
    with pytest.raises(CommandError, match="no lesson has the slug 'nope'"):
        _run("--format", "json", "--lesson", "nope")


def test_export_bank_refuses_an_unknown_format(db):
    with pytest.raises(CommandError):
        _run("--format", "pdf")


def test_export_bank_gives_every_bundled_lesson_in_json(given_lesson):
    pytest.importorskip("quizzes.services.bank")
    from quizzes.services.bank import bank_generate

    bank_generate(lesson=given_lesson)

    data = json.loads(_run("--format", "json"))

    (exported,) = data["lessons"]
    assert exported["slug"] == given_lesson.slug
    assert exported["questions"]
    assert all(q["source"] for q in exported["questions"])

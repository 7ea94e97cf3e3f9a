import pytest

from lessons.models import KeyPoint, Lesson, Sentence
from lessons.parsing import LessonParseError, parse_lesson
from lessons.services import lesson_import_file, lesson_save_parsed


def test_import_creates_the_lesson_with_numbered_sentences(db, given_lesson_path):
    outcome = lesson_import_file(path=given_lesson_path)

    lesson = outcome.lesson
    assert outcome.created
    assert lesson.slug == "moscow-trials-great-purge"
    assert lesson.key_points.count() == 4
    assert [s.heading for s in lesson.sections.all()] == ["What Happened?", "Why Does it Matter?"]
    positions = list(lesson.sentences.values_list("position", flat=True))
    assert positions == list(range(1, len(positions) + 1))
    assert lesson.sentences.filter(section__isnull=True).count() == 3  # the summary's sentences


def test_reimport_updates_instead_of_duplicating(db, given_lesson_path):
    first = lesson_import_file(path=given_lesson_path)
    sentence_ids = set(first.lesson.sentences.values_list("pk", flat=True))

    second = lesson_import_file(path=given_lesson_path)

    assert not second.created
    assert Lesson.objects.count() == 1
    assert KeyPoint.objects.count() == 4
    assert set(second.lesson.sentences.values_list("pk", flat=True)) == sentence_ids


def test_reimport_of_an_edited_document_keeps_unchanged_sentences(db, tmp_path, given_lesson_path):
    path = tmp_path / "purge.txt"
    text = given_lesson_path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    lesson = lesson_import_file(path=path).lesson
    kept = lesson.sentences.get(text__startswith="They were accused of conspiracy")
    dropped_text = "This event is interesting for its deep-seated implications"

    path.write_text(text.replace(dropped_text, "It matters for"), encoding="utf-8")
    lesson_import_file(path=path)

    assert Sentence.objects.filter(pk=kept.pk, text=kept.text).exists()
    assert not Sentence.objects.filter(text__startswith=dropped_text).exists()


def test_retitled_document_updates_the_same_lesson(db, tmp_path, given_lesson_path):
    path = tmp_path / "purge.txt"
    text = given_lesson_path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    lesson_import_file(path=path)

    path.write_text("The Moscow Show Trials\n" + text.split("\n", 1)[1], encoding="utf-8")
    lesson_import_file(path=path)

    assert list(Lesson.objects.values_list("title", flat=True)) == ["The Moscow Show Trials"]


def test_broken_file_leaves_nothing_behind(db, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text("Only a title\nand a summary line, but no sections at all.\n", encoding="utf-8")

    with pytest.raises(LessonParseError):
        lesson_import_file(path=path)

    assert not Lesson.objects.exists()


def test_failure_while_writing_rolls_back_the_whole_lesson(db, given_lesson_path, monkeypatch):
    parsed = parse_lesson(given_lesson_path.read_text(encoding="utf-8"))

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Sentence.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        lesson_save_parsed(parsed=parsed, slug="purge")

    assert not Lesson.objects.exists()
    assert not KeyPoint.objects.exists()


def test_dry_run_writes_nothing(db, given_lesson_path):
    outcome = lesson_import_file(path=given_lesson_path, dry_run=True)

    assert outcome.created
    assert outcome.parsed.title == "Moscow Trials Open During Great Purge"
    assert not Lesson.objects.exists()

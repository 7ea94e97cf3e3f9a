import sqlite3
import zipfile
from io import BytesIO
from pathlib import Path

from quizzes.exports import bank_export
from quizzes.exports.anki import stable_id


def _notes(package: bytes, tmp_path: Path) -> list[list[str]]:
    with zipfile.ZipFile(BytesIO(package)) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as connection:
        rows = connection.execute("select flds from notes order by id").fetchall()
    return [row[0].split("\x1f") for row in rows]


def test_apkg_holds_a_note_per_usable_flashcard(lesson, bank, tmp_path):
    package = bank_export(lessons=[lesson], format_name="apkg")

    notes = _notes(package, tmp_path)

    fronts = sorted(note[0] for note in notes)
    assert fronts == sorted(card.front for card in bank["flashcards"])


def test_apkg_notes_have_front_back_and_source(lesson, bank, tmp_path):
    card = bank["flashcards"][0]

    notes = _notes(bank_export(lessons=[lesson], format_name="apkg"), tmp_path)

    note = next(note for note in notes if note[0] == card.front)
    assert note == [card.front, card.back, card.source_text]


def test_apkg_deck_ids_are_stable_per_lesson_slug():
    assert stable_id("deck:congress-of-vienna") == stable_id("deck:congress-of-vienna")
    assert stable_id("deck:congress-of-vienna") != stable_id("deck:moscow-trials")
    assert 1 << 30 <= stable_id("deck:congress-of-vienna") < 1 << 31

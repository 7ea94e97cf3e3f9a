"""Flashcards as an Anki deck (.apkg) built with genanki, one deck per lesson.

Deck and model ids are derived from the lesson slug (and a fixed name for the model),
and note GUIDs from the slug and the card's front, so importing a newer export updates
the same deck and notes in Anki instead of duplicating them.
"""

import hashlib
import tempfile
from html import escape
from pathlib import Path

import genanki

from quizzes.exports import LessonBank, source_of

MODEL_NAME = "History Quiz flashcard"
DECK_PREFIX = "History Quiz"


def stable_id(name: str) -> int:
    """An id in the range Anki expects (2**30 to 2**31), the same for the same name."""
    digest = int(hashlib.sha256(name.encode()).hexdigest()[:12], 16)
    return (1 << 30) + digest % (1 << 30)


def flashcard_model() -> genanki.Model:
    return genanki.Model(
        stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'
                '{{#Source}}<p class="source"><small>{{Source}}</small></p>{{/Source}}',
            }
        ],
        css=".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
        ".source { color: #666; }",
    )


def _html(text: str) -> str:
    return escape(text, quote=False)


def lesson_deck(bank: LessonBank, model: genanki.Model) -> genanki.Deck:
    """The lesson's flashcards as a deck named after the lesson."""
    slug = bank.lesson.slug
    deck = genanki.Deck(stable_id(f"deck:{slug}"), f"{DECK_PREFIX}::{bank.lesson.title}")
    for card in bank.flashcards:
        # Anki fields are HTML, so the lesson's text is escaped.
        fields = [_html(card.front), _html(card.back), _html(source_of(card))]
        deck.add_note(
            genanki.Note(model=model, fields=fields, guid=genanki.guid_for(slug, card.front))
        )
    return deck


def write_package(banks: list[LessonBank], path: Path) -> None:
    """Write the banks' flashcards to an .apkg file."""
    model = flashcard_model()
    genanki.Package([lesson_deck(bank, model) for bank in banks]).write_to_file(str(path))


def export(banks: list[LessonBank]) -> bytes:
    """The .apkg file's bytes (genanki writes to a file, so through a temporary one)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.apkg"
        write_package(banks, path)
        return path.read_bytes()

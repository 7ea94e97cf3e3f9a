"""Flashcards as an Anki deck (.apkg) built with genanki, one deck per lesson.

Deck and model ids are derived from the lesson slug (and a fixed name for the model),
and a note's GUID from the card's own id, so importing a newer export updates the same
deck and notes in Anki, even after a teacher edited a card's front. Cloze cards (a blank
on the front, the sentence on the back) use Anki's Cloze note type: the sentence with
{{c1::the answer}}.
"""

import hashlib
import tempfile
from html import escape
from pathlib import Path

import genanki

from quizzes.exports import LessonBank, source_of

MODEL_NAME = "History Quiz flashcard"
CLOZE_MODEL_NAME = "History Quiz cloze"
BLANK = "_____"
CLOZE_RULES = ("card.cloze", "card.keypoint")  # cards whose front may be the back, blanked
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


def cloze_model() -> genanki.Model:
    """Anki's Cloze note type (model type 1): one Text field with {{c1::...}} deletions."""
    return genanki.Model(
        stable_id(CLOZE_MODEL_NAME),
        CLOZE_MODEL_NAME,
        model_type=genanki.Model.CLOZE,
        fields=[{"name": "Text"}, {"name": "Source"}],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}"
                '{{#Source}}<p class="source"><small>{{Source}}</small></p>{{/Source}}',
            }
        ],
        css=".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
        ".cloze { font-weight: bold; color: #0a58ca; }\n.source { color: #666; }",
    )


def _html(text: str) -> str:
    return escape(text, quote=False)


def cloze_text(front: str, back: str) -> str | None:
    """The back sentence with the words the front's blank hides as {{c1::...}}, HTML-escaped;
    None when the front does not line up with the back."""
    if front.count(BLANK) != 1:
        return None
    before, after = front.split(BLANK)
    before, after = before.rstrip(), after.lstrip()
    back = back.strip()
    if (
        not back.startswith(before)
        or not back.endswith(after)
        or len(before) + len(after) >= len(back)
    ):
        return None
    hidden = back[len(before) : len(back) - len(after)].strip()
    if not hidden or "}}" in hidden:
        return None
    gap_before = back[len(before) : len(back) - len(after)]
    lead = " " if gap_before.startswith(" ") else ""
    trail = " " if gap_before.endswith(" ") else ""
    return f"{_html(before)}{lead}{{{{c1::{_html(hidden)}}}}}{trail}{_html(after)}"


def note_guid(card) -> str:
    """A note's GUID from the card's own id: edits to its text keep the same note."""
    return genanki.guid_for("history-quiz-card", card.pk)


def lesson_deck(
    bank: LessonBank, model: genanki.Model, cloze: genanki.Model | None = None
) -> genanki.Deck:
    """The lesson's flashcards as a deck named after the lesson."""
    slug = bank.lesson.slug
    cloze = cloze or cloze_model()
    deck = genanki.Deck(stable_id(f"deck:{slug}"), f"{DECK_PREFIX}::{bank.lesson.title}")
    for card in bank.flashcards:
        # Anki fields are HTML, so the lesson's text is escaped.
        source = _html(source_of(card))
        text = cloze_text(card.front, card.back) if card.rule in CLOZE_RULES else None
        if text is not None:
            note = genanki.Note(model=cloze, fields=[text, source], guid=note_guid(card))
        else:
            fields = [_html(card.front), _html(card.back), source]
            note = genanki.Note(model=model, fields=fields, guid=note_guid(card))
        deck.add_note(note)
    return deck


def write_package(banks: list[LessonBank], path: Path) -> None:
    """Write the banks' flashcards to an .apkg file."""
    model, cloze = flashcard_model(), cloze_model()
    decks = [lesson_deck(bank, model, cloze) for bank in banks]
    genanki.Package(decks).write_to_file(str(path))


def export(banks: list[LessonBank]) -> bytes:
    """The .apkg file's bytes (genanki writes to a file, so through a temporary one)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.apkg"
        write_package(banks, path)
        return path.read_bytes()

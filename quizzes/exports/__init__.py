"""A lesson bank in the formats other tools read: JSON, GIFT, Moodle XML, Anki, Quizlet.

Each format module has an `export(banks)` function taking LessonBank rows (below) and
returning text or bytes. Rejected items are left out of every format except JSON, which
keeps rejected questions with their status for integrations that want the whole picture.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lessons.models import Lesson
from quizzes.models import Flashcard, Question
from quizzes.selectors.bank import bank_flashcards, bank_questions


@dataclass(frozen=True)
class LessonBank:
    lesson: Lesson
    questions: list[Question]
    flashcards: list[Flashcard]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    content_type: str
    includes_rejected_questions: bool
    export: Callable[[list[LessonBank]], str | bytes]

    @property
    def is_binary(self) -> bool:
        return self.content_type == "application/octet-stream"

    def filename(self, stem: str) -> str:
        return f"{stem}{self.extension}"


def source_of(item: Question | Flashcard) -> str:
    """The text of the sentence an item came from (kept on the item if the lesson changed)."""
    if item.source_text:
        return item.source_text
    return item.source_sentence.text if item.source_sentence else ""


def lesson_banks(
    lessons: Iterable[Lesson], *, include_rejected_questions: bool = False, viewer=None
) -> list[LessonBank]:
    """Each lesson with its exportable questions and flashcards (with a viewer, only what
    they may see of each bank), in three queries."""
    lessons = list(lessons)
    questions = bank_questions(lessons=lessons, viewer=viewer)
    if not include_rejected_questions:
        questions = questions.usable()
    flashcards = bank_flashcards(lessons=lessons, viewer=viewer).usable()
    by_lesson: dict[int, LessonBank] = {
        lesson.pk: LessonBank(lesson=lesson, questions=[], flashcards=[]) for lesson in lessons
    }
    for question in questions:
        by_lesson[question.lesson_id].questions.append(question)
    for flashcard in flashcards:
        by_lesson[flashcard.lesson_id].flashcards.append(flashcard)
    return list(by_lesson.values())


def _formats() -> dict[str, ExportFormat]:
    from quizzes.exports import anki, gift, json, moodle_xml, quizlet

    text = "text/plain; charset=utf-8"
    return {
        f.name: f
        for f in [
            ExportFormat("json", "JSON", ".json", "application/json", True, json.export),
            ExportFormat("gift", "GIFT (Moodle)", "-gift.txt", text, False, gift.export),
            ExportFormat(
                "moodle-xml",
                "Moodle XML",
                "-moodle.xml",
                "application/xml",
                False,
                moodle_xml.export,
            ),
            ExportFormat(
                "apkg", "Anki deck", ".apkg", "application/octet-stream", False, anki.export
            ),
            ExportFormat("quizlet", "Quizlet", "-quizlet.txt", text, False, quizlet.export),
        ]
    }


FORMAT_NAMES = ("json", "gift", "moodle-xml", "apkg", "quizlet")


def export_format(name: str) -> ExportFormat:
    """The export format called `name`; KeyError if there is none."""
    return _formats()[name]


def export_formats() -> list[ExportFormat]:
    return list(_formats().values())


def bank_export(*, lessons: Iterable[Lesson], format_name: str, viewer=None) -> str | bytes:
    """The lessons' banks written in the named format, as much as the viewer may see."""
    chosen = export_format(format_name)
    banks = lesson_banks(
        lessons, include_rejected_questions=chosen.includes_rejected_questions, viewer=viewer
    )
    return chosen.export(banks)


__all__ = [
    "FORMAT_NAMES",
    "ExportFormat",
    "LessonBank",
    "bank_export",
    "export_format",
    "export_formats",
    "lesson_banks",
    "source_of",
]

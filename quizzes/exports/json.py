"""The bank as JSON, in the shape the issue fixes for tests and integrations."""

import json

from quizzes.exports import LessonBank, source_of
from quizzes.models import Flashcard, Question, QuestionKind

MATCH_ARROW = " → "


def question_answer(question: Question) -> str | list[str]:
    """The answer as the JSON shape has it: matching pairs become "left → right" strings."""
    if question.kind == QuestionKind.MATCHING:
        return [f"{left}{MATCH_ARROW}{right}" for left, right in question.answer]
    if isinstance(question.answer, list):
        return [str(item) for item in question.answer]
    return str(question.answer)


def question_data(question: Question) -> dict:
    return {
        "kind": question.kind,
        "prompt": question.prompt,
        "choices": [str(choice) for choice in question.choices],
        "answer": question_answer(question),
        "accepted": [str(variant) for variant in question.accepted],
        "source": source_of(question),
        "status": question.status,
        "confidence": question.confidence,
        "ready": question.ready,
    }


def flashcard_data(flashcard: Flashcard) -> dict:
    return {"front": flashcard.front, "back": flashcard.back, "source": source_of(flashcard)}


def export(banks: list[LessonBank]) -> str:
    """{"lessons": [{"slug", "title", "questions": [...], "flashcards": [...]}]} as UTF-8 text."""
    data = {
        "lessons": [
            {
                "slug": bank.lesson.slug,
                "title": bank.lesson.title,
                "questions": [question_data(question) for question in bank.questions],
                "flashcards": [flashcard_data(card) for card in bank.flashcards],
            }
            for bank in banks
        ]
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

"""Quizzes' models, a module per topic; import them from here."""

from quizzes.models.bank import (
    Flashcard,
    Question,
    QuestionKind,
    QuestionStatus,
)

__all__ = ["Flashcard", "Question", "QuestionKind", "QuestionStatus"]

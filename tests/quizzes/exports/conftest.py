import pytest

from quizzes.models import QuestionStatus
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    FlashcardFactory,
    QuestionFactory,
    question_of_every_kind,
)


@pytest.fixture
def lesson(db):
    return LessonFactory(title="The Congress of Vienna", slug="congress-of-vienna")


@pytest.fixture
def bank(lesson):
    """A question of every kind, a rejected question, two flashcards and a rejected one."""
    questions = question_of_every_kind(lesson)
    rejected = QuestionFactory(
        lesson=lesson, prompt="A rejected question?", status=QuestionStatus.REJECTED
    )
    cards = FlashcardFactory.create_batch(2, lesson=lesson)
    rejected_card = FlashcardFactory(
        lesson=lesson, front="A rejected card", status=QuestionStatus.REJECTED
    )
    return {
        "questions": questions,
        "rejected": rejected,
        "flashcards": cards,
        "rejected_card": rejected_card,
    }

import pytest

from quizzes.models import QuestionKind, QuestionStatus
from quizzes.services.bank_review import (
    bank_item_review,
    flashcard_edit,
    question_add,
    question_approve,
    question_edit,
    question_reject,
)
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import FlashcardFactory, QuestionFactory


@pytest.fixture
def question(db):
    return QuestionFactory()


def test_approving_marks_the_question_approved(question):
    question_approve(question=question)

    question.refresh_from_db()
    assert question.status == QuestionStatus.APPROVED
    assert question.is_reviewed


def test_rejecting_keeps_the_question_out_of_usable_ones(question):
    question_reject(question=question)

    assert not type(question).objects.usable().filter(pk=question.pk).exists()


def test_a_reviewer_cannot_set_edited_or_generated_by_hand(question):
    for status in (QuestionStatus.EDITED, QuestionStatus.GENERATED, "deleted"):
        with pytest.raises(ValueError):
            bank_item_review(item=question, status=status)


def test_editing_marks_the_question_edited_and_keeps_its_source(question):
    source = question.source_sentence

    question_edit(
        question=question,
        prompt="Who presided?",
        choices=["A", "B", "C", "D"],
        answer="A",
        accepted=[],
    )

    question.refresh_from_db()
    assert (question.prompt, question.status) == ("Who presided?", QuestionStatus.EDITED)
    assert question.source_sentence == source


def test_editing_a_flashcard_marks_it_edited(db):
    card = FlashcardFactory()

    flashcard_edit(flashcard=card, front="Front", back="Back")

    card.refresh_from_db()
    assert (card.front, card.back, card.status) == ("Front", "Back", QuestionStatus.EDITED)


def test_a_question_written_by_hand_is_approved_with_no_rule(teacher):
    lesson = LessonFactory()

    question = question_add(
        lesson=lesson,
        kind=QuestionKind.MULTIPLE_RESPONSE,
        prompt="Which?",
        choices=["A", "B", "C"],
        answer=["A", "B"],
        accepted=[],
        created_by=teacher,
    )

    assert (question.status, question.rule, question.created_by) == (
        QuestionStatus.APPROVED,
        "",
        teacher,
    )


def test_adding_refuses_an_unknown_kind(db):
    with pytest.raises(ValueError):
        question_add(
            lesson=LessonFactory(), kind="essay", prompt="?", choices=[], answer="", accepted=[]
        )

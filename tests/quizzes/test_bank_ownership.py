"""Only a lesson's owner (or an admin) changes its bank; every change is signed (issue 11,
fault 2)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Flashcard, Question, QuestionStatus
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.accounts.factories import TeacherFactory
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import FlashcardFactory

EDIT = {
    "prompt": "Who chaired the Congress of Vienna?",
    "options": "Metternich\nTalleyrand\nCastlereagh\nHardenberg",
    "answer": "Talleyrand",
    "explanation": "",
}


@pytest.fixture
def live_quiz(db):
    """Teacher A's lesson and quiz; A's student has answered its one question right."""
    assignment = assigned_quiz(question_count=1)
    lesson = assignment.quiz.lessons.get()
    lesson.owner = assignment.classroom.teacher
    lesson.save(update_fields=["owner"])
    attempt = attempt_start(assignment=assignment, student=enrol(assignment))
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given="Metternich")
    return attempt


def test_another_teacher_cannot_change_the_key_of_a_question_in_a_live_quiz(client, live_quiz):
    question = Question.objects.get(pk=live_quiz.question_ids[0])
    client.force_login(TeacherFactory())

    url = reverse("quizzes:bank_question_edit", args=[question.lesson.slug, question.pk])
    response = client.post(url, EDIT)

    assert response.status_code in (403, 404)
    assert attempt_submit(attempt=live_quiz).score == 1.0


def test_another_teacher_cannot_reject_import_into_or_edit_cards_of_a_lesson(client, live_quiz):
    question = Question.objects.get(pk=live_quiz.question_ids[0])
    lesson = question.lesson
    card = FlashcardFactory(lesson=lesson)
    client.force_login(TeacherFactory())

    responses = [
        client.post(
            reverse("quizzes:bank_question_status", args=[lesson.slug, question.pk]),
            {"status": "rejected"},
        ),
        client.post(
            reverse("quizzes:bank_import_gift", args=[lesson.slug]),
            {"gift_file": SimpleUploadedFile("x.gift", b"Who won?{=Wellington ~Napoleon}")},
        ),
        client.post(
            reverse("quizzes:bank_flashcard_edit", args=[lesson.slug, card.pk]),
            {"front": "Vandalised", "back": "Vandalised"},
        ),
    ]

    assert [r.status_code in (403, 404) for r in responses] == [True, True, True]
    question.refresh_from_db()
    assert question.status == QuestionStatus.GENERATED
    assert lesson.questions.count() == 1
    assert Flashcard.objects.get(pk=card.pk).front != "Vandalised"


def test_a_change_records_who_made_it_and_when(client, live_quiz):
    lesson = Question.objects.get(pk=live_quiz.question_ids[0]).lesson
    card = FlashcardFactory(lesson=lesson)
    owner = lesson.owner
    client.force_login(owner)

    client.post(
        reverse("quizzes:bank_flashcard_edit", args=[lesson.slug, card.pk]),
        {"front": "Metternich", "back": "Austria's foreign minister."},
    )

    card.refresh_from_db()
    assert card.updated_by == owner

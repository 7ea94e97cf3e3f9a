import pytest
from django.urls import reverse

from quizzes.models import QuestionStatus
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import FlashcardFactory, QuestionFactory, question_of_every_kind


@pytest.fixture
def admin_client_logged_in(client, admin_user):
    client.force_login(admin_user)
    return client


def test_question_admin_lists_and_filters_by_kind_status_and_lesson(admin_client_logged_in):
    lesson = LessonFactory()
    question_of_every_kind(lesson)
    url = reverse("admin:quizzes_question_changelist")

    response = admin_client_logged_in.get(
        url, {"kind": "matching", "status": "generated", "lesson__id__exact": lesson.pk}
    )

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_question_admin_searches_prompts_and_sources(admin_client_logged_in):
    QuestionFactory(prompt="Who led the Hundred Days?")
    QuestionFactory()
    url = reverse("admin:quizzes_question_changelist")

    response = admin_client_logged_in.get(url, {"q": "Hundred Days"})

    assert response.context["cl"].result_count == 1


def test_flashcard_admin_searches_and_filters(admin_client_logged_in):
    FlashcardFactory(front="Talleyrand", status=QuestionStatus.APPROVED)
    FlashcardFactory()
    url = reverse("admin:quizzes_flashcard_changelist")

    response = admin_client_logged_in.get(url, {"q": "Talleyrand", "status": "approved"})

    assert response.context["cl"].result_count == 1


def test_admin_action_rejects_selected_questions(admin_client_logged_in):
    questions = QuestionFactory.create_batch(2)
    url = reverse("admin:quizzes_question_changelist")

    admin_client_logged_in.post(
        url, {"action": "reject_items", "_selected_action": [q.pk for q in questions]}
    )

    for question in questions:
        question.refresh_from_db()
        assert question.status == QuestionStatus.REJECTED


def test_lesson_admin_shows_questions_and_flashcards_inline(admin_client_logged_in):
    question = QuestionFactory(prompt="Inline question?")
    FlashcardFactory(lesson=question.lesson, front="Inline card")

    response = admin_client_logged_in.get(
        reverse("admin:lessons_lesson_change", args=[question.lesson.pk])
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Inline question?" in page
    assert "Inline card" in page


def test_changing_a_questions_wording_in_the_admin_marks_it_edited(admin_client_logged_in):
    question = QuestionFactory()
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = {
        "lesson": question.lesson.pk,
        "kind": question.kind,
        "status": question.status,
        "prompt": "Who presided over the congress?",
        "choices": '["Metternich", "Talleyrand", "Castlereagh", "Hardenberg"]',
        "answer": '"Metternich"',
        "accepted": "[]",
        "explanation": "",
        "source_sentence": question.source_sentence.pk,
        "source_text": question.source_text,
        "key_point": "",
        "rule": question.rule,
    }

    response = admin_client_logged_in.post(url, data)

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.prompt, question.status) == (
        "Who presided over the congress?",
        QuestionStatus.EDITED,
    )


def test_lesson_admin_approves_a_question_inline(admin_client_logged_in):
    question = QuestionFactory()
    lesson = question.lesson
    data = {"title": lesson.title, "slug": lesson.slug, "summary": lesson.summary, "owner": ""}
    data |= _inline("key_points", [])
    data |= _inline("sections", [])
    data |= _inline("questions", [{"id": question.pk, "lesson": lesson.pk, "status": "approved"}])
    data |= _inline("flashcards", [])

    response = admin_client_logged_in.post(
        reverse("admin:lessons_lesson_change", args=[lesson.pk]), data
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.APPROVED


def test_lesson_admin_saves_a_lesson_posted_without_its_bank(admin_client_logged_in):
    question = QuestionFactory()
    lesson = question.lesson
    data = {"title": "Renamed", "slug": lesson.slug, "summary": lesson.summary, "owner": ""}
    data |= _inline("key_points", []) | _inline("sections", [])

    response = admin_client_logged_in.post(
        reverse("admin:lessons_lesson_change", args=[lesson.pk]), data
    )

    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.title == "Renamed"
    assert lesson.questions.get() == question


def _inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": len(rows),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    return data

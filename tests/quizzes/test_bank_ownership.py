"""Only a lesson's owner (or an admin) changes its bank; every change is signed (issue 11,
fault 2)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Flashcard, Question, QuestionStatus, SelectionMode
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from tests.accounts.factories import TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import AssignmentFactory, ClassroomFactory, FlashcardFactory

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


@pytest.fixture
def library(db):
    """A library lesson: a ready question, an approved one, one needing review, a card."""
    from tests.quizzes.factories import QuestionFactory

    lesson = LessonFactory()
    ready = QuestionFactory(lesson=lesson, ready=True, prompt="Ready?")
    approved = QuestionFactory(lesson=lesson, status=QuestionStatus.APPROVED, prompt="Approved?")
    unsure = QuestionFactory(lesson=lesson, ready=False, prompt="Unsure?")
    FlashcardFactory(lesson=lesson)
    return lesson, ready, approved, unsure


def test_another_teacher_sees_a_library_lessons_ready_and_approved_questions(client, library):
    lesson, ready, approved, unsure = library
    client.force_login(TeacherFactory())

    page = client.get(reverse("quizzes:bank_review", args=[lesson.slug]))
    export = client.get(reverse("quizzes:bank_download", args=[lesson.slug, "json"]))

    assert set(page.context["page"].questions) == {ready, approved}
    assert unsure.prompt not in export.content.decode()
    assert ready.prompt in export.content.decode()
    assert "Copy to my lessons" in page.content.decode()
    assert "Regenerate bank" not in page.content.decode()


def test_a_teacher_builds_quizzes_from_own_and_library_lessons_only(client, library):
    lesson, ready, approved, unsure = library
    teacher = TeacherFactory()
    someone_elses = LessonFactory(owner=TeacherFactory())
    client.force_login(teacher)

    pick = client.get(reverse("quizzes:quiz_new"))
    offered = client.get(reverse("quizzes:quiz_new"), {"lessons": [lesson.pk]})
    tampered = client.post(
        reverse("quizzes:quiz_new"),
        {
            "title": "Mine",
            "lessons": [lesson.pk],
            "selection_mode": "hand",
            "questions": [unsure.pk],
            "attempts_allowed": 1,
            "grading_method": "highest",
            "answers_visible": "after_submit",
        },
    )

    assert someone_elses.title not in pick.content.decode()
    assert set(offered.context["form"].fields["questions"].queryset) == {ready, approved}
    assert tampered.status_code == 400


def test_a_random_draw_from_a_library_lesson_takes_only_what_its_teacher_may_use(library):
    from quizzes.services.quizzes import quiz_create

    lesson, ready, approved, unsure = library
    teacher = TeacherFactory()
    quiz = quiz_create(
        owner=teacher,
        lessons=[lesson],
        title="Draw",
        selection_mode=SelectionMode.RANDOM,
        random_count=2,
    )
    assignment = AssignmentFactory(classroom=ClassroomFactory(teacher=teacher), quiz=quiz)

    attempt = attempt_start(assignment=assignment, student=enrol(assignment))

    assert set(attempt.question_ids) == {ready.pk, approved.pk}


def test_copy_to_my_lessons_gives_the_teacher_a_lesson_and_bank_to_change(client, library):
    lesson, ready, approved, unsure = library
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.post(reverse("quizzes:bank_lesson_copy", args=[lesson.slug]))

    copy = teacher.owned_lessons.get()
    assert response["Location"] == reverse("quizzes:bank_review", args=[copy.slug])
    assert copy.copied_from == lesson
    assert sorted(copy.questions.values_list("prompt", "status")) == [
        ("Approved?", "approved"),
        ("Ready?", "generated"),
    ]
    assert copy.flashcards.count() == 1
    assert all(q.source_sentence.lesson == copy for q in copy.questions.all())
    assert client.get(reverse("lessons:lesson_edit", args=[copy.slug])).status_code == 200


def test_only_library_lessons_are_copied(client, live_quiz):
    lesson = Question.objects.get(pk=live_quiz.question_ids[0]).lesson
    client.force_login(lesson.owner)

    response = client.post(reverse("quizzes:bank_lesson_copy", args=[lesson.slug]))

    assert response.status_code == 403

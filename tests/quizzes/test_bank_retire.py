"""Editing or regenerating a lesson never breaks the quizzes and attempts that use it
(issue 11, fault 4)."""

import pytest
from django.urls import reverse

from lessons.uploads import lesson_document_text
from quizzes.models import Question, SelectionMode
from quizzes.selectors.attempts import attempt_take_page
from quizzes.services.attempts import attempt_start, attempt_submit
from quizzes.services.quizzes import quiz_create
from tests.accounts.factories import AdminFactory, TeacherFactory
from tests.quizzes.attempt_setup import enrol
from tests.quizzes.factories import AssignmentFactory, ClassroomFactory

NEW_HAPPENED = (
    "What Happened?\n"
    "In August 1936 the court heard sixteen defendants in the October Hall of the House of "
    "the Unions. Andrey Vyshinsky led the prosecution.\n"
)


def _rewritten(lesson) -> str:
    """The lesson's document with its "What Happened?" section written anew."""
    text = lesson_document_text(lesson)
    head, _, rest = text.partition("## What Happened?")
    _, _, tail = rest.partition("## Why Does it Matter?")
    return f"{head}{NEW_HAPPENED}\n## Why Does it Matter?{tail}"


def _assigned(quiz):
    classroom = ClassroomFactory(teacher=quiz.owner)
    return AssignmentFactory(classroom=classroom, quiz=quiz)


@pytest.mark.django_db
def test_editing_a_lesson_during_a_random_draw_keeps_every_question_of_the_attempt(
    client, given_lesson
):
    owner = TeacherFactory()
    given_lesson.owner = owner
    given_lesson.save(update_fields=["owner"])
    quiz = quiz_create(
        owner=owner,
        lessons=[given_lesson],
        title="Purge check",
        selection_mode=SelectionMode.RANDOM,
        random_count=10,
    )
    assignment = _assigned(quiz)
    attempt = attempt_start(assignment=assignment, student=enrol(assignment))
    client.force_login(owner)

    client.post(
        reverse("lessons:lesson_edit", args=[given_lesson.slug]),
        {"text": _rewritten(given_lesson), "action": "save"},
    )

    assert len(attempt_take_page(attempt=attempt).questions) == 10
    assert attempt_submit(attempt=attempt).max_score == 10


@pytest.mark.django_db
def test_regenerating_a_library_lesson_another_teachers_quiz_uses_answers_no_error(
    client, given_lesson
):
    # Another teacher may use a library lesson's ready (or approved) questions.
    Question.objects.filter(lesson=given_lesson).update(ready=True)
    questions = list(Question.objects.filter(lesson=given_lesson).ready_or_approved()[:5])
    quiz = quiz_create(
        owner=TeacherFactory(), lessons=[given_lesson], title="Mine", questions=questions
    )
    client.force_login(AdminFactory())
    client.post(
        reverse("lessons:lesson_edit", args=[given_lesson.slug]),
        {"text": _rewritten(given_lesson), "action": "save"},
    )

    response = client.post(reverse("quizzes:bank_regenerate", args=[given_lesson.slug]))

    assert response.status_code == 302
    assert quiz.quiz_questions.count() == 5


@pytest.mark.django_db
def test_after_an_edit_the_bank_asks_nothing_about_sentences_the_lesson_lost(client, given_lesson):
    Question.objects.filter(lesson=given_lesson).update(status="approved")
    client.force_login(AdminFactory())

    client.post(
        reverse("lessons:lesson_edit", args=[given_lesson.slug]),
        {"text": _rewritten(given_lesson), "action": "save"},
    )

    page = client.get(reverse("quizzes:bank_review", args=[given_lesson.slug]))
    sentences = set(given_lesson.sentences.values_list("text", flat=True))
    shown = page.context["page"].questions
    assert shown
    assert all(q.source_text in sentences for q in shown if q.source_text)

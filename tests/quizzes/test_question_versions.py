"""A finished attempt's review and score never change under the student (issue 11, fault 3)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lessons.models import Lesson
from quizzes.models import Answer, Question, QuestionStatus, QuizQuestion
from quizzes.services.attempts import (
    answer_override_mark,
    attempt_save_answer,
    attempt_start,
    attempt_submit,
)
from quizzes.services.versions import question_remark, question_remark_preview, question_revise
from tests.accounts.factories import AdminFactory, TeacherFactory
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import QuestionFactory, ShortAnswerQuestionFactory


@pytest.mark.django_db
def test_editing_a_used_questions_key_leaves_the_finished_review_as_it_was(client):
    assignment = assigned_quiz(factories=[ShortAnswerQuestionFactory])
    lesson = assignment.quiz.lessons.get()
    lesson.owner = assignment.classroom.teacher
    lesson.save(update_fields=["owner"])
    student = enrol(assignment)
    attempt = attempt_start(assignment=assignment, student=student)
    question = Question.objects.get(pk=attempt.question_ids[0])
    attempt_save_answer(attempt=attempt, question_id=question.pk, given="Talleyrand")
    attempt_submit(attempt=attempt)
    client.force_login(lesson.owner)

    client.post(
        reverse("quizzes:bank_question_edit", args=[lesson.slug, question.pk]),
        {"prompt": question.prompt, "answer": "Charles-Maurice de Talleyrand", "accepted": ""},
    )

    attempt.refresh_from_db()
    assert attempt.score == 1.0
    client.force_login(student)
    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()
    assert "Right answer" in review or "right answer" in review.lower()
    assert "Talleyrand (also accepted: Charles-Maurice de Talleyrand)" in review


def _answered(assignment, given, student=None):
    """A submitted attempt of a new (or given) student answering the quiz's first question."""
    attempt = attempt_start(assignment=assignment, student=enrol(assignment, student))
    attempt_save_answer(attempt=attempt, question_id=attempt.question_ids[0], given=given)
    return attempt_submit(attempt=attempt)


@pytest.fixture
def short_quiz(db):
    """A quiz of one short-answer question ("Talleyrand") in its teacher's own lesson."""
    return assigned_quiz(factories=[ShortAnswerQuestionFactory])


def _question(assignment) -> Question:
    return assignment.quiz.quiz_questions.get().question


def test_an_edit_of_a_question_nothing_used_changes_it_in_place(db):
    question = QuestionFactory()
    teacher = TeacherFactory()

    saved = question_revise(question=question, by=teacher, prompt="Who led Austria?")

    assert saved.pk == question.pk
    question.refresh_from_db()
    assert (question.prompt, question.version, question.updated_by) == (
        "Who led Austria?",
        1,
        teacher,
    )


def test_an_edit_of_a_used_question_is_a_new_version_the_quiz_asks_from_now_on(short_quiz):
    first = _answered(short_quiz, "Talleyrand")
    old = _question(short_quiz)

    new = question_revise(question=old, by=short_quiz.classroom.teacher, answer="Prince Talleyrand")

    old.refresh_from_db()
    assert (new.version, new.family_id, new.is_current, old.is_current) == (2, old.pk, True, False)
    assert old.answer == "Talleyrand"
    assert _question(short_quiz) == new
    assert Answer.objects.get(attempt=first).question == old
    second = attempt_start(assignment=short_quiz, student=enrol(short_quiz))
    assert second.question_ids == [new.pk]


def test_two_saves_from_one_old_page_make_no_branch(short_quiz):
    _answered(short_quiz, "Talleyrand")
    old = _question(short_quiz)
    question_revise(question=old, by=None, answer="Prince Talleyrand")

    with pytest.raises(ValidationError, match="changed by someone else"):
        question_revise(question=old, by=None, answer="Talleyrand-Périgord")

    assert Question.objects.of_families([old]).count() == 2


def test_the_remark_preview_shows_score_changes_and_changes_nothing(short_quiz):
    attempt = _answered(short_quiz, "Périgord")
    new = question_revise(question=_question(short_quiz), by=None, accepted=["Périgord"])

    [row] = question_remark_preview(question=new, by=short_quiz.classroom.teacher)

    assert (row.old_mark, row.new_mark, row.old_score, row.new_score) == (0.0, 1.0, 0.0, 1.0)
    attempt.refresh_from_db()
    assert attempt.score == 0.0


def test_remarking_moves_finished_attempts_to_the_new_version_keeping_overrides(short_quiz):
    teacher = short_quiz.classroom.teacher
    right_now = _answered(short_quiz, "Périgord")
    overridden = _answered(short_quiz, "Périgord")
    answer_override_mark(answer=overridden.answers.get(), mark=0.5, by=teacher)
    new = question_revise(question=_question(short_quiz), by=teacher, accepted=["Périgord"])

    question_remark(question=new, by=teacher)

    right_now.refresh_from_db()
    overridden.refresh_from_db()
    assert (right_now.score, right_now.question_ids) == (1.0, [new.pk])
    assert overridden.score == 0.5
    assert right_now.answers.get().question == new


def test_remarking_reaches_only_the_teachers_own_classes(short_quiz):
    _answered(short_quiz, "Périgord")
    new = question_revise(question=_question(short_quiz), by=None, accepted=["Périgord"])

    assert question_remark_preview(question=new, by=TeacherFactory()) == []
    assert len(question_remark_preview(question=new, by=AdminFactory())) == 1


def test_the_teacher_accepts_a_students_answer_and_chooses_to_mark_again(client, short_quiz):
    attempt = _answered(short_quiz, "Périgord")
    teacher = short_quiz.classroom.teacher
    client.force_login(teacher)
    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()
    assert "Accept this answer" in review

    answer = attempt.answers.get()
    page = client.post(reverse("quizzes:answer_accept", args=[attempt.pk, answer.pk]), follow=True)
    attempt.refresh_from_db()
    assert attempt.score == 0.0
    assert "0 → 1" in page.content.decode()
    client.post(page.redirect_chain[-1][0])

    attempt.refresh_from_db()
    assert attempt.score == 1.0
    assert "Périgord" in _question(short_quiz).accepted


def test_accepting_an_answer_is_not_offered_to_a_teacher_who_cannot_change_the_lesson(client, db):
    assignment = assigned_quiz(factories=[ShortAnswerQuestionFactory])
    Lesson.objects.filter(quizzes=assignment.quiz).update(owner=None)
    attempt = _answered(assignment, "Périgord")
    client.force_login(assignment.classroom.teacher)

    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()
    response = client.post(
        reverse("quizzes:answer_accept", args=[attempt.pk, attempt.answers.get().pk])
    )

    assert "Accept this answer" not in review
    assert response.status_code == 403
    assert Question.objects.of_families([_question(assignment)]).count() == 1


def test_the_bank_shows_what_uses_a_question_and_its_versions(client, short_quiz):
    _answered(short_quiz, "Talleyrand")
    lesson = short_quiz.quiz.lessons.get()
    new = question_revise(question=_question(short_quiz), by=None, answer="Prince Talleyrand")
    client.force_login(short_quiz.classroom.teacher)

    bank = client.get(reverse("quizzes:bank_review", args=[lesson.slug])).content.decode()
    history = client.get(reverse("quizzes:bank_question_history", args=[lesson.slug, new.pk]))

    assert "Version 2 · used in 1 quiz, 1 attempt" in bank
    assert [version.version for version, _ in history.context["versions"]] == [2, 1]
    assert "Talleyrand (also accepted" in history.content.decode()


def test_editing_a_used_question_in_the_admin_makes_a_new_version(client, short_quiz, admin_user):
    _answered(short_quiz, "Talleyrand")
    old = _question(short_quiz)
    client.force_login(admin_user)
    url = reverse("admin:quizzes_question_change", args=[old.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        answer='"Prince Talleyrand"', choices="[]", accepted='["Charles-Maurice de Talleyrand"]'
    )

    client.post(url, data)

    old.refresh_from_db()
    assert old.answer == "Talleyrand"
    new = _question(short_quiz)
    assert (new.version, new.answer, new.status) == (2, "Prince Talleyrand", QuestionStatus.EDITED)
    assert QuizQuestion.objects.filter(question=old).count() == 0

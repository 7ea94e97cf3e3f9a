"""Live games under the site's rules for banks (issue 11): only questions the host may use,
answers kept with the version the player saw, and never a key a quiz still holds closed."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quizzes.models import (
    AnswerVisibility,
    LiveAnswer,
    LiveGame,
    Question,
    QuestionStatus,
    QuizQuestion,
    SelectionMode,
)
from quizzes.services.live import LiveRefused, live_answer, live_close_question, live_host_action
from quizzes.services.live_setup import live_draw_questions, live_game_create, live_player_join
from quizzes.services.versions import question_revise
from tests.accounts.factories import AdminFactory, TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    QuestionFactory,
    QuizFactory,
)
from tests.quizzes.live_world import live_world_fixture  # noqa: F401

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def _closed_quiz(classroom, questions, **settings):
    """The class's teacher's quiz of these questions, assigned to the class, its answers
    out only after next week's due date."""
    quiz = QuizFactory(owner=classroom.teacher, answers_visible=AnswerVisibility.AFTER_DUE)
    quiz.lessons.add(questions[0].lesson)
    for position, question in enumerate(questions, start=1):
        QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
    return AssignmentFactory(classroom=classroom, quiz=quiz, **settings)


# Only questions the host may use


def test_a_teacher_cannot_make_a_game_of_another_teachers_lesson(db):
    own = QuestionFactory(lesson=LessonFactory(owner=TeacherFactory()))

    with pytest.raises(PermissionDenied):
        live_game_create(host=TeacherFactory(), title="x", question_ids=[own.pk])


def test_a_library_question_that_needs_review_is_not_for_other_teachers_games(db):
    needs_review = QuestionFactory(lesson=LessonFactory(), ready=False)

    with pytest.raises(PermissionDenied):
        live_game_create(host=TeacherFactory(), title="x", question_ids=[needs_review.pk])
    assert live_game_create(host=AdminFactory(), title="x", question_ids=[needs_review.pk])


def test_a_random_draw_quizs_game_plays_only_ready_or_approved_questions(db):
    teacher = TeacherFactory()
    lesson = LessonFactory(owner=teacher)
    ready = [
        QuestionFactory(lesson=lesson),
        QuestionFactory(lesson=lesson, ready=False, status=QuestionStatus.APPROVED),
    ]
    QuestionFactory.create_batch(3, lesson=lesson, ready=False)  # need review
    quiz = QuizFactory(owner=teacher, selection_mode=SelectionMode.RANDOM, random_count=10)
    quiz.lessons.add(lesson)

    draw = live_draw_questions(host=teacher, quiz=quiz)

    assert sorted(draw.question_ids) == sorted(q.pk for q in ready)


def test_another_teachers_lesson_offers_no_game_page(live_world):
    lesson = LessonFactory(owner=TeacherFactory())
    client = Client()
    client.force_login(live_world.teacher)

    response = client.get(reverse("quizzes:live_new_lesson", args=[lesson.slug]))

    assert response.status_code == 404


# Answers keep the version the player saw


def test_editing_a_question_a_game_played_makes_a_new_version_and_its_answers_keep_theirs(
    live_world,
):
    ana, _ = live_world.join_both()
    game = live_world.game
    live_host_action(game_id=game.pk, host=live_world.teacher, action="start", now=T0)
    live_answer(game_id=game.pk, player_id=ana.pk, index=0, choice=0, now=T0)
    live_close_question(game_id=game.pk, index=0, reason="time", now=T0 + timedelta(seconds=20))
    played = Question.objects.get(pk=game.question_ids[0])
    prompt = played.prompt

    revised = question_revise(question=played, by=live_world.teacher, prompt="Who hosted it?")

    assert revised.pk != played.pk
    answer = LiveAnswer.objects.get(player=ana)
    assert answer.question_id == played.pk and answer.question.prompt == prompt


def test_editing_a_question_of_a_game_in_its_lobby_leaves_the_game_the_version_it_shows(
    live_world,
):
    game = live_world.game
    waiting = Question.objects.get(pk=game.question_ids[1])
    answer = waiting.answer

    question_revise(question=waiting, by=live_world.teacher, answer="false")

    waiting.refresh_from_db()
    assert waiting.answer == answer


# Keys a quiz still holds closed


def test_a_lesson_game_for_a_class_leaves_out_questions_a_members_quiz_holds_closed(live_world):
    closed = live_world.questions[:2]
    _closed_quiz(live_world.classroom, closed)

    draw = live_draw_questions(
        host=live_world.teacher, lesson=live_world.lesson, classroom=live_world.classroom
    )

    assert set(draw.question_ids) == {q.pk for q in live_world.questions[2:]}
    assert draw.held_back == 2


def test_a_members_quiz_in_another_class_holds_its_keys_closed_too(live_world):
    other_class = ClassroomFactory()
    EnrolmentFactory(classroom=other_class, student=live_world.ben)
    _closed_quiz(other_class, [live_world.questions[0]])

    draw = live_draw_questions(
        host=live_world.teacher, lesson=live_world.lesson, classroom=live_world.classroom
    )

    assert live_world.questions[0].pk not in draw.question_ids and draw.held_back == 1


def test_a_quiz_whose_answers_are_out_holds_nothing_back(live_world):
    _closed_quiz(
        live_world.classroom, live_world.questions[:2], due_at=timezone.now() - timedelta(days=1)
    )

    draw = live_draw_questions(
        host=live_world.teacher, lesson=live_world.lesson, classroom=live_world.classroom
    )

    assert len(draw.question_ids) == 4 and draw.held_back == 0


def test_playing_a_quiz_live_before_its_answers_are_out_leaves_its_questions_out(live_world):
    assignment = _closed_quiz(live_world.classroom, live_world.questions[:3])

    draw = live_draw_questions(
        host=live_world.teacher, quiz=assignment.quiz, classroom=live_world.classroom
    )

    assert draw.question_ids == [] and draw.held_back == 3


def test_the_host_is_told_how_many_questions_closed_keys_left_out(live_world):
    _closed_quiz(live_world.classroom, live_world.questions[:2])
    client = Client()
    client.force_login(live_world.teacher)

    response = client.post(
        reverse("quizzes:live_new_lesson", args=[live_world.lesson.slug]),
        {"classroom": live_world.classroom.pk, "question_count": 10, "seconds_per_question": 20},
        follow=True,
    )

    game = LiveGame.objects.exclude(pk=live_world.game.pk).get()
    assert len(game.question_ids) == 2
    assert "2 questions were held back" in response.content.decode()


def test_a_game_with_every_question_held_back_is_refused_with_the_reason(live_world):
    _closed_quiz(live_world.classroom, live_world.questions)
    client = Client()
    client.force_login(live_world.teacher)

    response = client.post(
        reverse("quizzes:live_new_lesson", args=[live_world.lesson.slug]),
        {"classroom": live_world.classroom.pk, "question_count": 10, "seconds_per_question": 20},
    )

    assert response.status_code == 400
    assert "answers are not out yet" in response.content.decode()
    assert LiveGame.objects.count() == 1


# A removed guest stays out


def test_a_removed_guest_cannot_come_back_under_a_new_nickname(live_world):
    game = live_world.game
    game.allow_guests = True
    game.save(update_fields=["allow_guests"])
    guest = live_player_join(game=game, user=AnonymousUser(), nickname="Rude name")
    live_host_action(game_id=game.pk, host=live_world.teacher, action="remove", player_id=guest.pk)
    guest.refresh_from_db()

    with pytest.raises(LiveRefused, match="removed you"):
        live_player_join(game=game, user=AnonymousUser(), nickname="Nice name", returning=guest)


def test_a_phone_whose_guest_was_removed_is_refused_a_new_nickname(live_world):
    game = live_world.game
    game.allow_guests = True
    game.save(update_fields=["allow_guests"])
    phone = Client()
    join = reverse("quizzes:live_join_pin", args=[game.pin])
    phone.post(join, {"nickname": "Rude name"})
    guest = game.players.get(nickname="Rude name")
    live_host_action(game_id=game.pk, host=live_world.teacher, action="remove", player_id=guest.pk)

    response = phone.post(join, {"nickname": "Nice name"})

    assert response.status_code == 400
    assert "The host removed you from this game." in response.content.decode()
    assert not game.players.filter(nickname="Nice name").exists()

"""Live games' writes: drawing questions, joining, the host's actions, answers timed and
judged by the server, closing a question with Kahoot's points, results left behind."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from quizzes.models import Attempt, CardState, LiveAnswer, LiveGame, LivePhase, QuestionStatus
from quizzes.selectors.classes import classroom_gradebook
from quizzes.selectors.live import host_sync_frames, player_sync_frames
from quizzes.services.live import (
    LiveRefused,
    live_answer,
    live_close_question,
    live_host_action,
)
from quizzes.services.live_setup import (
    PIN_FAILURE_LIMIT_PER_ADDRESS,
    live_draw_questions,
    live_game_by_pin,
    live_game_create,
    live_player_join,
)
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.quizzes.factories import FlashcardFactory, QuestionFactory, QuizFactory
from tests.quizzes.live_world import (
    live_world_fixture,  # noqa: F401
    make_live_world,
    right_choice_for,
    wrong_choice_for,
)

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def started(world, **fields):
    players = world.join_both()
    live_host_action(game_id=world.game.pk, host=world.teacher, action="start", now=T0)
    return players


# Drawing questions


def test_a_lesson_game_takes_ready_questions_and_counts_the_kinds_left_out(live_world):
    QuestionFactory(lesson=live_world.lesson, ready=False)  # generated, not ready: not drawn
    QuestionFactory(lesson=live_world.lesson, status=QuestionStatus.REJECTED, ready=True)

    draw = live_draw_questions(host=live_world.teacher, lesson=live_world.lesson)

    assert sorted(draw.question_ids) == sorted(q.pk for q in live_world.questions)
    assert draw.left_out == 1
    assert draw.left_out_kinds == ["fill in the blank"]


def test_a_lesson_game_draws_at_most_the_count_asked(live_world):
    draw = live_draw_questions(host=live_world.teacher, lesson=live_world.lesson, count=2)

    assert len(draw.question_ids) == 2


def test_a_quiz_game_keeps_the_quizs_order(db):
    quiz = QuizFactory(question_count=3)

    draw = live_draw_questions(host=quiz.owner, quiz=quiz)

    expected = list(quiz.quiz_questions.order_by("position").values_list("question_id", flat=True))
    assert draw.question_ids == expected


# Making a game


def test_a_new_game_waits_in_its_lobby_with_a_six_digit_pin(live_world):
    game = live_world.game

    assert game.phase == LivePhase.LOBBY
    assert len(game.pin) == 6 and game.pin.isdigit()
    for question in live_world.questions:
        order = game.option_orders[str(question.pk)]
        assert sorted(order) == list(range(len(question.choices)))


def test_a_teacher_cannot_play_with_another_teachers_class(live_world):
    with pytest.raises(PermissionDenied):
        live_game_create(
            host=TeacherFactory(),
            title="x",
            question_ids=[live_world.questions[0].pk],
            classroom=live_world.classroom,
        )


def test_a_student_cannot_host(live_world):
    with pytest.raises(PermissionDenied):
        live_game_create(host=live_world.ana, title="x", question_ids=[live_world.questions[0].pk])


def test_question_time_outside_the_range_is_refused(live_world):
    with pytest.raises(ValidationError, match="between 5 and 120"):
        live_game_create(
            host=live_world.teacher,
            title="x",
            question_ids=[live_world.questions[0].pk],
            seconds_per_question=3,
        )


def test_a_game_without_a_class_is_for_guests_and_never_graded(live_world):
    game = live_game_create(
        host=live_world.teacher, title="x", question_ids=[live_world.questions[0].pk], graded=True
    )

    assert game.allow_guests and not game.graded


# Joining


def test_a_class_member_joins_under_their_account_and_rejoins_as_the_same_player(live_world):
    first = live_player_join(game=live_world.game, user=live_world.ana)
    again = live_player_join(game=live_world.game, user=live_world.ana)

    assert first.pk == again.pk
    assert first.nickname == "Ana Lopez"


def test_a_guest_is_refused_when_the_game_is_for_its_class_only(live_world):
    with pytest.raises(LiveRefused, match="class only"):
        live_player_join(game=live_world.game, user=StudentFactory(), nickname="Zed")


@pytest.mark.parametrize("nickname", ["", "A", "x" * 21, "   \u200b  "])
def test_a_guest_nickname_must_be_two_to_twenty_characters(live_world, nickname):
    live_world.game.allow_guests = True
    live_world.game.save()
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(LiveRefused, match="2 to 20"):
        live_player_join(game=live_world.game, user=AnonymousUser(), nickname=nickname)


def test_a_guest_nickname_someone_has_is_refused_whatever_its_case_and_spaces(live_world):
    from django.contrib.auth.models import AnonymousUser

    live_world.game.allow_guests = True
    live_world.game.save()
    live_player_join(game=live_world.game, user=AnonymousUser(), nickname="Napoleon B")
    live_player_join(game=live_world.game, user=live_world.ana)

    with pytest.raises(LiveRefused, match="already has that nickname"):
        live_player_join(game=live_world.game, user=AnonymousUser(), nickname="  napoleon   b ")
    with pytest.raises(LiveRefused, match="already has that nickname"):
        live_player_join(game=live_world.game, user=AnonymousUser(), nickname="ana lopez")


def test_a_removed_member_cannot_come_back(live_world):
    ana, _ = live_world.join_both()
    live_host_action(
        game_id=live_world.game.pk, host=live_world.teacher, action="remove", player_id=ana.pk
    )

    with pytest.raises(LiveRefused, match="removed you"):
        live_player_join(game=live_world.game, user=live_world.ana)


def test_nobody_joins_an_ended_game(live_world):
    live_host_action(game_id=live_world.game.pk, host=live_world.teacher, action="end")
    live_world.game.refresh_from_db()

    with pytest.raises(LiveRefused, match="ended"):
        live_player_join(game=live_world.game, user=live_world.ana)


def test_wrong_pins_from_one_address_are_throttled(live_world):
    for _ in range(PIN_FAILURE_LIMIT_PER_ADDRESS):
        with pytest.raises(LiveRefused, match="No game"):
            live_game_by_pin(
                pin="000000" if live_world.game.pin != "000000" else "111111", address="10.9.9.9"
            )

    with pytest.raises(LiveRefused, match="Too many"):
        live_game_by_pin(pin=live_world.game.pin, address="10.9.9.9")
    assert live_game_by_pin(pin=live_world.game.pin, address="10.9.9.8") == live_world.game


# The host's actions


@pytest.mark.parametrize("who", ["other_teacher", "student"])
def test_only_the_games_teacher_controls_it(live_world, who):
    intruder = TeacherFactory() if who == "other_teacher" else live_world.ana

    with pytest.raises(PermissionDenied):
        live_host_action(game_id=live_world.game.pk, host=intruder, action="start")
    live_world.game.refresh_from_db()
    assert live_world.game.phase == LivePhase.LOBBY


def test_start_opens_the_first_question_on_the_servers_clock(live_world):
    started(live_world)

    game = LiveGame.objects.get(pk=live_world.game.pk)
    assert (game.phase, game.current_index) == (LivePhase.QUESTION, 0)
    assert game.closes_at == at(20)


def test_an_action_the_phase_does_not_allow_is_refused(live_world):
    started(live_world)

    with pytest.raises(LiveRefused, match="Show the answer"):
        live_host_action(
            game_id=live_world.game.pk, host=live_world.teacher, action="next", now=at(1)
        )


def test_pause_keeps_the_time_left_and_resume_gives_it_back(live_world):
    started(live_world)

    live_host_action(game_id=live_world.game.pk, host=live_world.teacher, action="pause", now=at(8))
    live_host_action(
        game_id=live_world.game.pk, host=live_world.teacher, action="resume", now=at(100)
    )

    game = LiveGame.objects.get(pk=live_world.game.pk)
    assert game.phase == LivePhase.QUESTION
    assert game.closes_at == at(112)


# Answers


def test_an_answer_is_timed_on_arrival_by_the_server(live_world):
    ana, _ = started(live_world)

    receipt = live_answer(
        game_id=live_world.game.pk, player_id=ana.pk, index=0, choice=0, now=at(4.25)
    )

    answer = LiveAnswer.objects.get(player=ana)
    assert answer.elapsed_ms == 4250
    assert answer.question_id == live_world.game.question_ids[0]
    assert (receipt.answered, receipt.players) == (1, 2)


def test_a_second_answer_to_the_same_question_is_refused(live_world):
    ana, _ = started(live_world)
    live_answer(game_id=live_world.game.pk, player_id=ana.pk, index=0, choice=0, now=at(1))

    with pytest.raises(LiveRefused, match="already answered"):
        live_answer(game_id=live_world.game.pk, player_id=ana.pk, index=0, choice=1, now=at(2))
    assert LiveAnswer.objects.filter(player=ana).count() == 1


@pytest.mark.parametrize(
    "index, moment, reason",
    [(0, 20.0, "too late"), (1, 3.0, "closed"), (0, 3.0, "paused")],
)
def test_late_out_of_turn_and_paused_answers_are_refused(live_world, index, moment, reason):
    ana, _ = started(live_world)
    if reason == "paused":
        live_host_action(
            game_id=live_world.game.pk, host=live_world.teacher, action="pause", now=at(2)
        )

    with pytest.raises(LiveRefused, match=reason):
        live_answer(
            game_id=live_world.game.pk, player_id=ana.pk, index=index, choice=0, now=at(moment)
        )
    assert not LiveAnswer.objects.exists()


def test_a_removed_player_cannot_answer(live_world):
    ana, _ = started(live_world)
    live_host_action(
        game_id=live_world.game.pk,
        host=live_world.teacher,
        action="remove",
        player_id=ana.pk,
        now=at(1),
    )

    with pytest.raises(LiveRefused, match="not in this game"):
        live_answer(game_id=live_world.game.pk, player_id=ana.pk, index=0, choice=0, now=at(2))


def test_a_choice_that_does_not_fit_is_refused(live_world):
    ana, _ = started(live_world)

    with pytest.raises(LiveRefused, match="Pick one"):
        live_answer(game_id=live_world.game.pk, player_id=ana.pk, index=0, choice=9, now=at(2))


# Closing a question


def test_closing_gives_kahoot_points_to_right_answers_only(live_world):
    ana, ben = started(live_world)
    game = live_world.game
    live_answer(
        game_id=game.pk, player_id=ana.pk, index=0, choice=right_choice_for(game, 0), now=at(5)
    )
    live_answer(
        game_id=game.pk, player_id=ben.pk, index=0, choice=wrong_choice_for(game, 0), now=at(1)
    )

    outcome = live_close_question(game_id=game.pk, index=0, reason="time", now=at(20))

    ana.refresh_from_db()
    ben.refresh_from_db()
    assert (ana.score, ana.streak, ana.correct_count) == (875, 1, 1)
    assert (ben.score, ben.streak) == (0, 0)
    reveal = next(message for audience, message in outcome.messages if audience == "players")
    assert reveal["results"][str(ana.pk)] == {
        "answered": True,
        "right": True,
        "points": 875,
        "score": 875,
        "rank": 1,
        "of": 2,
    }
    assert reveal["results"][str(ben.pk)]["rank"] == 2


def test_the_right_answer_reaches_nobody_before_the_question_closes(live_world):
    started(live_world)
    game = LiveGame.objects.get(pk=live_world.game.pk)

    frames = host_sync_frames(game, now=at(3))

    question = next(frame for frame in frames if frame["type"] == "question")
    assert "right" not in question and "right_text" not in question
    answer = str(live_world.questions[0].answer)
    assert answer in question["options"]  # shown as an option, never marked


def test_a_timer_firing_early_does_not_close_the_question(live_world):
    started(live_world)

    assert (
        live_close_question(game_id=live_world.game.pk, index=0, reason="time", now=at(19.9))
        is None
    )
    assert (
        live_close_question(game_id=live_world.game.pk, index=0, reason="everyone", now=at(3))
        is None
    )
    assert LiveGame.objects.get(pk=live_world.game.pk).phase == LivePhase.QUESTION


def test_a_question_closes_once_however_many_servers_try(live_world):
    started(live_world)

    first = live_close_question(game_id=live_world.game.pk, index=0, reason="time", now=at(20))
    second = live_close_question(game_id=live_world.game.pk, index=0, reason="time", now=at(20))

    assert first is not None and second is None


def test_the_streak_bonus_rewards_right_answers_in_a_row(db):
    world = make_live_world(streak_bonus_on=True)
    ana, _ = world.join_both()
    game = world.game
    live_host_action(game_id=game.pk, host=world.teacher, action="start", now=T0)
    scores = []
    for index in range(3):
        opened = T0 + timedelta(seconds=100 * index)
        if index:
            live_host_action(game_id=game.pk, host=world.teacher, action="next", now=opened)
        live_answer(
            game_id=game.pk,
            player_id=ana.pk,
            index=index,
            choice=right_choice_for(game, index),
            now=opened,
        )
        live_host_action(game_id=game.pk, host=world.teacher, action="skip", now=opened)
        ana.refresh_from_db()
        scores.append(ana.score)

    assert scores == [1000, 2100, 3300]  # 1000, then 1000 + 100, then 1000 + 200


def test_next_after_the_last_question_ends_the_game_with_a_podium(live_world):
    ana, ben = started(live_world)
    game = live_world.game
    for index in range(4):
        if index:
            live_host_action(
                game_id=game.pk, host=live_world.teacher, action="next", now=at(100 * index)
            )
        live_host_action(
            game_id=game.pk, host=live_world.teacher, action="skip", now=at(100 * index + 1)
        )

    outcome = live_host_action(game_id=game.pk, host=live_world.teacher, action="next", now=at(999))

    assert LiveGame.objects.get(pk=game.pk).phase == LivePhase.ENDED
    assert any(message.get("frame", {}).get("type") == "podium" for _, message in outcome.messages)


# What a game leaves behind


def test_a_restarted_server_resumes_at_the_current_question(live_world):
    ana, _ = started(live_world)
    live_answer(game_id=live_world.game.pk, player_id=ana.pk, index=0, choice=0, now=at(2))

    game = LiveGame.objects.get(pk=live_world.game.pk)  # all a new process has
    frames = player_sync_frames(game, ana, now=at(12))

    question = next(frame for frame in frames if frame["type"] == "question")
    assert question["index"] == 0 and question["left_ms"] == 8000 and question["answered"]


def test_wrong_answers_of_class_members_make_their_flashcards_due(live_world):
    ana, ben = started(live_world)
    game = live_world.game
    card = FlashcardFactory(lesson=live_world.lesson)  # same source sentence as the questions
    live_answer(
        game_id=game.pk, player_id=ana.pk, index=0, choice=wrong_choice_for(game, 0), now=at(1)
    )
    live_answer(
        game_id=game.pk, player_id=ben.pk, index=0, choice=right_choice_for(game, 0), now=at(1)
    )

    live_close_question(game_id=game.pk, index=0, reason="everyone", now=at(2))

    assert CardState.objects.filter(student=live_world.ana, flashcard=card, due__lte=at(2)).exists()
    assert not CardState.objects.filter(student=live_world.ben).exists()


def test_an_ungraded_game_stays_out_of_the_gradebook(live_world):
    started(live_world)

    live_host_action(game_id=live_world.game.pk, host=live_world.teacher, action="end", now=at(3))

    assert not Attempt.objects.exists()
    assert LiveGame.objects.get(pk=live_world.game.pk).assignment is None


def test_a_graded_game_counts_the_played_questions_in_the_gradebook(db):
    world = make_live_world(graded=True)
    ana, ben = world.join_both()
    game = world.game
    live_host_action(game_id=game.pk, host=world.teacher, action="start", now=T0)
    live_answer(
        game_id=game.pk, player_id=ana.pk, index=0, choice=right_choice_for(game, 0), now=at(1)
    )
    live_host_action(game_id=game.pk, host=world.teacher, action="skip", now=at(2))
    live_host_action(game_id=game.pk, host=world.teacher, action="next", now=at(3))
    live_answer(
        game_id=game.pk, player_id=ana.pk, index=1, choice=wrong_choice_for(game, 1), now=at(4)
    )

    live_host_action(game_id=game.pk, host=world.teacher, action="end", now=at(5))  # 2 of 4 played

    gradebook = classroom_gradebook(classroom=world.classroom)
    grades = {row.student.pk: row.cells[0].grade for row in gradebook.rows}
    assert grades == {world.ana.pk: 50.0, world.ben.pk: 0.0}
    attempt = Attempt.objects.get(student=world.ana)
    assert attempt.question_ids == game.question_ids[:2]

"""Writes for a running live game: the host's actions, answers and closing a question.
The server is the only clock and the only judge: every write reads the game's
row (the host's actions lock it), times answers on arrival and refuses late, duplicate and
out-of-turn ones.

Each action returns an Outcome: the channel messages the consumers broadcast (to the
projector's group, to the players' group) once the transaction has committed.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from quizzes.live.questions import BadChoice, given_from_choice
from quizzes.live.scoring import answer_points, streak_bonus
from quizzes.live.state import action_problem, elapsed_ms, is_open_at, time_left_ms
from quizzes.models import (
    LiveAnswer,
    LiveGame,
    LivePhase,
    LivePlayer,
    Question,
)
from quizzes.scoring import score_answer
from quizzes.selectors.live import (
    answer_count,
    answers_frame,
    live_options,
    live_question,
    lobby_frame,
    podium_payload,
    question_frame,
    reveal_payload,
)
from quizzes.services.live_results import live_queue_mistakes, live_save_to_gradebook


class LiveRefused(ValidationError):
    """The server will not take this action now; the message says why, for the screen."""


@dataclass
class Outcome:
    """Channel messages to broadcast: (audience, message), audience "host" or "players"."""

    messages: list[tuple[str, dict]] = field(default_factory=list)

    def to_host(self, message: dict) -> None:
        self.messages.append(("host", message))

    def to_players(self, message: dict) -> None:
        self.messages.append(("players", message))

    def to_all(self, message: dict) -> None:
        self.to_host(message)
        self.to_players(message)


def _locked_game(game_id: int, host) -> LiveGame:
    """The game's row, locked, if `host` hosts it: every host action is checked here."""
    game = LiveGame.objects.select_for_update().filter(pk=game_id).first()
    if game is None or not LiveGame.objects.hosted_by(host).filter(pk=game_id).exists():
        raise PermissionDenied("Only the game's teacher controls the game.")
    return game


def _open_question(game: LiveGame, index: int, now: datetime, outcome: Outcome) -> None:
    game.phase = LivePhase.QUESTION
    game.current_index = index
    game.opened_at = now
    game.closes_at = now + timedelta(seconds=game.seconds_per_question)
    game.paused_left_ms = None
    game.save(update_fields=["phase", "current_index", "opened_at", "closes_at", "paused_left_ms"])
    question = live_question(game, index)
    outcome.to_all({"type": "live.frame", "frame": question_frame(game, question, now=now)})
    outcome.to_host(_timer_message(game))


def _timer_message(game: LiveGame) -> dict:
    return {
        "type": "live.timer",
        "index": game.current_index,
        "closes_at": game.closes_at.isoformat(),
    }


def live_host_action(
    *, game_id: int, host, action: str, player_id: int | None = None, now: datetime | None = None
) -> Outcome:
    """Carry out one of the host's actions (start, next, pause, resume, skip, end, remove)
    if the game's phase allows it."""
    now = now or timezone.now()
    outcome = Outcome()
    closed_index = None
    with transaction.atomic():
        game = _locked_game(game_id, host)
        problem = action_problem(game.phase, action)
        if problem:
            raise LiveRefused(problem, code="phase")
        if action == "start":
            game.started_at = now
            game.save(update_fields=["started_at"])
            _open_question(game, 0, now, outcome)
        elif action == "next":
            if game.is_last_question:
                _finish(game, now, outcome)
            else:
                _open_question(game, game.current_index + 1, now, outcome)
        elif action == "pause":
            left = time_left_ms(game.closes_at, now)
            if left <= 0:
                closed_index = _close(game, now, outcome)
            else:
                game.phase, game.paused_left_ms, game.closes_at = LivePhase.PAUSED, left, None
                game.save(update_fields=["phase", "paused_left_ms", "closes_at"])
                outcome.to_all({"type": "live.frame", "frame": _paused_frame(game)})
        elif action == "resume":
            game.phase = LivePhase.QUESTION
            game.closes_at = now + timedelta(milliseconds=game.paused_left_ms or 0)
            game.paused_left_ms = None
            game.save(update_fields=["phase", "paused_left_ms", "closes_at"])
            question = live_question(game, game.current_index)
            frame = question_frame(game, question, now=now)
            outcome.to_all({"type": "live.frame", "frame": frame})
            outcome.to_host(_timer_message(game))
        elif action == "skip":
            closed_index = _close(game, now, outcome)
        elif action == "end":
            if game.phase in (LivePhase.QUESTION, LivePhase.PAUSED):
                closed_index = _close(game, now, outcome)
            _finish(game, now, outcome)
        elif action == "remove":
            _remove_player(game, player_id, now, outcome)
    if closed_index is not None:
        _queue_mistakes(game, closed_index, now)
    return outcome


def _paused_frame(game: LiveGame) -> dict:
    return {"type": "paused", "index": game.current_index, "left_ms": game.paused_left_ms}


def _remove_player(game: LiveGame, player_id: int | None, now: datetime, outcome: Outcome) -> None:
    player = game.players.active().filter(pk=player_id).first()
    if player is None:
        raise LiveRefused("That player is not in the game.", code="player")
    player.removed_at = now
    player.save(update_fields=["removed_at"])
    outcome.to_players({"type": "live.removed", "player": player.pk})
    outcome.to_host({"type": "live.frame", "frame": lobby_frame(game)})


def _game_for_answer(game_id: int) -> LiveGame | None:
    """The game's row under a shared lock on PostgreSQL: answers go in side by side, but not
    while a host action (which locks the row for update) closes the question."""
    if connection.vendor == "postgresql":
        table = LiveGame._meta.db_table
        rows = list(
            LiveGame.objects.raw(f"SELECT * FROM {table} WHERE id = %s FOR SHARE", [game_id])
        )  # noqa: S608
        return rows[0] if rows else None
    # SQLite takes every write transaction one at a time anyway.
    return LiveGame.objects.filter(pk=game_id).first()


@dataclass(frozen=True)
class Receipt:
    """An answer the server took: how many have answered this question, of how many."""

    index: int
    answered: int
    players: int

    @property
    def everyone_answered(self) -> bool:
        return self.answered >= self.players


def live_answer(
    *, game_id: int, player_id: int, index: int, choice, now: datetime | None = None
) -> Receipt:
    """Take one player's answer to the open question, timed by the server's clock on
    arrival. Refuses a closed, paused or other question, a late answer, a second answer and
    a choice that does not fit."""
    now = now or timezone.now()
    with transaction.atomic():
        game = _game_for_answer(game_id)
        if game is None:
            raise LiveRefused("This game is gone.", code="ended")
        if game.phase == LivePhase.PAUSED and index == game.current_index:
            raise LiveRefused("The game is paused: wait for the host.", code="paused")
        if game.phase != LivePhase.QUESTION or index != game.current_index:
            raise LiveRefused("This question is closed.", code="closed")
        if not is_open_at(phase=game.phase, closes_at=game.closes_at, now=now):
            raise LiveRefused("Time is up: your answer came too late.", code="late")
        player = game.players.filter(pk=player_id).first()
        if player is None or player.removed_at is not None:
            raise LiveRefused("You are not in this game.", code="removed")
        question = Question.objects.get(pk=game.question_ids[index])
        try:
            given = given_from_choice(question, live_options(game, question), choice)
        except BadChoice as refusal:
            raise LiveRefused(str(refusal), code="bad_choice") from None
        limit_ms = game.seconds_per_question * 1000
        try:
            with transaction.atomic():
                LiveAnswer.objects.create(
                    game=game,
                    player=player,
                    question=question,
                    question_index=index,
                    given=given,
                    elapsed_ms=elapsed_ms(closes_at=game.closes_at, limit_ms=limit_ms, now=now),
                    answered_at=now,
                )
        except IntegrityError:
            raise LiveRefused("You already answered this question.", code="duplicate") from None
    # Counted after the commit: of answers committed at the same moment, the last one to
    # commit sees them all, so "everyone has answered" is never missed.
    answered, players = answer_count(game, index)
    return Receipt(index=index, answered=answered, players=players)


def live_close_question(
    *, game_id: int, index: int, reason: str, now: datetime | None = None
) -> Outcome | None:
    """Close question `index` if it is still open and the reason holds ("time": its time is
    up; "everyone": every player has answered). None when there was nothing to close
    (another server or tab closed it first)."""
    now = now or timezone.now()
    outcome = Outcome()
    with transaction.atomic():
        game = LiveGame.objects.select_for_update().filter(pk=game_id).first()
        if game is None or game.current_index != index:
            return None
        if game.phase not in (LivePhase.QUESTION, LivePhase.PAUSED):
            return None
        if reason == "time" and (
            game.phase != LivePhase.QUESTION or time_left_ms(game.closes_at, now)
        ):
            return None
        if reason == "everyone":
            answered, players = answer_count(game, index)
            if answered < players or game.phase != LivePhase.QUESTION:
                return None
        _close(game, now, outcome)
    _queue_mistakes(game, index, now)
    return outcome


def _close(game: LiveGame, now: datetime, outcome: Outcome) -> int:
    """Mark the open question's answers, give points and streaks, and show the reveal."""
    index = game.current_index
    question = Question.objects.get(pk=game.question_ids[index])
    limit_ms = game.seconds_per_question * 1000
    answers = {
        answer.player_id: answer
        for answer in LiveAnswer.objects.filter(game=game, question_index=index)
    }
    players = list(game.players.active())
    for player in players:
        answer = answers.get(player.pk)
        right = False
        if answer is not None:
            answer.mark = score_answer(question, answer.given)
            right = answer.mark >= 1.0
        player.streak = player.streak + 1 if right else 0
        if right:
            points = answer_points(right=True, elapsed_ms=answer.elapsed_ms, limit_ms=limit_ms)
            if game.streak_bonus:
                points += streak_bonus(player.streak)
            answer.points = points
            player.score += points
            player.correct_count += 1
    LiveAnswer.objects.bulk_update(list(answers.values()), ["mark", "points"])
    LivePlayer.objects.bulk_update(players, ["score", "streak", "correct_count"])
    game.phase, game.closes_at, game.paused_left_ms = LivePhase.REVEAL, None, None
    game.save(update_fields=["phase", "closes_at", "paused_left_ms"])
    reveal = reveal_payload(game, index)
    outcome.to_host({"type": "live.frame", "frame": reveal.frame})
    outcome.to_players({"type": "live.results", "frame": reveal.frame, "results": reveal.results})
    return index


def _finish(game: LiveGame, now: datetime, outcome: Outcome) -> None:
    game.phase, game.ended_at, game.closes_at = LivePhase.ENDED, now, None
    game.save(update_fields=["phase", "ended_at", "closes_at"])
    if game.graded:
        live_save_to_gradebook(game=game)
    podium = podium_payload(game)
    outcome.to_host({"type": "live.frame", "frame": podium.frame})
    outcome.to_players({"type": "live.results", "frame": podium.frame, "results": podium.results})


def _queue_mistakes(game: LiveGame, index: int, now: datetime) -> None:
    live_queue_mistakes(game=game, index=index, now=now)


def live_answer_frames(receipt: Receipt) -> Outcome:
    """What the projector hears when an answer comes in: the count so far."""
    outcome = Outcome()
    outcome.to_host(
        {
            "type": "live.frame",
            "frame": answers_frame(
                index=receipt.index, answered=receipt.answered, players=receipt.players
            ),
        }
    )
    return outcome


def live_lobby_outcome(*, game: LiveGame) -> Outcome:
    """What the projector and phones hear when someone joins."""
    outcome = Outcome()
    frame = lobby_frame(game)
    outcome.to_host({"type": "live.frame", "frame": frame})
    outcome.to_players({"type": "live.frame", "frame": {"type": "lobby", "count": frame["count"]}})
    return outcome

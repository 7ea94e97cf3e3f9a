"""Writes for live games: making a game, joining it, the host's actions, answers and closing
a question. The server is the only clock and the only judge: every write reads the game's
row (the host's actions lock it), times answers on arrival and refuses late, duplicate and
out-of-turn ones.

Each action returns an Outcome: the channel messages the consumers broadcast (to the
projector's group, to the players' group) once the transaction has committed.
"""

import random
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from quizzes.drawing import draw_spread
from quizzes.live.questions import BadChoice, given_from_choice, is_playable
from quizzes.live.scoring import answer_points, streak_bonus
from quizzes.live.state import action_problem, elapsed_ms, is_open_at, time_left_ms
from quizzes.models import (
    Enrolment,
    LiveAnswer,
    LiveGame,
    LivePhase,
    LivePlayer,
    Question,
    QuestionKind,
    SelectionMode,
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
from quizzes.throttling import throttle_exceeded, throttle_record

GAME_QUESTIONS = 10
SECONDS_DEFAULT = 20
SECONDS_RANGE = (5, 120)
NICKNAME_LENGTH = (2, 20)
PIN_FAILURE_LIMIT_PER_ADDRESS = 30
PIN_FAILURE_WINDOW_SECONDS = 15 * 60


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


@dataclass(frozen=True)
class GameDraw:
    """The questions a new game will play, and what was left out and why."""

    question_ids: list[int]
    left_out: int
    left_out_kinds: list[str]


def live_draw_questions(
    *, lesson=None, quiz=None, count: int = GAME_QUESTIONS, rng: random.Random | None = None
) -> GameDraw:
    """The game's questions: a quiz's own (hand-picked in order, or its random draw), or
    `count` ready questions of a lesson spread over its sentences. Kinds a phone cannot
    answer with taps are left out, and counted."""
    rng = rng or random.Random(secrets.randbits(64))
    if quiz is not None and quiz.selection_mode == SelectionMode.HAND_PICKED:
        rows = [
            (row.question_id, row.question.kind, row.question.choices, row.question.source_text)
            for row in quiz.quiz_questions.select_related("question").order_by("position")
        ]
        count = len(rows)
    else:
        if quiz is not None:
            pool = Question.objects.usable().filter(lesson__in=quiz.lessons.all())
            count = quiz.random_count or GAME_QUESTIONS
        else:
            pool = Question.objects.ready_or_approved().for_lesson(lesson)
        rows = sorted(pool.values_list("pk", "kind", "choices", "source_text"))
    playable = [row for row in rows if is_playable(row[1], row[2])]
    left_out = [row for row in rows if not is_playable(row[1], row[2])]
    if quiz is not None and quiz.selection_mode == SelectionMode.HAND_PICKED:
        picked = [row[0] for row in playable]
    else:
        picked = draw_spread([(row[0], row[3]) for row in playable], count, rng)
    kinds = sorted({QuestionKind(row[1]).label.lower() for row in left_out})
    return GameDraw(question_ids=picked, left_out=len(left_out), left_out_kinds=kinds)


def pin_make() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def live_game_create(
    *,
    host,
    title: str,
    question_ids: list[int],
    classroom=None,
    lesson=None,
    quiz=None,
    seconds_per_question: int = SECONDS_DEFAULT,
    streak_bonus_on: bool = False,
    allow_guests: bool = False,
    graded: bool = False,
) -> LiveGame:
    """A new game in its lobby, with a fresh PIN and each question's options shuffled once
    (the projector and every phone show them in the same order)."""
    if not host.can_edit_content:
        raise PermissionDenied("Only teachers host live games.")
    if not question_ids:
        raise ValidationError("There are no questions to play.")
    if classroom is not None and classroom.teacher_id != host.pk and not host.is_staff:
        raise PermissionDenied("You can only play with your own classes.")
    low, high = SECONDS_RANGE
    if not low <= seconds_per_question <= high:
        raise ValidationError(f"Give each question between {low} and {high} seconds.")
    sizes = dict(Question.objects.filter(pk__in=question_ids).values_list("pk", "choices"))
    rng = random.Random(secrets.randbits(64))
    orders = {}
    for question_id in question_ids:
        order = list(range(len(sizes.get(question_id) or [])))
        rng.shuffle(order)
        orders[str(question_id)] = order
    for _ in range(20):
        try:
            with transaction.atomic():
                return LiveGame.objects.create(
                    host=host,
                    title=title.strip()[:200] or "Live game",
                    pin=pin_make(),
                    classroom=classroom,
                    lesson=lesson,
                    quiz=quiz,
                    question_ids=list(question_ids),
                    option_orders=orders,
                    seconds_per_question=seconds_per_question,
                    streak_bonus=streak_bonus_on,
                    # A game without a class has nobody to play but guests.
                    allow_guests=allow_guests or classroom is None,
                    graded=graded and classroom is not None,
                )
        except IntegrityError:
            continue  # that PIN is in use by a running game: draw another
    raise ValidationError("No free game PIN could be found; try again.")


def _pin_limits(address: str) -> dict[str, int]:
    return {f"live:pin-failures:addr:{address}": PIN_FAILURE_LIMIT_PER_ADDRESS}


def live_game_by_pin(*, pin: str, address: str = "") -> LiveGame:
    """The running game with this PIN. Wrong PINs count against the address, so PINs
    cannot be guessed one after another."""
    if throttle_exceeded(_pin_limits(address)):
        raise LiveRefused("Too many wrong PINs. Wait 15 minutes, then try again.", code="throttled")
    pin = "".join(pin.split())
    game = (
        LiveGame.objects.running().filter(pin=pin).first() if re.fullmatch(r"\d{6}", pin) else None
    )
    if game is None:
        throttle_record(_pin_limits(address), PIN_FAILURE_WINDOW_SECONDS)
        raise LiveRefused("No game is running with that PIN. Check it on the board.", code="pin")
    return game


def nickname_clean(nickname: str) -> str:
    """The nickname as shown: printable characters, single spaces."""
    nickname = unicodedata.normalize("NFKC", nickname or "")
    nickname = "".join(ch for ch in nickname if unicodedata.category(ch)[0] != "C")
    return " ".join(nickname.split())


def nickname_key(nickname: str) -> str:
    return nickname_clean(nickname).casefold()[: NICKNAME_LENGTH[1]]


def live_is_member(*, game: LiveGame, user) -> bool:
    """A current member of the game's class (who plays under their own account)."""
    if not game.classroom_id or not user.is_authenticated:
        return False
    return Enrolment.objects.current().filter(classroom_id=game.classroom_id, student=user).exists()


def live_player_for_user(*, game: LiveGame, user) -> LivePlayer | None:
    """The class member's own player in this game, if they joined."""
    if not user.is_authenticated:
        return None
    return game.players.filter(user=user).first()


def live_player_join(*, game: LiveGame, user, nickname: str = "") -> LivePlayer:
    """Put a player in the game: a class member under their own account (again the same
    player, with the same score, when they come back), or a guest with a nickname that is
    checked for length and duplicates."""
    if game.phase == LivePhase.ENDED:
        raise LiveRefused("This game has ended.", code="ended")
    if user.is_authenticated and user.pk == game.host_id:
        raise LiveRefused("You are hosting this game.", code="host")
    if live_is_member(game=game, user=user):
        existing = live_player_for_user(game=game, user=user)
        if existing is not None:
            if existing.removed_at is not None:
                raise LiveRefused("The host removed you from this game.", code="removed")
            return existing
        return _add_player(game=game, user=user, nickname=_member_nickname(game, user))
    if not game.allow_guests:
        raise LiveRefused(
            "This game is for its class only: log in with your class account.", code="class_only"
        )
    nickname = nickname_clean(nickname)
    low, high = NICKNAME_LENGTH
    if not low <= len(nickname) <= high:
        raise LiveRefused(f"Pick a nickname of {low} to {high} characters.", code="nickname")
    if game.players.filter(nickname_key=nickname_key(nickname)).exists():
        raise LiveRefused("Someone already has that nickname: pick another.", code="taken")
    return _add_player(game=game, user=None, nickname=nickname)


def _member_nickname(game: LiveGame, user) -> str:
    base = (str(user) or user.username)[: NICKNAME_LENGTH[1]]
    taken = set(game.players.values_list("nickname_key", flat=True))
    nickname, number = base, 2
    while nickname_key(nickname) in taken:
        suffix = f" {number}"
        nickname, number = base[: NICKNAME_LENGTH[1] - len(suffix)] + suffix, number + 1
    return nickname


def _add_player(*, game: LiveGame, user, nickname: str) -> LivePlayer:
    try:
        with transaction.atomic():
            return LivePlayer.objects.create(
                game=game, user=user, nickname=nickname, nickname_key=nickname_key(nickname)
            )
    except IntegrityError:
        # The same name or account joined a moment ago (a double tap, or two phones).
        if user is not None:
            return game.players.get(user=user)
        raise LiveRefused(
            "Someone already has that nickname: pick another.", code="taken"
        ) from None


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
        _queue_mistakes(game, closed_index)
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
    _queue_mistakes(game, index)
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
    from quizzes.services.live_results import live_save_to_gradebook

    game.phase, game.ended_at, game.closes_at = LivePhase.ENDED, now, None
    game.save(update_fields=["phase", "ended_at", "closes_at"])
    if game.graded:
        live_save_to_gradebook(game=game)
    podium = podium_payload(game)
    outcome.to_host({"type": "live.frame", "frame": podium.frame})
    outcome.to_players({"type": "live.results", "frame": podium.frame, "results": podium.results})


def _queue_mistakes(game: LiveGame, index: int) -> None:
    from quizzes.services.live_results import live_queue_mistakes

    live_queue_mistakes(game=game, index=index)


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

"""Making a live game and joining it: drawing its questions, its PIN, class members and
guests with checked nicknames."""

import random
import re
import secrets
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from history_quiz.ratelimit import count_one, limits_reached
from quizzes.drawing import draw_spread
from quizzes.live.questions import is_playable
from quizzes.models import (
    Enrolment,
    LiveGame,
    LivePhase,
    LivePlayer,
    Question,
    QuestionKind,
    SelectionMode,
)
from quizzes.selectors.release import withheld_questions_for_class
from quizzes.services.live import LiveRefused
from quizzes.services.quizzes import quiz_question_pool

GAME_QUESTIONS = 10
SECONDS_DEFAULT = 20
SECONDS_RANGE = (5, 120)
NICKNAME_LENGTH = (2, 20)
PIN_FAILURE_LIMIT_PER_ADDRESS = 30
PIN_FAILURE_WINDOW_SECONDS = 15 * 60


@dataclass(frozen=True)
class GameDraw:
    """The questions a new game will play, and what was left out and why: kinds a phone
    cannot answer, and questions whose keys a quiz still holds closed to the class."""

    question_ids: list[int]
    left_out: int
    left_out_kinds: list[str]
    held_back: int = 0


def live_draw_questions(
    *,
    host,
    lesson=None,
    quiz=None,
    classroom=None,
    count: int = GAME_QUESTIONS,
    rng: random.Random | None = None,
) -> GameDraw:
    """The game's questions: a quiz's own (hand-picked in order, or its random draw), or
    `count` ready or approved questions of a lesson spread over its sentences, all of
    them questions the host may use. Kinds a phone cannot answer with taps are left out,
    and so is every question a member of the class may not meet outside their quiz yet (a
    game shows each answer to the room); both are counted."""
    rng = rng or random.Random(secrets.randbits(64))
    hand_picked = quiz is not None and quiz.selection_mode == SelectionMode.HAND_PICKED
    if hand_picked:
        # Retired items a quiz still lists are played as the quiz asks them.
        visible = set(
            Question.objects.filter(quizzes=quiz).visible_to(host).values_list("pk", flat=True)
        )
        rows = [
            (row.question_id, row.question.kind, row.question.choices, row.question.source_text)
            for row in quiz.quiz_questions.select_related("question").order_by("position")
            if row.question_id in visible
        ]
        count = len(rows)
    else:
        lessons = quiz.lessons.all() if quiz is not None else [lesson]
        pool = quiz_question_pool(owner=host, lessons=lessons).ready_or_approved()
        if quiz is not None:
            count = quiz.random_count or GAME_QUESTIONS
        rows = sorted(pool.values_list("pk", "kind", "choices", "source_text"))
    closed = set()
    if classroom is not None:
        closed = set(
            withheld_questions_for_class(classroom=classroom)
            .filter(pk__in=[row[0] for row in rows])
            .values_list("pk", flat=True)
        )
    playable = [row for row in rows if is_playable(row[1], row[2])]
    left_out = [row for row in rows if not is_playable(row[1], row[2])]
    held_back = [row for row in playable if row[0] in closed]
    playable = [row for row in playable if row[0] not in closed]
    if hand_picked:
        picked = [row[0] for row in playable]
    else:
        picked = draw_spread([(row[0], row[3]) for row in playable], count, rng)
    kinds = sorted({QuestionKind(row[1]).label.lower() for row in left_out})
    return GameDraw(
        question_ids=picked,
        left_out=len(left_out),
        left_out_kinds=kinds,
        held_back=len(held_back),
    )


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
    usable = Question.objects.filter(pk__in=question_ids).visible_to(host)
    if usable.count() < len(set(question_ids)):
        raise PermissionDenied(
            "Play questions of your own lessons, or the library's ready and approved ones."
        )
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
    if limits_reached(_pin_limits(address)):
        raise LiveRefused("Too many wrong PINs. Wait 15 minutes, then try again.", code="throttled")
    pin = "".join(pin.split())
    game = (
        LiveGame.objects.running().filter(pin=pin).first() if re.fullmatch(r"\d{6}", pin) else None
    )
    if game is None:
        count_one(_pin_limits(address), window_seconds=PIN_FAILURE_WINDOW_SECONDS)
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


def live_player_join(
    *, game: LiveGame, user, nickname: str = "", returning: LivePlayer | None = None
) -> LivePlayer:
    """Put a player in the game: a class member under their own account (again the same
    player, with the same score, when they come back), or a guest with a nickname that is
    checked for length and duplicates. `returning` is the player this browser joined as
    before: one the host removed stays out for the rest of the game, whatever new nickname
    it picks."""
    if game.phase == LivePhase.ENDED:
        raise LiveRefused("This game has ended.", code="ended")
    if returning is not None and returning.game_id == game.pk and returning.removed_at:
        raise LiveRefused("The host removed you from this game.", code="removed")
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

"""Live game pages: making a game, the projector, joining by PIN or QR code, the phone, and
the saved results. The game itself runs over WebSockets (quizzes/live/consumers.py)."""

import io

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify

from history_quiz.accounts.throttle import client_address
from lessons.models import Lesson
from quizzes.forms.live import LiveGameForm, NicknameForm, PinForm
from quizzes.live.broadcast import broadcast
from quizzes.live.consumers import SESSION_PLAYERS
from quizzes.models import LiveGame, LivePhase, LivePlayer, Quiz
from quizzes.selectors.live import live_join_url, live_results, live_results_csv_rows
from quizzes.services.live import LiveRefused, live_lobby_outcome
from quizzes.services.live_setup import (
    live_draw_questions,
    live_game_by_pin,
    live_game_create,
    live_is_member,
    live_player_for_user,
    live_player_join,
)
from quizzes.spreadsheets import csv_download
from quizzes.views.access import teacher_required


@teacher_required
def live_new_from_lesson(request: HttpRequest, slug: str) -> HttpResponse:
    """A game of ready questions from a lesson whose bank the teacher may open."""
    lesson = get_object_or_404(Lesson.objects.bank_visible_to(request.user), slug=slug)
    return _live_new(request, lesson=lesson, title=lesson.title)


@teacher_required
def live_new_from_quiz(request: HttpRequest, pk: int) -> HttpResponse:
    """A game of one of the teacher's quizzes."""
    quiz = get_object_or_404(Quiz.objects.for_teacher(request.user), pk=pk)
    return _live_new(request, quiz=quiz, title=quiz.title)


def _live_new(request: HttpRequest, *, title: str, lesson=None, quiz=None) -> HttpResponse:
    form = LiveGameForm(
        request.POST if request.method == "POST" else None,
        teacher=request.user,
        from_lesson=lesson is not None,
    )
    source = {"host": request.user, "lesson": lesson, "quiz": quiz}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        count = data.get("question_count") or 0
        draw = live_draw_questions(
            **source, classroom=data["classroom"], **({"count": count} if count else {})
        )
        if draw.question_ids:
            game = live_game_create(
                host=request.user,
                title=title,
                question_ids=draw.question_ids,
                classroom=data["classroom"],
                lesson=lesson,
                quiz=quiz,
                seconds_per_question=data["seconds_per_question"],
                streak_bonus_on=data["streak_bonus"],
                allow_guests=data["allow_guests"],
                graded=data["graded"],
            )
            for note in _left_out_messages(draw):
                messages.info(request, note)
            return redirect("quizzes:live_host", pk=game.pk)
        if draw.held_back:
            form.add_error("classroom", _held_back_message(draw))
        else:
            form.add_error(None, "There are no questions a phone can answer here yet.")
    draw = live_draw_questions(**source)
    context = {"form": form, "title": title, "lesson": lesson, "quiz": quiz, "draw": draw}
    return render(
        request, "quizzes/live/game_new.html", context, status=400 if form.errors else 200
    )


def _left_out_messages(draw) -> list[str]:
    notes = []
    if draw.left_out:
        kinds = ", ".join(draw.left_out_kinds)
        noun = "question was" if draw.left_out == 1 else "questions were"
        notes.append(
            f"{draw.left_out} {noun} left out: live games play multiple choice, true or false, "
            f"multiple response and ordering ({kinds} cannot be answered with taps)."
        )
    if draw.held_back:
        notes.append(_held_back_message(draw))
    return notes


def _held_back_message(draw) -> str:
    noun = "question was" if draw.held_back == 1 else "questions were"
    return (
        f"{draw.held_back} {noun} held back: a quiz of someone in this class asks "
        f"{'it' if draw.held_back == 1 else 'them'} and its answers are not out yet "
        "(a live game shows every answer)."
    )


@teacher_required
def live_index(request: HttpRequest) -> HttpResponse:
    """The teacher's games, newest first."""
    games = LiveGame.objects.hosted_by(request.user).select_related("classroom")[:50]
    return render(request, "quizzes/live/game_list.html", {"games": games})


def _hosted_game(request: HttpRequest, pk: int) -> LiveGame:
    return get_object_or_404(LiveGame.objects.hosted_by(request.user), pk=pk)


@teacher_required
def live_host(request: HttpRequest, pk: int) -> HttpResponse:
    """The projector: PIN, join link and QR code, then each question, reveal and podium."""
    game = _hosted_game(request, pk)
    context = {"game": game, "join_url": live_join_url(request, game)}
    return render(request, "quizzes/live/game_host.html", context)


@teacher_required
def live_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The join link as a QR code, drawn on the server as SVG."""
    game = _hosted_game(request, pk)
    buffer = io.BytesIO()
    qr = segno.make(live_join_url(request, game), error="m")
    qr.save(buffer, kind="svg", scale=10, border=2, xmldecl=False, title="Join link")
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@teacher_required
def live_results_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Every player's answer to every question, with points and ranks."""
    game = get_object_or_404(LiveGame.objects.visible_to(request.user), pk=pk)
    return render(request, "quizzes/live/game_results.html", {"results": live_results(game=game)})


@teacher_required
def live_results_export(request: HttpRequest, pk: int) -> HttpResponse:
    game = get_object_or_404(LiveGame.objects.visible_to(request.user), pk=pk)
    rows = live_results_csv_rows(live_results(game=game))
    filename = f"{slugify(game.title) or 'game'}-live-{game.created_at:%Y-%m-%d}.csv"
    return csv_download(filename=filename, rows=rows)


def _session_player(request: HttpRequest, game: LiveGame) -> LivePlayer | None:
    """The player this browser joined as: a class member's own, or a guest's."""
    own = live_player_for_user(game=game, user=request.user)
    if own is not None:
        return own
    player_id = request.session.get(SESSION_PLAYERS, {}).get(str(game.pk))
    return game.players.filter(pk=player_id, user__isnull=True).first() if player_id else None


def _remember(request: HttpRequest, player: LivePlayer) -> None:
    joined = dict(request.session.get(SESSION_PLAYERS, {}))
    joined[str(player.game_id)] = player.pk
    request.session[SESSION_PLAYERS] = joined


def _enter(request: HttpRequest, game: LiveGame, nickname: str = "") -> HttpResponse | None:
    """Join (or rejoin) and go to the phone's page; None when a guest must pick a name."""
    player = _session_player(request, game)
    if player is None or player.removed_at is not None:
        if player is None and not nickname and not live_is_member(game=game, user=request.user):
            return None
        player = live_player_join(game=game, user=request.user, nickname=nickname, returning=player)
        _remember(request, player)
        broadcast(game_id=game.pk, outcome=live_lobby_outcome(game=game))
    return redirect("quizzes:live_play", pk=game.pk)


def live_join(request: HttpRequest) -> HttpResponse:
    """Enter a game's PIN (anyone: guests need no account)."""
    form = PinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            game = live_game_by_pin(
                pin=form.cleaned_data["pin"], address=client_address(request) or "unknown"
            )
        except LiveRefused as refusal:
            form.add_error("pin", refusal.messages[0])
        else:
            return redirect("quizzes:live_join_pin", pin=game.pin)
    status = 400 if form.errors else 200
    return render(request, "quizzes/live/join_pin.html", {"form": form}, status=status)


def live_join_pin(request: HttpRequest, pin: str) -> HttpResponse:
    """The join link (and QR code): class members go straight in, guests pick a nickname."""
    try:
        game = live_game_by_pin(pin=pin, address=client_address(request) or "unknown")
    except LiveRefused as refusal:
        form = PinForm()
        context = {"form": form, "problem": refusal.messages[0]}
        return render(request, "quizzes/live/join_pin.html", context, status=404)
    form = NicknameForm(request.POST or None)
    try:
        if request.method == "POST":
            if form.is_valid():
                entered = _enter(request, game, nickname=form.cleaned_data["nickname"])
                if entered is not None:
                    return entered
        else:
            entered = _enter(request, game)
            if entered is not None:
                return entered
    except LiveRefused as refusal:
        form.add_error(
            "nickname" if refusal.code in ("nickname", "taken") else None, refusal.messages[0]
        )
    context = {"game": game, "form": form}
    return render(
        request, "quizzes/live/join_nickname.html", context, status=400 if form.errors else 200
    )


def live_play(request: HttpRequest, pk: int) -> HttpResponse:
    """The phone: big option buttons, "answer in", right or wrong, points and rank."""
    game = get_object_or_404(LiveGame, pk=pk)
    player = _session_player(request, game)
    if player is None or player.removed_at is not None:
        if game.phase != LivePhase.ENDED:
            return redirect("quizzes:live_join_pin", pin=game.pin)
        return redirect("quizzes:live_join")
    context = {"game": game, "player": player, "socket": f"/ws/live/{game.pk}/play/"}
    return render(request, "quizzes/live/game_play.html", context)

"""Reads for live games: the frames the projector and the phones are sent, built from the
database alone (so a restarted server sends the same), and the saved results."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.urls import reverse

from quizzes.live.questions import answer_bars, right_answer_text, right_choice, shown_options
from quizzes.live.scoring import competition_ranks, top_players
from quizzes.live.state import time_left_ms
from quizzes.models import LiveAnswer, LiveGame, LivePhase, LivePlayer, Question

TOP_COUNT = 5


def live_question(game: LiveGame, index: int) -> Question:
    return Question.objects.select_related("source_sentence__lesson").get(
        pk=game.question_ids[index]
    )


def live_options(game: LiveGame, question: Question) -> list[str]:
    return shown_options(question, game.option_orders.get(str(question.pk)))


def _player_rows(game: LiveGame) -> list[dict]:
    rows = game.players.active().values("id", "nickname", "score", "joined_at", "correct_count")
    return [{**row, "joined": row["joined_at"]} for row in rows]


def lobby_frame(game: LiveGame) -> dict:
    """Who has joined (the host may remove a name)."""
    players = game.players.active().order_by("joined_at", "pk").values("id", "nickname")
    players = list(players)
    return {"type": "lobby", "players": players, "count": len(players)}


def question_frame(game: LiveGame, question: Question, *, now: datetime) -> dict:
    """The open (or paused) question without its answer: what every screen shows."""
    options = live_options(game, question)
    paused = game.phase == LivePhase.PAUSED
    left = game.paused_left_ms if paused else time_left_ms(game.closes_at, now)
    return {
        "type": "question",
        "index": game.current_index,
        "total": game.question_count,
        "kind": question.kind,
        "kind_label": question.get_kind_display(),
        "prompt": question.prompt,
        "options": options,
        "seconds": game.seconds_per_question,
        "left_ms": left or 0,
        "paused": paused,
        "players": game.players.active().count(),
    }


def answer_count(game: LiveGame, index: int) -> tuple[int, int]:
    """(answers to question `index`, active players)."""
    answered = LiveAnswer.objects.filter(
        game=game, question_index=index, player__removed_at__isnull=True
    ).count()
    return answered, game.players.active().count()


def answers_frame(*, index: int, answered: int, players: int) -> dict:
    return {"type": "answers", "index": index, "answered": answered, "players": players}


@dataclass(frozen=True)
class Reveal:
    frame: dict
    results: dict[str, dict]  # player id -> what that player's phone shows


def reveal_payload(game: LiveGame, index: int) -> Reveal:
    """After a question: the bars, the right answer, its source sentence and the top five
    for the projector; right or wrong, points, score and rank for each phone."""
    question = live_question(game, index)
    options = live_options(game, question)
    answers = {
        answer.player_id: answer
        for answer in LiveAnswer.objects.filter(
            game=game, question_index=index, player__removed_at__isnull=True
        )
    }
    rows = _player_rows(game)
    ranks = competition_ranks([(row["id"], row["score"]) for row in rows])
    sentence = question.source_sentence
    frame = {
        "type": "reveal",
        "index": index,
        "total": game.question_count,
        "prompt": question.prompt,
        "options": options,
        "right": right_choice(question, options),
        "right_text": right_answer_text(question, options),
        "bars": answer_bars(question, options, [answer.given for answer in answers.values()]),
        "answered": len(answers),
        "players": len(rows),
        "explanation": question.explanation,
        "source": question.source_text,
        "source_url": sentence.get_absolute_url() if sentence else "",
        "top": top_players(rows, TOP_COUNT),
        "last": index >= game.question_count - 1,
    }
    results = {}
    for row in rows:
        answer = answers.get(row["id"])
        results[str(row["id"])] = {
            "answered": answer is not None,
            "right": bool(answer and answer.is_right),
            "points": answer.points if answer else 0,
            "score": row["score"],
            "rank": ranks[row["id"]],
            "of": len(rows),
        }
    return Reveal(frame, results)


def podium_payload(game: LiveGame) -> Reveal:
    """The end: the podium (top five, three on the steps) and each player's final place."""
    rows = _player_rows(game)
    ranks = competition_ranks([(row["id"], row["score"]) for row in rows])
    frame = {
        "type": "podium",
        "top": top_players(rows, TOP_COUNT),
        "players": len(rows),
        "total": game.question_count,
    }
    results = {
        str(row["id"]): {
            "score": row["score"],
            "rank": ranks[row["id"]],
            "of": len(rows),
            "correct": row["correct_count"],
        }
        for row in rows
    }
    return Reveal(frame, results)


def host_sync_frames(game: LiveGame, *, now: datetime) -> list[dict]:
    """Everything the projector needs to show where the game stands (on connect and after
    a restart)."""
    frames = [lobby_frame(game)]
    if game.phase in (LivePhase.QUESTION, LivePhase.PAUSED):
        question = live_question(game, game.current_index)
        frames.append(question_frame(game, question, now=now))
        answered, players = answer_count(game, game.current_index)
        frames.append(answers_frame(index=game.current_index, answered=answered, players=players))
    elif game.phase == LivePhase.REVEAL:
        frames.append(reveal_payload(game, game.current_index).frame)
    elif game.phase == LivePhase.ENDED:
        frames.append(podium_payload(game).frame)
    return frames


def player_sync_frames(game: LiveGame, player: LivePlayer, *, now: datetime) -> list[dict]:
    """Everything one phone needs to carry on as the same player with its score."""
    you = {"type": "you", "player": player.pk, "nickname": player.nickname, "score": player.score}
    frames = [you, {"type": "lobby", "count": game.players.active().count()}]
    if game.phase in (LivePhase.QUESTION, LivePhase.PAUSED):
        question = live_question(game, game.current_index)
        frame = question_frame(game, question, now=now)
        frame["answered"] = player.answers.filter(question_index=game.current_index).exists()
        frames.append(frame)
    elif game.phase == LivePhase.REVEAL:
        reveal = reveal_payload(game, game.current_index)
        frames.append({**reveal.frame, "you": reveal.results.get(str(player.pk))})
    elif game.phase == LivePhase.ENDED:
        podium = podium_payload(game)
        frames.append({**podium.frame, "you": podium.results.get(str(player.pk))})
    return frames


@dataclass
class ResultRow:
    player: LivePlayer
    rank: int
    cells: list[LiveAnswer | None]


@dataclass
class LiveResults:
    game: LiveGame
    questions: list[Question]
    rows: list[ResultRow]


def live_results(*, game: LiveGame) -> LiveResults:
    """Players by questions: each answer, right or wrong, and its points. Three queries for
    any number of players."""
    questions = Question.objects.in_bulk(game.question_ids)
    ordered = [questions[pk] for pk in game.question_ids if pk in questions]
    players = list(game.players.select_related("user").order_by("-score", "joined_at", "pk"))
    by_player: dict[int, dict[int, LiveAnswer]] = {}
    for answer in LiveAnswer.objects.filter(game=game):
        by_player.setdefault(answer.player_id, {})[answer.question_index] = answer
    active = [player for player in players if player.removed_at is None]
    ranks = competition_ranks([(player.pk, player.score) for player in active])
    rows = [
        ResultRow(
            player=player,
            rank=ranks.get(player.pk, 0),
            cells=[by_player.get(player.pk, {}).get(index) for index in range(len(ordered))],
        )
        for player in active
    ]
    return LiveResults(game=game, questions=ordered, rows=rows)


def live_results_csv_rows(results: LiveResults) -> list[list[str]]:
    """The results as spreadsheet rows: a header, then one row per player."""
    header = ["Rank", "Player", "Username", "Score", "Right"]
    header += [f"Q{number}" for number in range(1, len(results.questions) + 1)]
    rows = [header]
    for row in results.rows:
        line = [
            str(row.rank),
            row.player.nickname,
            row.player.user.username if row.player.user else "(guest)",
            str(row.player.score),
            str(row.player.correct_count),
        ]
        for cell in row.cells:
            if cell is None:
                line.append("")
            else:
                line.append(f"{'right' if cell.is_right else 'wrong'} {cell.points}")
        rows.append(line)
    return rows


def classroom_live_games(*, classroom) -> list[LiveGame]:
    """The class's games, newest first, with their player counts."""
    return list(
        classroom.live_games.annotate(
            player_count=Count("players", filter=Q(players__removed_at__isnull=True))
        ).order_by("-created_at", "-pk")
    )


def live_join_url(request, game: LiveGame) -> str:
    """The join link with the PIN filled in, as the QR code carries it."""
    return request.build_absolute_uri(reverse("quizzes:live_join_pin", args=[game.pin]))

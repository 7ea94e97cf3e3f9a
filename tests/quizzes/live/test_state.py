from datetime import UTC, datetime, timedelta

import pytest

from quizzes.live.state import action_problem, after_reveal, elapsed_ms, is_open_at, time_left_ms
from quizzes.models import LivePhase

NOW = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "phase, action",
    [
        (LivePhase.LOBBY, "start"),
        (LivePhase.QUESTION, "pause"),
        (LivePhase.QUESTION, "skip"),
        (LivePhase.PAUSED, "resume"),
        (LivePhase.PAUSED, "skip"),
        (LivePhase.REVEAL, "next"),
        (LivePhase.REVEAL, "end"),
        (LivePhase.LOBBY, "remove"),
    ],
)
def test_actions_the_phase_allows(phase, action):
    assert action_problem(phase, action) is None


@pytest.mark.parametrize(
    "phase, action, problem",
    [
        (LivePhase.QUESTION, "start", "already started"),
        (LivePhase.QUESTION, "next", "Show the answer"),
        (LivePhase.LOBBY, "pause", "open question"),
        (LivePhase.QUESTION, "resume", "not paused"),
        (LivePhase.REVEAL, "skip", "no open question"),
        (LivePhase.ENDED, "end", "already ended"),
        (LivePhase.ENDED, "remove", "already ended"),
    ],
)
def test_actions_the_phase_refuses_say_why(phase, action, problem):
    assert problem in action_problem(phase, action)


def test_an_unknown_action_is_refused():
    assert "Unknown" in action_problem(LivePhase.LOBBY, "explode")


def test_next_after_the_last_reveal_ends_the_game():
    assert after_reveal(index=1, question_count=3) == LivePhase.QUESTION
    assert after_reveal(index=2, question_count=3) == LivePhase.ENDED


def test_time_left_counts_down_to_zero_and_stays_there():
    closes = NOW + timedelta(seconds=12)

    assert time_left_ms(closes, NOW) == 12_000
    assert time_left_ms(closes, NOW + timedelta(seconds=13)) == 0
    assert time_left_ms(None, NOW) == 0


def test_elapsed_time_is_the_question_time_less_what_is_left():
    closes = NOW + timedelta(seconds=15)

    assert elapsed_ms(closes_at=closes, limit_ms=20_000, now=NOW) == 5_000


def test_a_question_takes_answers_only_while_open_and_before_its_closing_time():
    closes = NOW + timedelta(seconds=1)

    assert is_open_at(phase=LivePhase.QUESTION, closes_at=closes, now=NOW)
    assert not is_open_at(phase=LivePhase.QUESTION, closes_at=closes, now=closes)
    assert not is_open_at(phase=LivePhase.PAUSED, closes_at=closes, now=NOW)

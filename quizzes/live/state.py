"""Where a live game may go from where it stands, and the server's clock. Pure functions.

lobby --start--> question --(time up, skip, everyone answered)--> reveal --next--> question
... the last reveal --next--> ended. A question may be paused and resumed; "end" stops the
game from any phase but the end.
"""

from datetime import datetime, timedelta

from quizzes.models.live import LivePhase

HOST_ACTIONS = {
    "start": {LivePhase.LOBBY},
    "next": {LivePhase.REVEAL},
    "pause": {LivePhase.QUESTION},
    "resume": {LivePhase.PAUSED},
    "skip": {LivePhase.QUESTION, LivePhase.PAUSED},
    "end": {LivePhase.LOBBY, LivePhase.QUESTION, LivePhase.PAUSED, LivePhase.REVEAL},
    "remove": {LivePhase.LOBBY, LivePhase.QUESTION, LivePhase.PAUSED, LivePhase.REVEAL},
}

ACTION_REFUSED = {
    "start": "The game has already started.",
    "next": "Show the answer before moving on.",
    "pause": "Only an open question can be paused.",
    "resume": "The game is not paused.",
    "skip": "There is no open question to skip.",
    "end": "The game has already ended.",
    "remove": "The game has already ended.",
}


def action_problem(phase: str, action: str) -> str | None:
    """Why the host cannot take this action in this phase, or None when they can."""
    allowed = HOST_ACTIONS.get(action)
    if allowed is None:
        return f"Unknown action: {action}."
    return None if phase in allowed else ACTION_REFUSED[action]


def after_reveal(*, index: int, question_count: int) -> str:
    """The phase "next" leads to from the reveal of question `index`."""
    return LivePhase.ENDED if index >= question_count - 1 else LivePhase.QUESTION


def time_left_ms(closes_at: datetime | None, now: datetime) -> int:
    """Milliseconds until the open question closes (0 once it has)."""
    if closes_at is None:
        return 0
    return max(0, int((closes_at - now) / timedelta(milliseconds=1)))


def elapsed_ms(*, closes_at: datetime, limit_ms: int, now: datetime) -> int:
    """Time the player used, from the server's clock: the question's time less what is left
    (pauses do not count, since resuming moves the closing time on)."""
    return max(0, min(limit_ms, limit_ms - time_left_ms(closes_at, now)))


def is_open_at(*, phase: str, closes_at: datetime | None, now: datetime) -> bool:
    """True while the question takes answers: open, not paused, before its closing time."""
    return phase == LivePhase.QUESTION and closes_at is not None and now < closes_at

"""The frames a live game's browsers send, checked before anything acts on them. Pure.

Every frame is a JSON object with a "type"; each type has its own fields and nothing else.
A frame that breaks these rules gets an error frame back and changes nothing.
"""

import json
from dataclasses import dataclass
from typing import Any

# A real frame is under 200 bytes; anything far larger is a mistake or an attack.
MAX_FRAME_CHARS = 2048
MAX_CHOICES = 12


class BadFrame(ValueError):
    """A frame the server will not act on; the message says why, for the error frame."""


@dataclass(frozen=True)
class Frame:
    type: str
    fields: dict[str, Any]


HOST_FIELDS = {
    "start": set(),
    "next": set(),
    "pause": set(),
    "resume": set(),
    "skip": set(),
    "end": set(),
    "remove": {"player"},
    "sync": set(),
}
PLAYER_FIELDS = {"answer": {"question", "choice"}, "sync": set()}


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10_000_000


def parse_frame(text: str | None, allowed: dict[str, set[str]]) -> Frame:
    """The checked frame, or BadFrame with the reason."""
    if text is None:
        raise BadFrame("Send text frames.")
    if len(text) > MAX_FRAME_CHARS:
        raise BadFrame("Frame too large.")
    try:
        data = json.loads(text)
    except ValueError:
        raise BadFrame("Not JSON.") from None
    if not isinstance(data, dict):
        raise BadFrame("A frame is a JSON object.")
    kind = data.pop("type", None)
    if not isinstance(kind, str) or kind not in allowed:
        raise BadFrame("Unknown frame type.")
    extra = set(data) - allowed[kind]
    if extra:
        raise BadFrame(f"Unexpected field: {sorted(extra)[0]}.")
    missing = allowed[kind] - set(data)
    if missing:
        raise BadFrame(f"Missing field: {sorted(missing)[0]}.")
    if "player" in data and not _is_count(data["player"]):
        raise BadFrame("player must be a player number.")
    if "question" in data and not _is_count(data["question"]):
        raise BadFrame("question must be a question number.")
    if "choice" in data:
        choice = data["choice"]
        if isinstance(choice, list):
            if not choice or len(choice) > MAX_CHOICES or not all(map(_is_count, choice)):
                raise BadFrame("choice must be option numbers.")
        elif not _is_count(choice):
            raise BadFrame("choice must be an option number.")
    return Frame(kind, data)


def host_frame(text: str | None) -> Frame:
    return parse_frame(text, HOST_FIELDS)


def player_frame(text: str | None) -> Frame:
    return parse_frame(text, PLAYER_FIELDS)


def error_frame(message: str, *, code: str = "bad_frame") -> dict:
    return {"type": "error", "code": code, "message": message}


class RateLimit:
    """A token bucket per socket: `burst` frames at once, then `per_second` on average."""

    def __init__(self, *, per_second: float, burst: int) -> None:
        self.per_second = per_second
        self.burst = burst
        self.tokens = float(burst)
        self.stamp: float | None = None

    def allow(self, now: float) -> bool:
        if self.stamp is not None:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.per_second)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

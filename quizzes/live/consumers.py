"""The live game's WebSockets: one consumer for the projector (the host), one for each phone.

Each socket joins its game's group (host or players); whatever changes the game is done by a
service inside one transaction, then the consumer broadcasts what the service returned. The
host's consumers keep the clock: each open question has a timer that closes it when its
time is up (any host socket may fire it; the service closes a question once).

Every frame is checked (size, rate, shape) before it is acted on; a bad frame gets an error
frame back and never closes the socket or crashes the server.
"""

import asyncio
import json
import logging
import time
from datetime import datetime

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from history_quiz.fields import id_in_range
from quizzes.live.broadcast import group_for, host_group, players_group
from quizzes.live.frames import BadFrame, RateLimit, error_frame, host_frame, player_frame
from quizzes.models import LiveGame, LivePhase, LivePlayer
from quizzes.selectors.live import host_sync_frames, player_sync_frames
from quizzes.services.live import (
    LiveRefused,
    Outcome,
    live_answer,
    live_answer_frames,
    live_close_question,
    live_host_action,
)

logger = logging.getLogger(__name__)

# Taps come a few a second at most; a socket that keeps flooding is closed.
FRAMES_PER_SECOND = 5
FRAME_BURST = 10
DROPPED_BEFORE_CLOSE = 50
SESSION_PLAYERS = "live_players"  # session key: {game id: player id} for guests
CLOSE_FORBIDDEN = 4403
CLOSE_REMOVED = 4001
CLOSE_FLOODING = 4429
# An event loop may wake a timer a little early; the question must be due when it fires.
TIMER_MARGIN_SECONDS = 0.05


def db(function):
    """Run ORM work off the event loop. SQLite takes one writer at a time, so there it all
    goes through one thread; PostgreSQL gets the thread pool and takes answers side by side."""
    return database_sync_to_async(function, thread_sensitive=connection.vendor == "sqlite")


class LiveSocket(AsyncWebsocketConsumer):
    """What both sockets share: checking frames, error frames, broadcasting outcomes."""

    parse = staticmethod(host_frame)

    async def connect(self) -> None:
        self.game_id = int(self.scope["url_route"]["kwargs"]["game_id"])
        self.limit = RateLimit(per_second=FRAMES_PER_SECOND, burst=FRAME_BURST)
        self.dropped = 0
        self.groups_joined: list[str] = []
        # A game number too large for the database names no game (and would fail a query).
        if not id_in_range(self.game_id) or not await self.authorise():
            await self.close(code=CLOSE_FORBIDDEN)
            return
        for group in self.groups_to_join():
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)
        await self.accept()
        await self.sync()

    async def disconnect(self, code) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        if not self.limit.allow(time.monotonic()):
            self.dropped += 1
            if self.dropped > DROPPED_BEFORE_CLOSE:
                await self.close(code=CLOSE_FLOODING)
                return
            await self.send_frame(error_frame("Too many messages: slow down.", code="rate"))
            return
        try:
            frame = self.parse(text_data)
        except BadFrame as problem:
            await self.send_frame(error_frame(str(problem)))
            return
        try:
            await self.handle(frame)
        except LiveRefused as refusal:
            await self.send_frame(error_frame(refusal.messages[0], code=refusal.code or "refused"))
        except PermissionDenied as refusal:
            await self.send_frame(error_frame(str(refusal), code="forbidden"))
            await self.close(code=CLOSE_FORBIDDEN)
        except Exception:
            logger.exception("live game %s: frame %r failed", self.game_id, frame)
            await self.send_frame(error_frame("The server could not do that.", code="server"))

    async def send_frame(self, frame: dict) -> None:
        await self.send(text_data=json.dumps(frame, separators=(",", ":")))

    async def publish(self, outcome: Outcome | None) -> None:
        if outcome is None:
            return
        for audience, message in outcome.messages:
            await self.channel_layer.group_send(group_for(audience, self.game_id), message)

    async def live_frame(self, event: dict) -> None:
        await self.send_frame(event["frame"])

    async def close_question(self, index: int, reason: str) -> None:
        outcome = await db(live_close_question)(game_id=self.game_id, index=index, reason=reason)
        await self.publish(outcome)


class HostConsumer(LiveSocket):
    """The projector: only the game's own teacher, checked again on every frame."""

    parse = staticmethod(host_frame)

    async def authorise(self) -> bool:
        user = self.scope.get("user")
        self.timer: asyncio.Task | None = None
        if user is None or not user.is_authenticated:
            return False
        self.user = user
        return await db(self._hosts)()

    def _hosts(self) -> bool:
        return LiveGame.objects.hosted_by(self.user).filter(pk=self.game_id).exists()

    def groups_to_join(self) -> list[str]:
        return [host_group(self.game_id)]

    async def disconnect(self, code) -> None:
        if getattr(self, "timer", None):
            self.timer.cancel()
        await super().disconnect(code)

    async def sync(self) -> None:
        frames, clock = await db(self._sync_frames)()
        for frame in frames:
            await self.send_frame(frame)
        if clock:
            self.start_timer(*clock)

    def _sync_frames(self) -> tuple[list[dict], tuple[int, datetime] | None]:
        game = LiveGame.objects.hosted_by(self.user).filter(pk=self.game_id).first()
        if game is None:
            raise PermissionDenied("Only the game's teacher controls the game.")
        clock = None
        if game.phase == LivePhase.QUESTION and game.closes_at:
            # A restarted server picks the clock up where the database left it.
            clock = (game.current_index, game.closes_at)
        return host_sync_frames(game, now=timezone.now()), clock

    async def handle(self, frame) -> None:
        if frame.type == "sync":
            await self.sync()
            return
        outcome = await db(live_host_action)(
            game_id=self.game_id,
            host=self.user,
            action=frame.type,
            player_id=frame.fields.get("player"),
        )
        await self.publish(outcome)

    async def live_timer(self, event: dict) -> None:
        self.start_timer(event["index"], datetime.fromisoformat(event["closes_at"]))

    def start_timer(self, index: int, closes_at: datetime) -> None:
        if self.timer:
            self.timer.cancel()
        delay = max(0.0, (closes_at - timezone.now()).total_seconds())
        self.timer = asyncio.create_task(self._close_when_due(index, delay))

    async def _close_when_due(self, index: int, delay: float) -> None:
        await asyncio.sleep(delay + TIMER_MARGIN_SECONDS)
        try:
            await self.close_question(index, "time")
        except Exception:
            logger.exception("live game %s: closing question %s failed", self.game_id, index)


class PlayerConsumer(LiveSocket):
    """A phone: the player the session (a class member's account, or a guest's browser)
    joined as. The socket answers only for that player; the frames carry no player id."""

    parse = staticmethod(player_frame)

    async def authorise(self) -> bool:
        self.player_id = await db(self._player_id)()
        self.answered: set[int] = set()
        return self.player_id is not None

    def _player_id(self) -> int | None:
        user = self.scope.get("user")
        players = LivePlayer.objects.active().filter(game_id=self.game_id)
        if user is not None and user.is_authenticated:
            own = players.filter(user=user).values_list("pk", flat=True).first()
            if own:
                return own
        session = self.scope.get("session")
        joined = (session.get(SESSION_PLAYERS) or {}) if session is not None else {}
        player_id = joined.get(str(self.game_id))
        if player_id and players.filter(pk=player_id, user__isnull=True).exists():
            return int(player_id)
        return None

    def groups_to_join(self) -> list[str]:
        return [players_group(self.game_id)]

    async def sync(self) -> None:
        frames = await db(self._sync_frames)()
        if frames is None:
            await self.send_frame({"type": "removed"})
            await self.close(code=CLOSE_REMOVED)
            return
        for frame in frames:
            if frame.get("type") == "question" and frame.get("answered"):
                self.answered.add(frame["index"])
            await self.send_frame(frame)

    def _sync_frames(self) -> list[dict] | None:
        player = LivePlayer.objects.select_related("game").filter(pk=self.player_id).first()
        if player is None or player.removed_at is not None:
            return None
        return player_sync_frames(player.game, player, now=timezone.now())

    async def handle(self, frame) -> None:
        if frame.type == "sync":
            await self.sync()
            return
        index = frame.fields["question"]
        receipt = await db(live_answer)(
            game_id=self.game_id,
            player_id=self.player_id,
            index=index,
            choice=frame.fields["choice"],
        )
        self.answered.add(index)
        await self.send_frame({"type": "answered", "index": index})
        await self.publish(live_answer_frames(receipt))
        if receipt.everyone_answered:
            await self.close_question(index, "everyone")

    async def live_frame(self, event: dict) -> None:
        frame = event["frame"]
        if frame.get("type") == "question":
            frame = {**frame, "answered": frame["index"] in self.answered}
        await self.send_frame(frame)

    async def live_results(self, event: dict) -> None:
        await self.send_frame({**event["frame"], "you": event["results"].get(str(self.player_id))})

    async def live_removed(self, event: dict) -> None:
        if event["player"] == self.player_id:
            await self.send_frame({"type": "removed"})
            await self.close(code=CLOSE_REMOVED)

"""Sending a service's outcome to a game's sockets from ordinary (synchronous) code, such as
the join page telling the projector that a player arrived."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from quizzes.services.live import Outcome


def host_group(game_id: int) -> str:
    return f"live-{game_id}-host"


def players_group(game_id: int) -> str:
    return f"live-{game_id}-players"


def group_for(audience: str, game_id: int) -> str:
    return host_group(game_id) if audience == "host" else players_group(game_id)


def broadcast(*, game_id: int, outcome: Outcome) -> None:
    """Send every message of the outcome to its group."""
    layer = get_channel_layer()
    for audience, message in outcome.messages:
        async_to_sync(layer.group_send)(group_for(audience, game_id), message)

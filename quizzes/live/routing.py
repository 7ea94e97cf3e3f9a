"""WebSocket routes of live games (the ASGI application in history_quiz/asgi.py mounts them)."""

from django.urls import path

from quizzes.live.consumers import HostConsumer, PlayerConsumer

websocket_urlpatterns = [
    path("ws/live/<int:game_id>/host/", HostConsumer.as_asgi()),
    path("ws/live/<int:game_id>/play/", PlayerConsumer.as_asgi()),
]

"""A class answering at the same instant, on PostgreSQL (SQLite takes one writer at a time,
so these races cannot happen there): real threads released at one barrier, and forty phones
on forty sockets."""

import asyncio
from datetime import timedelta

import pytest
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.db import connection
from django.test import Client
from django.utils import timezone

from history_quiz.asgi import application
from quizzes.models import Enrolment, LiveAnswer, LivePlayer
from quizzes.services.live import LiveRefused, live_answer, live_host_action
from quizzes.services.live_setup import live_player_join
from tests.accounts.factories import StudentFactory
from tests.quizzes.live_world import make_live_world
from tests.threads import run_async, run_together

pytestmark = [
    # Each test opens 40-80 connections at once: two such tests on two workers ran
    # PostgreSQL out of client slots ('sorry, too many clients already').
    pytest.mark.xdist_group("many-connections"),
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
PLAYERS = 40


def class_of_forty():
    # A long question: on a loaded machine 80 threads at a barrier may take longer than
    # the default 20 s, and answers after the close are rightly refused as late.
    world = make_live_world(seconds_per_question=120)
    players = []
    for _ in range(PLAYERS):
        student = StudentFactory()
        Enrolment.objects.create(classroom=world.classroom, student=student)
        players.append(live_player_join(game=world.game, user=student))
    live_host_action(game_id=world.game.pk, host=world.teacher, action="start")
    return world, players


def test_forty_players_tapping_twice_at_one_barrier_give_forty_answers():
    world, players = class_of_forty()
    taps = [
        (lambda player=player, choice=choice: live_answer(
            game_id=world.game.pk, player_id=player.pk, index=0, choice=choice
        ))
        for player in players
        for choice in (0, 1)
    ]  # fmt: skip

    results = run_together(taps)

    refused = [result for result in results if isinstance(result, LiveRefused)]
    assert LiveAnswer.objects.filter(game=world.game).count() == PLAYERS
    assert LiveAnswer.objects.values("player").distinct().count() == PLAYERS
    assert len(refused) == PLAYERS and {r.code for r in refused} == {"duplicate"}
    assert (
        max(result.answered for result in results if not isinstance(result, Exception)) == PLAYERS
    )


def test_answers_racing_the_hosts_skip_are_either_counted_or_refused():
    world, players = class_of_forty()
    taps = [
        (lambda player=player: live_answer(
            game_id=world.game.pk, player_id=player.pk, index=0, choice=0
        ))
        for player in players
    ]  # fmt: skip
    skip = lambda: live_host_action(game_id=world.game.pk, host=world.teacher, action="skip")  # noqa: E731

    results = run_together([*taps[:20], skip, *taps[20:]])

    outcome = results[20]
    reveal = next(message["frame"] for audience, message in outcome.messages if audience == "host")
    taken = [
        result for result in results if not isinstance(result, Exception) and result is not outcome
    ]
    refused = [result for result in results if isinstance(result, LiveRefused)]
    assert len(taken) + len(refused) == PLAYERS
    assert {r.code for r in refused} <= {"closed"}
    recorded = LiveAnswer.objects.filter(game=world.game)
    assert recorded.count() == len(taken) == reveal["answered"]
    assert recorded.filter(mark__isnull=True).count() == 0  # every recorded answer was marked


def test_forty_phones_answering_at_once_over_their_sockets_give_forty_answers():
    world, players = class_of_forty()
    cookies = []
    for player in players:
        client = Client()
        client.force_login(player.user)
        cookies.append(
            [(b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()),
             (b"origin", b"http://testserver")]
        )  # fmt: skip
    LivePlayer.objects.filter(game=world.game)  # all joined before the sockets open
    world.game.refresh_from_db()
    assert world.game.closes_at > timezone.now() + timedelta(seconds=5)

    async def scenario():
        await get_channel_layer().flush()
        phones = [
            WebsocketCommunicator(application, f"/ws/live/{world.game.pk}/play/", headers=headers)
            for headers in cookies
        ]
        for phone in phones:
            connected, _ = await phone.connect()
            assert connected
        await asyncio.gather(
            *(
                phone.send_json_to({"type": "answer", "question": 0, "choice": 0})
                for phone in phones
            )
        )
        receipts = []
        for phone in phones:
            while True:
                frame = await phone.receive_json_from(timeout=10)
                if frame["type"] in ("answered", "error"):
                    receipts.append(frame["type"])
                    break
        for phone in phones:
            await phone.disconnect()
        return receipts

    receipts = run_async(scenario)

    assert receipts == ["answered"] * PLAYERS
    assert LiveAnswer.objects.filter(game=world.game).count() == PLAYERS

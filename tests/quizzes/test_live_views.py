"""The live game's pages: making a game, joining by PIN or link, the QR code, the results."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from quizzes.models import LiveGame, LivePlayer
from quizzes.services.live import live_answer, live_host_action
from quizzes.services.live_setup import live_player_join
from tests.accounts.factories import StudentFactory
from tests.quizzes.factories import EnrolmentFactory
from tests.quizzes.live_world import (
    live_world_fixture,  # noqa: F401
    make_live_world,
)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_play_live_from_a_lesson_says_what_was_left_out_and_opens_the_lobby(live_world):
    teacher = signed_in(live_world.teacher)
    path = reverse("quizzes:live_new_lesson", args=[live_world.lesson.slug])

    form = teacher.get(path)
    response = teacher.post(
        path, {"classroom": live_world.classroom.pk, "question_count": 10, "seconds_per_question": 20},
        follow=True,
    )  # fmt: skip

    assert "1 question is left out" in form.content.decode()
    game = LiveGame.objects.exclude(pk=live_world.game.pk).get()
    assert response.redirect_chain[-1][0] == reverse("quizzes:live_host", args=[game.pk])
    assert "1 question was left out" in response.content.decode()
    assert game.pin in response.content.decode() and len(game.question_ids) == 4


def test_a_graded_game_needs_a_class(live_world):
    teacher = signed_in(live_world.teacher)

    response = teacher.post(
        reverse("quizzes:live_new_lesson", args=[live_world.lesson.slug]),
        {"classroom": "", "question_count": 10, "seconds_per_question": 20, "graded": "on"},
    )

    assert response.status_code == 400
    assert "Pick a class to grade the game for." in response.content.decode()
    assert LiveGame.objects.count() == 1


def test_a_class_number_too_large_for_the_database_is_a_bad_choice(live_world):
    teacher = signed_in(live_world.teacher)
    too_large = str(2**63)

    response = teacher.post(
        reverse("quizzes:live_new_lesson", args=[live_world.lesson.slug]),
        {"classroom": too_large, "question_count": 10, "seconds_per_question": 20},
    )

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert LiveGame.objects.count() == 1


def test_a_wrong_pin_is_refused_with_a_message(live_world):
    response = Client().post(reverse("quizzes:live_join"), {"pin": "12 34 5"})

    assert response.status_code == 400
    assert "No game is running with that PIN" in response.content.decode()


def test_a_class_member_goes_from_the_pin_straight_to_the_game(live_world):
    ana = signed_in(live_world.ana)

    response = ana.post(reverse("quizzes:live_join"), {"pin": live_world.game.pin}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("quizzes:live_play", args=[live_world.game.pk])
    assert LivePlayer.objects.get(game=live_world.game).user == live_world.ana
    assert f"/ws/live/{live_world.game.pk}/play/" in response.content.decode()


def test_a_guest_picks_a_free_nickname_and_keeps_playing_from_the_same_browser(live_world):
    live_world.game.allow_guests = True
    live_world.game.save()
    live_player_join(game=live_world.game, user=AnonymousUser(), nickname="Clio")
    guest = Client()
    path = reverse("quizzes:live_join_pin", args=[live_world.game.pin])

    taken = guest.post(path, {"nickname": "CLIO"})
    joined = guest.post(path, {"nickname": "Herodotus"}, follow=True)
    again = guest.get(path, follow=True)

    assert (
        taken.status_code == 400 and "Someone already has that nickname" in taken.content.decode()
    )
    play = reverse("quizzes:live_play", args=[live_world.game.pk])
    assert joined.redirect_chain[-1][0] == play and again.redirect_chain[-1][0] == play
    assert LivePlayer.objects.filter(game=live_world.game, nickname="Herodotus").count() == 1


def test_someone_who_has_not_joined_is_sent_to_the_join_page(live_world):
    response = signed_in(StudentFactory()).get(
        reverse("quizzes:live_play", args=[live_world.game.pk])
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:live_join_pin", args=[live_world.game.pin])


def test_the_qr_code_is_an_svg_made_on_the_server(live_world):
    response = signed_in(live_world.teacher).get(
        reverse("quizzes:live_qr", args=[live_world.game.pk])
    )

    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg") and b"<script" not in response.content


def _played_game(players: int):
    world = make_live_world()
    world.game.allow_guests = True
    world.game.save()
    joined = [
        live_player_join(game=world.game, user=AnonymousUser(), nickname=f"=SUM(A{n})")
        for n in range(players)
    ]
    for student in (StudentFactory() for _ in range(players)):
        EnrolmentFactory(classroom=world.classroom, student=student)
        joined.append(live_player_join(game=world.game, user=student))
    live_host_action(game_id=world.game.pk, host=world.teacher, action="start")
    for player in joined:
        live_answer(game_id=world.game.pk, player_id=player.pk, index=0, choice=0)
    live_host_action(game_id=world.game.pk, host=world.teacher, action="end")
    return world


@pytest.mark.parametrize("players", [2, 12])
def test_the_results_page_takes_the_same_queries_for_any_class_size(
    db, django_assert_max_num_queries, players
):
    world = _played_game(players)
    teacher = signed_in(world.teacher)
    path = reverse("quizzes:live_results", args=[world.game.pk])

    with django_assert_max_num_queries(9):
        response = teacher.get(path)

    assert response.status_code == 200
    assert response.content.decode().count('data-testid="result-row"') == 2 * players


def test_the_results_csv_keeps_nicknames_as_data_not_formulas(db):
    world = _played_game(2)

    response = signed_in(world.teacher).get(
        reverse("quizzes:live_results_export", args=[world.game.pk])
    )

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["Rank", "Player", "Username", "Score", "Right"]
    nicknames = [row[1] for row in rows[1:]]
    assert "'=SUM(A0)" in nicknames and not any(name.startswith("=") for name in nicknames)

"""What a graded game leaves in the gradebook: a record of the game, not a quiz to take."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from quizzes.forms.classes import AssignmentForm
from quizzes.models import LiveGame
from quizzes.selectors.release import withheld_questions
from quizzes.services.attempts import attempt_start
from quizzes.services.live import live_answer, live_host_action
from quizzes.services.live_setup import live_player_join
from tests.quizzes.factories import QuizFactory
from tests.quizzes.live_world import make_live_world, right_choice_for

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def ended_graded_game(db):
    """A graded game of two questions that Ana played and Ben missed."""
    world = make_live_world(graded=True)
    game = world.game
    ana = live_player_join(game=game, user=world.ana)
    live_host_action(game_id=game.pk, host=world.teacher, action="start", now=T0)
    for index in range(2):
        choice = right_choice_for(game, index)
        moment = T0 + timedelta(seconds=10 * index + 1)
        live_answer(game_id=game.pk, player_id=ana.pk, index=index, choice=choice, now=moment)
        live_host_action(game_id=game.pk, host=world.teacher, action="skip", now=moment)
        if index == 0:
            live_host_action(game_id=game.pk, host=world.teacher, action="next", now=moment)
    live_host_action(game_id=game.pk, host=world.teacher, action="end", now=T0 + timedelta(1))
    return world, LiveGame.objects.select_related("assignment__quiz").get(pk=game.pk)


def test_a_member_who_missed_the_game_is_not_kept_from_its_questions_afterwards(
    ended_graded_game,
):
    world, game = ended_graded_game

    held = set(withheld_questions(student=world.ben).values_list("pk", flat=True))

    assert not held & set(game.question_ids)


def test_a_member_who_missed_the_game_cannot_take_its_record_as_a_quiz(ended_graded_game):
    world, game = ended_graded_game

    with pytest.raises(ValidationError):
        attempt_start(assignment=game.assignment, student=world.ben)


def test_the_record_stays_out_of_the_teachers_quiz_list_and_assignment_choices(
    ended_graded_game,
):
    world, game = ended_graded_game
    own = QuizFactory(owner=world.teacher, question_count=1)
    client = Client()
    client.force_login(world.teacher)

    page = client.get(reverse("quizzes:quiz_list")).content.decode()
    choices = AssignmentForm(teacher=world.teacher).fields["quiz"].queryset

    assert own.title in page and game.assignment.quiz.title not in page
    assert list(choices) == [own]

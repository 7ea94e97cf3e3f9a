"""A class with two students and a lesson whose bank has each kind a game plays, plus one it
leaves out; `live_world.game` is a game of the four playable questions in the lobby."""

from dataclasses import dataclass

import pytest

from quizzes.models import LiveGame, Question
from quizzes.services.live_setup import live_game_create, live_player_join
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    ClassroomFactory,
    EnrolmentFactory,
    FillBlankQuestionFactory,
    MultipleResponseQuestionFactory,
    OrderingQuestionFactory,
    QuestionFactory,
    TrueFalseQuestionFactory,
)


@dataclass
class LiveWorld:
    teacher: object
    classroom: object
    ana: object
    ben: object
    lesson: object
    questions: list[Question]
    game: LiveGame

    def join_both(self):
        return (
            live_player_join(game=self.game, user=self.ana),
            live_player_join(game=self.game, user=self.ben),
        )


def make_live_world(**game_fields) -> LiveWorld:
    teacher = TeacherFactory()
    classroom = ClassroomFactory(teacher=teacher)
    ana = StudentFactory(first_name="Ana", last_name="Lopez")
    ben = StudentFactory(first_name="Ben", last_name="Okafor")
    for student in (ana, ben):
        EnrolmentFactory(classroom=classroom, student=student)
    lesson = LessonFactory()
    questions = [
        QuestionFactory(lesson=lesson, ready=True),
        TrueFalseQuestionFactory(lesson=lesson, ready=True),
        MultipleResponseQuestionFactory(lesson=lesson, ready=True),
        OrderingQuestionFactory(lesson=lesson, ready=True),
    ]
    FillBlankQuestionFactory(lesson=lesson, ready=True)
    game = live_game_create(
        host=teacher,
        title=lesson.title,
        question_ids=[question.pk for question in questions],
        classroom=classroom,
        lesson=lesson,
        **game_fields,
    )
    return LiveWorld(teacher, classroom, ana, ben, lesson, questions, game)


@pytest.fixture(name="live_world")
def live_world_fixture(db) -> LiveWorld:
    return make_live_world()


def right_choice_for(game: LiveGame, index: int):
    """The tap(s) that answer question `index` right, in the game's option order."""
    from quizzes.live.questions import right_choice
    from quizzes.selectors.live import live_options, live_question

    question = live_question(game, index)
    picks = right_choice(question, live_options(game, question))
    return picks[0] if question.kind in ("multiple_choice", "true_false") else picks


def wrong_choice_for(game: LiveGame, index: int):
    from quizzes.selectors.live import live_options, live_question

    question = live_question(game, index)
    options = live_options(game, question)
    right = right_choice_for(game, index)
    if isinstance(right, list):
        return (
            list(reversed(right))
            if question.kind == "ordering"
            else [pick for pick in range(len(options)) if pick not in right]
        )
    return next(pick for pick in range(len(options)) if pick != right)

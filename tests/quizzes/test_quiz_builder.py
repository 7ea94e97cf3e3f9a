"""The quiz builder's second step: questions grouped by lesson with their kind and tier,
the lessons of step one not asked again, pairs that give each other away named, errors
summed up at the top, and only questions the teacher may use."""

import pytest
from django.urls import reverse

from quizzes.models import QuestionStatus
from quizzes.services.quizzes import quiz_create
from tests.accounts.factories import TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    FillBlankQuestionFactory,
    QuestionFactory,
    TrueFalseQuestionFactory,
)


@pytest.fixture
def lesson(teacher):
    return LessonFactory(owner=teacher, title="The Congress of Vienna")


def sentences(lesson):
    return iter(list(lesson.sentences.order_by("position")))


def builder(client, teacher, *lessons, **params):
    client.force_login(teacher)
    return client.get(reverse("quizzes:quiz_new"), {"lessons": [x.pk for x in lessons], **params})


def offered(response) -> dict[int, str]:
    """The questions the builder offers, by id, with their tier."""
    return {
        row.question.pk: row.question.tier
        for group in response.context["picker"].groups
        for row in group.rows
    }


def test_the_questions_are_offered_with_their_kind_and_tier(client, teacher, lesson):
    spread = sentences(lesson)
    ready = QuestionFactory(lesson=lesson, source_sentence=next(spread))
    review = TrueFalseQuestionFactory(lesson=lesson, ready=False, source_sentence=next(spread))
    approved = FillBlankQuestionFactory(
        lesson=lesson, status=QuestionStatus.APPROVED, ready=False, source_sentence=next(spread)
    )
    rejected = QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED)

    response = builder(client, teacher, lesson)

    assert offered(response) == {ready.pk: "ready", review.pk: "review", approved.pk: "approved"}
    html = response.content.decode()
    assert "True or false · " in html and "Needs review" in html
    assert rejected.prompt not in html


def test_the_lessons_of_step_one_are_not_asked_again(client, teacher, lesson):
    other = LessonFactory(owner=teacher, title="Waterloo")
    QuestionFactory(lesson=lesson)
    QuestionFactory(lesson=other)

    html = builder(client, teacher, lesson, other).content.decode()

    assert 'type="checkbox" name="lessons"' not in html
    assert html.count('type="hidden" name="lessons"') == 2
    assert "<strong>The Congress of Vienna</strong>, <strong>Waterloo</strong>" in html
    assert html.count("<legend") >= 2  # one group of questions per lesson


def test_picked_questions_that_give_each_other_away_are_named(client, teacher, lesson):
    sentence = lesson.sentences.order_by("position").first()
    first = QuestionFactory(
        lesson=lesson, prompt="Who chaired the talks?", source_sentence=sentence
    )
    second = FillBlankQuestionFactory(
        lesson=lesson, prompt="_____ chaired the talks.", source_sentence=sentence
    )
    quiz = quiz_create(owner=teacher, lessons=[lesson], questions=[first, second], title="Vienna")
    client.force_login(teacher)

    response = client.get(reverse("quizzes:quiz_edit", args=[quiz.pk]))

    assert response.context["giveaways"] == [(first, second, "both come from the same sentence")]
    assert "both come from the same sentence" in response.content.decode()


def test_errors_are_summed_up_at_the_top_with_links_to_their_fields(client, teacher, lesson):
    question = QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    response = client.post(
        reverse("quizzes:quiz_new"),
        {
            "title": "",
            "lessons": [lesson.pk],
            "selection_mode": "hand",
            "questions": [question.pk],
            "time_limit_minutes": "-5",
            "attempts_allowed": 1,
            "grading_method": "highest",
            "answers_visible": "after_submit",
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    summary = html[html.index('data-testid="error-summary"') : html.index("data-quiz-builder")]
    assert '<a href="#id_time_limit_minutes"' in summary and '<a href="#id_title"' in summary
    assert f'value="{question.pk}" id="pick-{question.pk}" checked' in html  # picks kept


def test_another_teachers_lesson_offers_nothing_and_a_library_lesson_its_ready_ones(
    client, teacher, lesson
):
    library = LessonFactory(title="Library lesson")
    spread = sentences(library)
    shared = QuestionFactory(lesson=library, source_sentence=next(spread))
    QuestionFactory(lesson=library, ready=False, source_sentence=next(spread))
    strangers = LessonFactory(owner=TeacherFactory())
    QuestionFactory(lesson=strangers)

    response = builder(client, teacher, library, strangers)

    assert offered(response) == {shared.pk: "ready"}


@pytest.mark.parametrize("size", [3, 40])
def test_the_builder_queries_do_not_grow_with_the_bank(
    client, teacher, lesson, size, django_assert_max_num_queries
):
    for _ in range(size):
        QuestionFactory(lesson=lesson)
    client.force_login(teacher)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("quizzes:quiz_new"), {"lessons": lesson.pk})

    assert len(offered(response)) == size

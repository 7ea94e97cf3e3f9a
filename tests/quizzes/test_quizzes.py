from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from quizzes.models import QuestionStatus, Quiz, SelectionMode
from quizzes.services.quizzes import quiz_create, quiz_update
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    FillBlankQuestionFactory,
    QuestionFactory,
    TrueFalseQuestionFactory,
)


@pytest.fixture
def lesson(teacher):
    return LessonFactory(owner=teacher)


@pytest.fixture
def bank(lesson):
    return [QuestionFactory(lesson=lesson), TrueFalseQuestionFactory(lesson=lesson)]


def test_create_keeps_hand_picked_questions_in_order(teacher, lesson, bank):
    quiz = quiz_create(
        owner=teacher, lessons=[lesson], questions=bank[::-1], title="Vienna", time_limit_minutes=15
    )

    assert [qq.question for qq in quiz.quiz_questions.order_by("position")] == bank[::-1]
    assert quiz.time_limit_minutes == 15


def test_create_random_quiz_needs_enough_usable_questions(teacher, lesson, bank):
    QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED)

    with pytest.raises(ValidationError, match="only 2 ready or approved questions"):
        quiz_create(
            owner=teacher,
            lessons=[lesson],
            title="Vienna",
            selection_mode=SelectionMode.RANDOM,
            random_count=3,
        )


def test_create_refuses_a_rejected_question(teacher, lesson):
    rejected = QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED)

    with pytest.raises(ValidationError, match="not rejected"):
        quiz_create(owner=teacher, lessons=[lesson], questions=[rejected], title="Vienna")


def test_create_refuses_a_question_from_another_lesson(teacher, lesson):
    stranger = QuestionFactory()

    with pytest.raises(ValidationError, match="chosen lessons"):
        quiz_create(owner=teacher, lessons=[lesson], questions=[stranger], title="Vienna")


def test_create_refuses_closing_before_opening(teacher, lesson, bank):
    now = timezone.now()

    with pytest.raises(ValidationError, match="close after it opens"):
        quiz_create(
            owner=teacher,
            lessons=[lesson],
            questions=bank,
            title="Vienna",
            opens_at=now + timedelta(days=2),
            closes_at=now + timedelta(days=1),
        )


def test_update_switches_to_random_and_drops_picked_questions(teacher, lesson, bank):
    quiz = quiz_create(owner=teacher, lessons=[lesson], questions=bank, title="Vienna")

    quiz_update(quiz=quiz, lessons=[lesson], selection_mode=SelectionMode.RANDOM, random_count=2)

    quiz.refresh_from_db()
    assert quiz.random_count == 2
    assert quiz.quiz_questions.count() == 0


def test_new_quiz_page_asks_for_lessons_first(client, teacher, lesson):
    client.force_login(teacher)

    response = client.get(reverse("quizzes:quiz_new"))

    assert "Step 1 of 2" in response.content.decode()
    assert lesson.title in response.content.decode()


def _settings(**changes):
    data = {
        "title": "Congress of Vienna",
        "selection_mode": SelectionMode.HAND_PICKED,
        "attempts_allowed": 1,
        "grading_method": "highest",
        "answers_visible": "after_submit",
        "shuffle_questions": "on",
    }
    return {**data, **changes}


def test_builder_warns_about_hand_picked_questions_that_give_each_other_away(
    client, teacher, lesson
):
    sentence = lesson.sentences.order_by("position").first()
    date = FillBlankQuestionFactory(
        lesson=lesson, prompt="The Final Act was signed on 9 June _____.", answer="1815"
    )
    statement = TrueFalseQuestionFactory(
        lesson=lesson, prompt="The Final Act was signed on 9 June 1815.", source_sentence=sentence
    )
    client.force_login(teacher)

    response = client.post(
        reverse("quizzes:quiz_new"),
        _settings(lessons=[lesson.pk], questions=[date.pk, statement.pk]),
        follow=True,
    )

    page = response.content.decode()
    assert Quiz.objects.get().quiz_questions.count() == 2  # a warning, not a refusal
    assert "give each other away" in page
    assert "The Final Act was signed on 9 June _____." in page


def test_teacher_builds_a_quiz_by_hand(client, teacher, lesson, bank):
    client.force_login(teacher)

    response = client.post(
        reverse("quizzes:quiz_new"),
        _settings(lessons=[lesson.pk], questions=[q.pk for q in bank]),
    )

    quiz = Quiz.objects.get()
    assert response.url == reverse("quizzes:quiz_preview", args=[quiz.pk])
    assert quiz.owner == teacher
    assert quiz.quiz_questions.count() == 2


def test_quiz_form_explains_a_missing_question_pick(client, teacher, lesson, bank):
    client.force_login(teacher)

    response = client.post(reverse("quizzes:quiz_new"), _settings(lessons=[lesson.pk]))

    assert response.status_code == 400
    assert "Pick at least one question." in response.content.decode()
    assert not Quiz.objects.exists()


def test_quiz_form_explains_a_random_count_too_large(client, teacher, lesson, bank):
    client.force_login(teacher)

    response = client.post(
        reverse("quizzes:quiz_new"),
        _settings(lessons=[lesson.pk], selection_mode=SelectionMode.RANDOM, random_count=5),
    )

    assert response.status_code == 400
    assert "only 2 ready or approved questions" in response.content.decode()


@pytest.mark.parametrize(
    "tampered",
    [
        {"lessons": ["abc"]},
        {"lessons": ["999999"]},
        {"questions": ["999999"]},
        {"questions": ["x"]},
    ],
)
def test_tampered_quiz_form_gets_400(client, teacher, lesson, bank, tampered):
    client.force_login(teacher)
    data = _settings(lessons=[lesson.pk], questions=[bank[0].pk]) | tampered

    response = client.post(reverse("quizzes:quiz_new"), data)

    assert response.status_code == 400
    assert not Quiz.objects.exists()


def test_teacher_edits_their_quiz_settings(client, teacher, lesson, bank):
    quiz = quiz_create(owner=teacher, lessons=[lesson], questions=bank, title="Vienna")
    client.force_login(teacher)

    client.post(
        reverse("quizzes:quiz_edit", args=[quiz.pk]),
        _settings(lessons=[lesson.pk], questions=[bank[0].pk], one_question_per_page="on"),
    )

    quiz.refresh_from_db()
    assert quiz.one_question_per_page
    assert list(quiz.questions.all()) == [bank[0]]


def test_preview_shows_questions_with_answers_to_the_teacher(client, teacher, lesson, bank):
    quiz = quiz_create(owner=teacher, lessons=[lesson], questions=bank, title="Vienna")
    client.force_login(teacher)

    html = client.get(reverse("quizzes:quiz_preview", args=[quiz.pk])).content.decode()

    assert bank[0].prompt in html
    assert "Answer:</strong> Metternich" in html


@pytest.mark.parametrize("count", [2, 20])
def test_quiz_list_query_count_is_fixed(client, teacher, count, django_assert_max_num_queries):
    lesson = LessonFactory(owner=teacher)
    questions = [QuestionFactory(lesson=lesson)]
    for number in range(count):
        quiz_create(owner=teacher, lessons=[lesson], questions=questions, title=f"Quiz {number}")
    client.force_login(teacher)

    with django_assert_max_num_queries(6):
        response = client.get(reverse("quizzes:quiz_list"))

    assert response.content.decode().count("Edit</a>") == count


def test_quiz_form_takes_open_and_close_dates_from_the_browser(client, teacher, lesson, bank):
    client.force_login(teacher)

    client.post(
        reverse("quizzes:quiz_new"),
        _settings(
            lessons=[lesson.pk],
            questions=[bank[0].pk],
            opens_at="2031-03-02T09:00",
            closes_at="2031-03-02T10:30",
        ),
    )

    quiz = Quiz.objects.get()
    assert quiz.closes_at - quiz.opens_at == timedelta(minutes=90)


def test_quiz_form_refuses_a_close_date_in_the_past(client, teacher, lesson, bank):
    client.force_login(teacher)

    response = client.post(
        reverse("quizzes:quiz_new"),
        _settings(lessons=[lesson.pk], questions=[bank[0].pk], closes_at="2001-01-01T09:00"),
    )

    assert response.status_code == 400
    assert "Choose a closing time in the future." in response.content.decode()

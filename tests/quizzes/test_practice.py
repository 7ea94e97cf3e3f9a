import pytest
from django.urls import reverse

from quizzes.models import Answer, Attempt, CardState, QuestionKind, QuestionStatus
from quizzes.services.practice import practice_new_round, practice_questions
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    FillBlankQuestionFactory,
    FlashcardFactory,
    QuestionFactory,
    TrueFalseQuestionFactory,
)


@pytest.fixture
def lesson(db):
    return LessonFactory()


@pytest.fixture
def question(lesson):
    return QuestionFactory(lesson=lesson, explanation="He was the Austrian foreign minister.")


def practice_url(lesson) -> str:
    return reverse("quizzes:practice_question", args=[lesson.slug])


def answer(client, lesson, question, **fields):
    return client.post(practice_url(lesson), {"question": question.pk, **fields})


def test_practice_uses_approved_and_ready_questions_only(lesson):
    approved = QuestionFactory(lesson=lesson, status=QuestionStatus.APPROVED, ready=False)
    ready = QuestionFactory(lesson=lesson, ready=True)
    QuestionFactory(lesson=lesson, ready=False)

    assert list(practice_questions(lesson=lesson)) == [approved, ready]


def test_practice_never_uses_rejected_questions(lesson):
    generated = QuestionFactory(lesson=lesson)
    QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED, ready=True)

    assert list(practice_questions(lesson=lesson)) == [generated]


def test_a_round_draws_at_most_ten_questions(lesson):
    QuestionFactory.create_batch(12, lesson=lesson)

    assert len(practice_new_round(lesson=lesson)["questions"]) == 10


@pytest.mark.parametrize("role", ["student", "teacher", "admin_user"])
def test_every_signed_in_role_can_practise(client, request, role, question, lesson):
    client.force_login(request.getfixturevalue(role))

    response = client.get(practice_url(lesson))

    assert response.status_code == 200
    assert question.prompt in response.text


def test_the_question_page_does_not_give_the_answer_away(client, student, lesson):
    question = FillBlankQuestionFactory(
        lesson=lesson, answer="1815", explanation="Signed before Waterloo."
    )
    client.force_login(student)

    response = client.get(practice_url(lesson))

    assert question.prompt in response.text
    assert "1815" not in response.text.replace(question.prompt, "")
    assert "Signed before Waterloo" not in response.text


def test_a_right_answer_gets_feedback_with_the_source_sentence(client, student, question, lesson):
    client.force_login(student)

    answer(client, lesson, question, answer="Metternich")
    response = client.get(practice_url(lesson))

    assert "Right!" in response.text
    assert question.explanation in response.text
    assert question.source_sentence.get_absolute_url() in response.text


def test_practice_answers_never_reach_the_gradebook(client, student, question, lesson):
    client.force_login(student)

    answer(client, lesson, question, answer="Talleyrand")
    client.post(reverse("quizzes:practice_next", args=[lesson.slug]))

    assert Attempt.objects.count() == 0
    assert Answer.objects.count() == 0


def test_a_wrong_practice_answer_makes_the_related_cards_due(client, student, question, lesson):
    card = FlashcardFactory(lesson=lesson)
    client.force_login(student)

    answer(client, lesson, question, answer="Talleyrand")
    response = client.get(practice_url(lesson))

    assert "Not quite." in response.text
    assert "Metternich" in response.text
    assert CardState.objects.get(student=student).flashcard == card


def test_a_right_practice_answer_queues_nothing(client, student, question, lesson):
    FlashcardFactory(lesson=lesson)
    client.force_login(student)

    answer(client, lesson, question, answer="Metternich")

    assert not CardState.objects.exists()


def test_true_false_is_marked_by_the_quiz_marker(client, student, lesson):
    question = TrueFalseQuestionFactory(lesson=lesson)
    client.force_login(student)

    answer(client, lesson, question, answer="true")

    assert "Right!" in client.get(practice_url(lesson)).text


def test_matching_is_asked_item_by_item_and_marked_in_part(client, student, lesson):
    question = QuestionFactory(
        lesson=lesson,
        kind=QuestionKind.MATCHING,
        prompt="Match each delegate to his country.",
        choices=["France", "Austria"],
        answer=[["Metternich", "Austria"], ["Talleyrand", "France"]],
    )
    client.force_login(student)

    page = client.get(practice_url(lesson))
    answer(client, lesson, question, match_0="Austria", match_1="Austria")
    feedback = client.get(practice_url(lesson))

    assert "Metternich" in page.text
    assert "Partly right" in feedback.text
    assert "50%" in feedback.text


def test_ordering_is_asked_position_by_position(client, student, lesson):
    question = QuestionFactory(
        lesson=lesson,
        kind=QuestionKind.ORDERING,
        prompt="Put these in order.",
        choices=["Waterloo", "Congress opens", "Final Act"],
        answer=["Congress opens", "Final Act", "Waterloo"],
    )
    client.force_login(student)

    answer(
        client, lesson, question, order_0="Congress opens", order_1="Final Act", order_2="Waterloo"
    )

    assert "Right!" in client.get(practice_url(lesson)).text


@pytest.mark.parametrize(
    "fields",
    [
        {"answer": "Napoleon"},
        {},
        {"answer": "Metternich", "question": "abc"},
        {"answer": "Metternich", "question": 999999},
    ],
)
def test_a_tampered_practice_answer_gets_a_400(client, student, question, lesson, fields):
    client.force_login(student)
    client.get(practice_url(lesson))

    response = client.post(practice_url(lesson), {"question": question.pk, **fields})

    assert response.status_code == 400
    assert not CardState.objects.exists()


def test_a_second_click_on_check_does_not_mark_twice(client, student, question, lesson):
    client.force_login(student)
    answer(client, lesson, question, answer="Metternich")

    response = answer(client, lesson, question, answer="Talleyrand")

    assert response.status_code == 302
    assert "Right!" in client.get(practice_url(lesson)).text


def test_a_round_ends_with_a_score_and_can_start_again(client, student, question, lesson):
    client.force_login(student)
    answer(client, lesson, question, answer="Metternich")
    client.post(reverse("quizzes:practice_next", args=[lesson.slug]))

    summary = client.get(practice_url(lesson))
    client.post(reverse("quizzes:practice_restart", args=[lesson.slug]))
    again = client.get(practice_url(lesson))

    assert "Round finished" in summary.text
    assert "1 / 1" in summary.text
    assert question.prompt in again.text


def test_a_lesson_without_questions_says_so(client, student, lesson):
    client.force_login(student)

    response = client.get(practice_url(lesson))

    assert "no practice questions yet" in response.text


def test_the_practice_actions_only_accept_posts(client, student, lesson):
    client.force_login(student)

    assert client.get(reverse("quizzes:practice_next", args=[lesson.slug])).status_code == 405
    assert client.get(reverse("quizzes:practice_restart", args=[lesson.slug])).status_code == 405


def test_questions_added_after_an_empty_visit_are_practised_next_time(client, student, lesson):
    client.force_login(student)
    client.get(practice_url(lesson))
    question = QuestionFactory(lesson=lesson)

    response = client.get(practice_url(lesson))

    assert question.prompt in response.text

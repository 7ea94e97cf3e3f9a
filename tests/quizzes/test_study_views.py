from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import CardState, Flashcard, QuestionStatus, StudyReview
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    CardStateFactory,
    ClassroomFactory,
    EnrolmentFactory,
    FlashcardFactory,
    StudyReviewFactory,
)

RATE_URL = reverse("quizzes:study_rate")
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def lesson(db):
    return LessonFactory()


@pytest.fixture
def due_state(student, lesson):
    return CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))


@pytest.fixture
def classroom(teacher, student):
    classroom = ClassroomFactory(teacher=teacher)
    EnrolmentFactory(classroom=classroom, student=student)
    return classroom


def test_visitors_are_sent_to_log_in_from_every_study_page(client, lesson, classroom):
    urls = [
        reverse("quizzes:study_due"),
        reverse("quizzes:study_lesson", args=[lesson.slug]),
        reverse("quizzes:study_card_detail", args=[1]),
        reverse("quizzes:study_class_list"),
        reverse("quizzes:study_class_progress", args=[classroom.pk]),
        reverse("quizzes:practice_question", args=[lesson.slug]),
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url
    assert client.post(RATE_URL).status_code == 302


@pytest.mark.parametrize("role", ["student", "teacher", "admin_user"])
def test_every_signed_in_role_can_open_the_study_pages(client, request, role, lesson):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("quizzes:study_due")).status_code == 200
    assert client.get(reverse("quizzes:study_lesson", args=[lesson.slug])).status_code == 200


def test_an_unknown_lesson_has_no_study_page(client, student):
    client.force_login(student)

    assert client.get(reverse("quizzes:study_lesson", args=["no-such-lesson"])).status_code == 404


def test_the_study_page_shows_the_front_of_the_next_due_card(client, student, due_state):
    client.force_login(student)

    response = client.get(reverse("quizzes:study_due"))

    assert due_state.flashcard.front in response.text
    assert 'id="study-back" class="study-back" hidden' in response.text


def test_show_answer_works_without_javascript(client, student, due_state):
    client.force_login(student)

    response = client.get(reverse("quizzes:study_due"), {"show": due_state.flashcard.pk})

    assert 'id="study-back" class="study-back" >' in response.text
    assert due_state.flashcard.back in response.text


def test_the_study_page_says_when_everything_is_done(client, student):
    client.force_login(student)

    response = client.get(reverse("quizzes:study_due"))

    assert "All done for now" in response.text


def test_a_rating_posted_by_a_form_saves_and_returns_to_the_lesson(client, student, due_state):
    client.force_login(student)
    data = {
        "flashcard": due_state.flashcard.pk,
        "rating": 3,
        "lesson": due_state.flashcard.lesson.slug,
    }

    response = client.post(RATE_URL, data)

    assert response.status_code == 302
    assert response.url == reverse("quizzes:study_lesson", args=[due_state.flashcard.lesson.slug])
    due_state.refresh_from_db()
    assert due_state.due > timezone.now()


def test_a_rating_posted_by_the_script_answers_with_the_next_card(client, student, lesson):
    first, second = (
        CardStateFactory(
            student=student,
            flashcard=FlashcardFactory(lesson=lesson),
            due=timezone.now() - timedelta(days=days),
        )
        for days in (2, 1)
    )
    client.force_login(student)

    response = client.post(RATE_URL, {"flashcard": first.flashcard.pk, "rating": 4}, **JSON)

    payload = response.json()
    assert response.status_code == 200
    assert second.flashcard.front in payload["html"]
    assert payload["counts"]["due_now"] == 1
    assert StudyReview.objects.filter(card_state=first).count() == 1


def test_a_rating_on_a_lesson_page_also_reports_totals_across_lessons(client, student, lesson):
    state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=LessonFactory()))
    client.force_login(student)
    data = {"flashcard": state.flashcard.pk, "rating": 3, "lesson": lesson.slug}

    payload = client.post(RATE_URL, data, **JSON).json()

    assert payload["counts"]["due_now"] == 0
    assert payload["totals"]["due_now"] == 1


@pytest.mark.parametrize(
    "data",
    [
        {"flashcard": "abc", "rating": 3},
        {"flashcard": 999999, "rating": 3},
        {"rating": 3},
        {"flashcard": "FLASHCARD", "rating": 9},
        {"flashcard": "FLASHCARD", "rating": "good"},
        {"flashcard": "FLASHCARD", "rating": 3, "duration_ms": "-5"},
        {"flashcard": "FLASHCARD", "rating": 3, "lesson": "no-such-lesson"},
    ],
)
def test_a_tampered_rating_gets_a_400(client, student, due_state, data):
    data = {k: due_state.flashcard.pk if v == "FLASHCARD" else v for k, v in data.items()}
    client.force_login(student)

    assert client.post(RATE_URL, data).status_code == 400
    assert client.post(RATE_URL, data, **JSON).status_code == 400
    assert not StudyReview.objects.exists()


def test_rating_a_rejected_card_gets_a_400(client, student, lesson):
    card = FlashcardFactory(lesson=lesson, status=QuestionStatus.REJECTED)
    client.force_login(student)

    response = client.post(RATE_URL, {"flashcard": card.pk, "rating": 3}, **JSON)

    assert response.status_code == 400
    assert not CardState.objects.exists()


def test_rating_past_the_new_card_limit_gets_a_400_that_says_so(client, student, lesson, settings):
    settings.STUDY_NEW_CARDS_PER_DAY = 0
    card = FlashcardFactory(lesson=lesson)
    client.force_login(student)

    response = client.post(RATE_URL, {"flashcard": card.pk, "rating": 3}, **JSON)

    assert response.status_code == 400
    assert "new cards" in response.json()["error"]


def test_a_form_rating_past_the_limit_returns_to_the_page_with_the_reason(
    client, student, lesson, settings
):
    settings.STUDY_NEW_CARDS_PER_DAY = 0
    card = FlashcardFactory(lesson=lesson)
    client.force_login(student)

    response = client.post(RATE_URL, {"flashcard": card.pk, "rating": 3}, follow=True)

    assert "new cards for today" in response.text
    assert not CardState.objects.exists()


def test_a_rating_only_ever_touches_the_raters_own_card_state(client, student, due_state):
    other = StudentFactory()
    client.force_login(other)

    client.post(RATE_URL, {"flashcard": due_state.flashcard.pk, "rating": 1})

    before = due_state.due
    due_state.refresh_from_db()
    assert due_state.due == before
    assert not due_state.reviews.exists()
    assert CardState.objects.filter(student=other).count() == 1


def test_a_student_reads_their_own_card_history(client, student, due_state):
    StudyReviewFactory(card_state=due_state)
    client.force_login(student)

    response = client.get(reverse("quizzes:study_card_detail", args=[due_state.pk]))

    assert response.status_code == 200
    assert "Good" in response.text


@pytest.mark.parametrize("role", ["other_student", "teacher_of_the_class", "admin_user"])
def test_nobody_else_reads_a_students_card_state(client, request, role, due_state, classroom):
    users = {"other_student": StudentFactory, "teacher_of_the_class": lambda: classroom.teacher}
    user = users[role]() if role in users else request.getfixturevalue(role)
    client.force_login(user)

    response = client.get(reverse("quizzes:study_card_detail", args=[due_state.pk]))

    assert response.status_code == 404


def test_the_study_page_runs_the_same_queries_for_10_or_2000_cards(
    client, student, lesson, django_assert_max_num_queries
):
    client.force_login(student)
    counts = []
    for size in (10, 2000):
        cards = Flashcard.objects.bulk_create(
            Flashcard(lesson=lesson, front=f"Front {n}", back="Back", rule="test")
            for n in range(size)
        )
        CardState.objects.bulk_create(
            CardState(
                student=student,
                flashcard=card,
                phase=2,
                stability=3.0,
                difficulty=5.0,
                last_review=timezone.now() - timedelta(days=3),
                due=timezone.now() - timedelta(hours=1),
                introduced_at=timezone.now() - timedelta(days=3),
            )
            for card in cards
        )
        with django_assert_max_num_queries(14) as captured:
            assert client.get(reverse("quizzes:study_due")).status_code == 200
        counts.append(len(captured.captured_queries))
        CardState.objects.all().delete()
        Flashcard.objects.all().delete()

    assert counts[0] == counts[1]


def test_the_teacher_sees_each_students_reviews_and_export_links(
    client, teacher, student, classroom, lesson
):
    AssignmentFactory(classroom=classroom, lesson=lesson, quiz=None)
    state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    StudyReviewFactory.create_batch(2, card_state=state)
    client.force_login(teacher)

    response = client.get(reverse("quizzes:study_class_progress", args=[classroom.pk]))

    assert response.status_code == 200
    assert str(student) in response.text
    assert f"/lessons/{lesson.slug}/bank/export/apkg/" in response.text
    assert f"/lessons/{lesson.slug}/bank/export/quizlet/" in response.text
    assert [row.reviews_week for row in response.context["rows"]] == [2]


def test_an_admin_sees_any_class_study_page(client, admin_user, classroom):
    client.force_login(admin_user)

    response = client.get(reverse("quizzes:study_class_progress", args=[classroom.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("who", ["other_teacher", "student"])
def test_others_cannot_see_a_class_study_page(client, classroom, student, who):
    client.force_login(TeacherFactory() if who == "other_teacher" else student)

    response = client.get(reverse("quizzes:study_class_progress", args=[classroom.pk]))

    assert response.status_code == 404


def test_the_class_list_shows_only_the_teachers_own_classes(client, teacher, classroom):
    other = ClassroomFactory(name="Someone else's class")
    client.force_login(teacher)

    response = client.get(reverse("quizzes:study_class_list"))

    assert classroom.name in response.text
    assert other.name not in response.text


def test_students_have_no_class_study_list(client, student):
    client.force_login(student)

    assert client.get(reverse("quizzes:study_class_list")).status_code == 403


def test_the_class_study_page_runs_the_same_queries_for_any_class_size(
    client, teacher, lesson, django_assert_max_num_queries
):
    classroom = ClassroomFactory(teacher=teacher)
    client.force_login(teacher)
    counts = []
    for size in (2, 30):
        for enrolment in EnrolmentFactory.create_batch(size, classroom=classroom):
            state = CardStateFactory(
                student=enrolment.student, flashcard=FlashcardFactory(lesson=lesson)
            )
            StudyReviewFactory(card_state=state)
        with django_assert_max_num_queries(8) as captured:
            client.get(reverse("quizzes:study_class_progress", args=[classroom.pk]))
        counts.append(len(captured.captured_queries))

    assert counts[0] == counts[1]


def test_the_dashboard_include_says_how_many_cards_are_due_today(client, student, due_state):
    client.force_login(student)

    response = client.get(reverse("quizzes:study_due"))

    assert 'data-study-total="due_today">1</span> card due today' in response.text


def test_a_student_sees_key_point_mastery_on_the_lesson_page(client, student, lesson):
    point = lesson.key_points.get(position=1)
    FlashcardFactory(lesson=lesson, key_point=point)
    client.force_login(student)

    response = client.get(lesson.get_absolute_url())

    assert "Your mastery of this lesson" in response.text
    assert point.text in response.text
    assert reverse("quizzes:study_lesson", args=[lesson.slug]) in response.text


def test_teachers_see_study_links_but_no_mastery_on_the_lesson_page(client, teacher, lesson):
    client.force_login(teacher)

    response = client.get(lesson.get_absolute_url())

    assert reverse("quizzes:practice_question", args=[lesson.slug]) in response.text
    assert "Your mastery" not in response.text


def test_a_lesson_without_flashcards_says_so(client, student, lesson):
    client.force_login(student)

    response = client.get(reverse("quizzes:study_lesson", args=[lesson.slug]))

    assert "No flashcards yet" in response.text


def test_the_done_page_says_when_todays_new_cards_are_used_up(client, student, lesson, settings):
    settings.STUDY_NEW_CARDS_PER_DAY = 0
    FlashcardFactory(lesson=lesson)
    client.force_login(student)

    response = client.get(reverse("quizzes:study_lesson", args=[lesson.slug]))

    assert "more come tomorrow" in response.text


def test_a_rating_reports_todays_reviews_so_the_counter_moves_without_a_reload(
    client, student, lesson
):
    states = [
        CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
        for _ in range(2)
    ]
    client.force_login(student)
    page = client.get(reverse("quizzes:study_due")).content.decode()
    assert 'data-study-activity="reviewed_today">0<' in page

    for state in states:
        payload = client.post(
            RATE_URL, {"flashcard": state.flashcard.pk, "rating": 3}, **JSON
        ).json()

    assert payload["activity"]["reviewed_today"] == 2


def test_the_study_page_says_why_due_today_can_rise(client, student, lesson):
    CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    client.force_login(student)

    page = client.get(reverse("quizzes:study_due")).content.decode()

    assert "come back later today" in page

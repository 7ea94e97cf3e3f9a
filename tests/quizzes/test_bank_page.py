"""The bank page made compact: several items approved or rejected at once (by their owner
or an admin only), search and tier filters, rejected and retired items folded away, each
source sentence shown once."""

import re
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import QuestionStatus
from tests.accounts.factories import TeacherFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import FlashcardFactory, QuestionFactory, TrueFalseQuestionFactory


@pytest.fixture
def lesson(teacher):
    return LessonFactory(owner=teacher)


@pytest.fixture
def bank_url(lesson):
    return reverse("quizzes:bank_review", kwargs={"slug": lesson.slug})


def bulk(client, lesson, status, *items):
    return client.post(
        reverse("quizzes:bank_bulk_review", kwargs={"slug": lesson.slug}),
        {
            "status": status,
            "items": [f"{'q' if hasattr(i, 'prompt') else 'f'}-{i.pk}" for i in items],
        },
        follow=True,
    )


def statuses(*items) -> list[str]:
    for item in items:
        item.refresh_from_db()
    return [item.status for item in items]


def test_the_owner_approves_several_questions_and_a_flashcard_at_once(client, teacher, lesson):
    first, second, left = QuestionFactory.create_batch(3, lesson=lesson)
    card = FlashcardFactory(lesson=lesson)
    client.force_login(teacher)

    response = bulk(client, lesson, "approved", first, second, card)

    assert statuses(first, second, left, card) == ["approved", "approved", "generated", "approved"]
    assert "2 questions and 1 flashcard approved." in response.content.decode()
    assert first.updated_by == teacher


def test_bulk_reject_folds_the_rejected_away(client, teacher, lesson):
    kept, dropped = QuestionFactory.create_batch(2, lesson=lesson)
    client.force_login(teacher)

    page = bulk(client, lesson, "rejected", dropped).content.decode()

    assert statuses(dropped) == ["rejected"]
    folded = page[page.index('data-testid="rejected-questions"') :]
    assert f'id="q-{dropped.pk}"' in folded and f'id="q-{kept.pk}"' not in folded
    assert "Rejected (1)" in folded


def test_an_item_of_another_bank_or_a_made_up_one_is_refused_and_nothing_changes(
    client, teacher, lesson
):
    mine = QuestionFactory(lesson=lesson)
    elsewhere = QuestionFactory()
    client.force_login(teacher)
    url = reverse("quizzes:bank_bulk_review", kwargs={"slug": lesson.slug})

    foreign = client.post(
        url, {"status": "approved", "items": [f"q-{mine.pk}", f"q-{elsewhere.pk}"]}
    )
    made_up = client.post(url, {"status": "approved", "items": [f"q-{mine.pk}", "x-1"]})
    wrong_status = client.post(url, {"status": "edited", "items": [f"q-{mine.pk}"]})

    assert foreign.status_code == made_up.status_code == wrong_status.status_code == 400
    assert statuses(mine, elsewhere) == ["generated", "generated"]


def test_nothing_ticked_says_so(client, teacher, lesson):
    client.force_login(teacher)

    response = bulk(client, lesson, "approved")

    assert "Tick the questions or flashcards to review first." in response.content.decode()


def test_only_the_owner_or_an_admin_reviews_in_bulk(client, lesson, admin_user):
    question = QuestionFactory(lesson=lesson)
    library = LessonFactory()
    shared = QuestionFactory(lesson=library)

    client.force_login(TeacherFactory())
    refused_own = bulk(client, lesson, "rejected", question)
    refused_library = bulk(client, library, "rejected", shared)
    client.force_login(admin_user)
    bulk(client, library, "rejected", shared)

    assert refused_own.status_code == 404
    assert refused_library.status_code == 403
    assert statuses(question, shared) == ["generated", "rejected"]


def test_a_library_lesson_shows_no_bulk_review_to_other_teachers(client, db):
    library = LessonFactory()
    QuestionFactory(lesson=library)
    client.force_login(TeacherFactory())

    page = client.get(reverse("quizzes:bank_review", kwargs={"slug": library.slug})).content
    assert b"bank-bulk" not in page and b"Approve selected" not in page


def test_search_finds_words_in_the_prompt_answer_or_source(client, teacher, lesson, bank_url):
    options = ["Metternich", "Castlereagh", "Hardenberg", "Nesselrode"]
    by_prompt = QuestionFactory(lesson=lesson, prompt="Which city hosted it?", choices=options)
    by_answer = QuestionFactory(
        lesson=lesson,
        prompt="Who spoke for France?",
        choices=[*options[1:], "Talleyrand"],
        answer="Talleyrand",
    )
    QuestionFactory(lesson=lesson, prompt="Who chaired it?", choices=options)
    client.force_login(teacher)

    city = client.get(bank_url, {"search": "CITY"}).context["page"].questions
    talleyrand = client.get(bank_url, {"search": "talleyrand"}).context["page"].questions

    assert city == [by_prompt]
    assert talleyrand == [by_answer]


def test_the_tier_filter_and_ready_items_first(client, teacher, lesson, bank_url):
    review = QuestionFactory(lesson=lesson, ready=False, confidence=0.3)
    ready = QuestionFactory(lesson=lesson, ready=True, confidence=0.9)
    approved = QuestionFactory(lesson=lesson, ready=False, status=QuestionStatus.APPROVED)
    client.force_login(teacher)

    assert client.get(bank_url).context["page"].questions[0] == ready
    assert client.get(bank_url, {"tier": "review"}).context["page"].questions == [review]
    assert client.get(bank_url, {"tier": "approved"}).context["page"].questions == [approved]


def test_retired_items_are_listed_folded_and_not_reviewable(client, teacher, lesson, bank_url):
    retired = QuestionFactory(lesson=lesson, prompt="An old question", retired_at=timezone.now())
    client.force_login(teacher)

    page = client.get(bank_url).content.decode()

    folded = page[page.index('data-testid="retired-questions"') :]
    assert "Retired (1)" in folded and "An old question" in folded
    assert f"pick-q-{retired.pk}" not in page


def test_a_statement_that_is_its_source_and_its_explanation_is_shown_once(
    client, teacher, lesson, bank_url
):
    sentence = lesson.sentences.order_by("position").first()
    TrueFalseQuestionFactory(
        lesson=lesson, prompt=sentence.text, source_sentence=sentence, explanation=sentence.text
    )
    client.force_login(teacher)

    page = client.get(bank_url).content.decode()

    shown = re.sub(r"<textarea.*?</textarea>", "", page, flags=re.S)  # the editor's boxes
    assert shown.count(escape(sentence.text)) == 1
    assert "Explanation:" not in shown
    assert "this sentence in the lesson" in shown

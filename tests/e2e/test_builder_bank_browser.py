"""The quiz builder and the bank page in a real browser: filters, a live count and "select
all ready" in the builder, with a warning when two picked questions give each other away
and the errors summed up at the top; on the bank page, one line per item until opened,
search, several items approved or rejected at once, rejected items folded away.

Set SCREENSHOT_DIR to keep a picture of each step."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from lessons.services import lesson_import_file
from quizzes.models import Question, QuestionStatus, Quiz
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    FillBlankQuestionFactory,
    QuestionFactory,
    TrueFalseQuestionFactory,
)

SHOTS = os.environ.get("SCREENSHOT_DIR")


def shot(page, name: str, full_page: bool = True) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=full_page)


def spread(lesson):
    """The lesson's sentences, one for each question, so none shares its source."""
    return iter(list(lesson.sentences.order_by("position")))


@pytest.fixture
def two_banks(teacher):
    """Two of the teacher's lessons: ready, approved and needs-review questions of three
    kinds, each from its own sentence, and a rejected one."""
    vienna = LessonFactory(owner=teacher, title="The Congress of Vienna")
    waterloo = LessonFactory(owner=teacher, title="Waterloo")
    made = {}
    for lesson in (vienna, waterloo):
        sentences = spread(lesson)
        made[lesson.pk] = [
            QuestionFactory(
                lesson=lesson,
                prompt=f"Who chaired the talks? ({lesson.title})",
                source_sentence=next(sentences),
            ),
            TrueFalseQuestionFactory(
                lesson=lesson,
                prompt=f"Talleyrand spoke for France. ({lesson.title})",
                source_sentence=next(sentences),
                status=QuestionStatus.APPROVED,
                ready=False,
            ),
            FillBlankQuestionFactory(
                lesson=lesson,
                prompt=f"The delegates met in _____. ({lesson.title})",
                answer="Vienna",
                source_sentence=next(sentences),
                ready=False,
                confidence=0.4,
            ),
            QuestionFactory(
                lesson=lesson,
                prompt=f"A rejected question ({lesson.title})",
                source_sentence=next(sentences),
                status=QuestionStatus.REJECTED,
            ),
        ]
    return vienna, waterloo, made


def builder_url(*lessons) -> str:
    return reverse("quizzes:quiz_new") + "?" + "&".join(f"lessons={x.pk}" for x in lessons)


def test_the_builder_filters_counts_and_selects_all_ready(page, login, teacher, two_banks):
    vienna, waterloo, _ = two_banks
    login(teacher)

    page.goto(builder_url(vienna, waterloo))

    picker = page.get_by_test_id("question-picker")
    expect(page.locator("input[type=checkbox][name=lessons]")).to_have_count(0)
    expect(picker.get_by_role("group", name=re.compile("The Congress of Vienna"))).to_be_visible()
    expect(picker.get_by_role("group", name=re.compile("Waterloo"))).to_be_visible()
    expect(picker.locator("[data-question-row]")).to_have_count(6)  # rejected not offered
    count = page.get_by_test_id("picked-count")
    expect(count).to_have_text(re.compile(r"^0 of 6 picked"))

    page.get_by_label("Kind").select_option(label="True or false")
    expect(picker.locator("[data-question-row]:visible")).to_have_count(2)
    page.get_by_label("Kind").select_option("")
    page.get_by_label("Search").fill("delegates")
    expect(picker.locator("[data-question-row]:visible")).to_have_count(2)
    page.get_by_label("Search").fill("")
    page.get_by_label("Tier").select_option(label="Needs review")
    expect(picker.locator("[data-question-row]:visible")).to_have_count(2)
    page.get_by_label("Tier").select_option("")
    shot(page, "20-builder-filtered")

    page.get_by_role("button", name="Select all ready").click()
    expect(count).to_have_text(re.compile(r"^4 of 6 picked"))
    review = picker.locator("[data-question-row][data-tier=review] input[type=checkbox]")
    for index in range(review.count()):
        expect(review.nth(index)).not_to_be_checked()

    page.get_by_label("Title").fill("Vienna and Waterloo")
    page.get_by_label("Time limit (minutes)").fill("-5")
    page.get_by_role("button", name="Create quiz").click()

    summary = page.get_by_test_id("error-summary")
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("Time limit")
    shot(page, "21-builder-error-summary")
    expect(page.get_by_test_id("picked-count")).to_have_text(re.compile(r"^4 of 6 picked"))
    summary.get_by_role("link", name=re.compile("Time limit")).click()
    expect(page.get_by_label("Time limit (minutes)")).to_be_focused()
    page.get_by_label("Time limit (minutes)").fill("20")
    page.get_by_role("button", name="Create quiz").click()

    expect(page.get_by_text("Quiz “Vienna and Waterloo” created.")).to_be_visible()
    assert Quiz.objects.get().quiz_questions.count() == 4


def test_the_builder_warns_when_picked_questions_give_each_other_away(page, login, teacher):
    lesson = LessonFactory(owner=teacher)
    sentence = lesson.sentences.order_by("position").first()
    first = QuestionFactory(
        lesson=lesson, prompt="Who chaired the talks?", source_sentence=sentence
    )
    second = FillBlankQuestionFactory(
        lesson=lesson, prompt="_____ chaired the talks.", source_sentence=sentence
    )
    login(teacher)

    page.goto(builder_url(lesson))
    warnings = page.get_by_test_id("giveaway-warnings")
    expect(warnings).to_be_hidden()
    page.locator(f"#pick-{first.pk}").check()
    page.locator(f"#pick-{second.pk}").check()

    expect(warnings).to_be_visible()
    expect(warnings).to_contain_text("both come from the same sentence")
    expect(warnings).to_contain_text("Who chaired the talks?")
    shot(page, "22-builder-giveaway")
    page.locator(f"#pick-{second.pk}").uncheck()
    expect(warnings).to_be_hidden()


def test_the_teacher_approves_and_rejects_several_questions_at_once(page, login, teacher):
    lesson = LessonFactory(owner=teacher)
    sentences = spread(lesson)
    questions = [
        QuestionFactory(
            lesson=lesson, prompt=f"Question number {n}", source_sentence=next(sentences)
        )
        for n in range(1, 5)
    ]
    login(teacher)

    page.goto(reverse("quizzes:bank_review", kwargs={"slug": lesson.slug}))
    for question in questions[:3]:
        page.locator(f"#pick-q-{question.pk}").check()
    expect(page.get_by_test_id("bulk-count")).to_have_text("3 selected")
    page.get_by_role("button", name="Approve selected").click()

    expect(page.get_by_text("3 questions approved.")).to_be_visible()
    assert [
        q.status for q in Question.objects.filter(pk__in=[q.pk for q in questions]).order_by("pk")
    ] == ["approved", "approved", "approved", "generated"]
    page.locator(f"#pick-q-{questions[3].pk}").check()
    page.get_by_role("button", name="Reject selected").click()

    expect(page.get_by_text("1 question rejected.")).to_be_visible()
    rejected = page.get_by_test_id("rejected-questions")
    expect(rejected.locator(f"#q-{questions[3].pk}")).to_be_hidden()
    rejected.get_by_text(re.compile(r"Rejected \(1\)")).click()
    expect(rejected.locator(f"#q-{questions[3].pk}")).to_be_visible()
    shot(page, "23-bank-bulk")


def test_the_bank_page_is_one_line_per_item_until_opened_and_searchable(
    page, login, admin_user, db
):
    lesson = lesson_import_file(path=settings.LESSON_FIXTURES_DIR / "battle-of-marathon.txt").lesson
    questions = Question.objects.in_bank().filter(lesson=lesson).count()
    login(admin_user)

    page.goto(reverse("quizzes:bank_review", kwargs={"slug": lesson.slug}))
    height = page.evaluate("document.documentElement.scrollHeight")
    shot(page, "24-bank-compact")
    page.set_viewport_size({"width": 375, "height": 740})
    phone_height = page.evaluate("document.documentElement.scrollHeight")
    page.locator("#questions-heading").scroll_into_view_if_needed()
    shot(page, "25-bank-compact-phone", full_page=False)
    print(f"bank page for {questions} questions: {height} px at 1280, {phone_height} px at 375")
    page.set_viewport_size({"width": 1280, "height": 900})
    first = page.locator("[data-bank-item]").first
    expect(first.locator(".bank-item-body")).to_be_hidden()
    first.locator("summary").first.click()
    expect(first.locator(".bank-item-body")).to_be_visible()
    first.scroll_into_view_if_needed()
    shot(page, "24b-bank-item-open", full_page=False)

    assert height < 70 * questions + 2500
    assert phone_height < 90 * questions + 4000
    page.get_by_label("Search the bank").fill("Miltiades")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("[data-bank-item]")
    expect(rows.first).to_be_visible()
    for index in range(rows.count()):
        expect(rows.nth(index)).to_contain_text("Miltiades")

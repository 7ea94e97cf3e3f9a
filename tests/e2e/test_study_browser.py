from playwright.sync_api import expect

from quizzes.models import StudyReview
from tests.accounts.factories import DEFAULT_PASSWORD, StudentFactory
from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import (
    AssignmentFactory,
    CardStateFactory,
    EnrolmentFactory,
    FlashcardFactory,
    QuestionFactory,
)


def log_in(page, user) -> None:
    """Log in through the form in a browser context the `login` fixture does not drive."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_a_student_studies_five_cards_by_keyboard_and_the_due_count_falls(page, login, db):
    student = StudentFactory()
    enrolment = EnrolmentFactory(student=student)
    lesson = LessonFactory()
    AssignmentFactory(classroom=enrolment.classroom, lesson=lesson, quiz=None)
    for _ in range(5):
        CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    login(student)

    page.goto("/study/")
    due_badge = page.locator("[data-study-count='due_today']")
    dashboard_due = page.locator(".dashboard-study [data-study-total='due_today']")
    expect(due_badge).to_have_text("5")
    expect(dashboard_due).to_have_text("5")
    for remaining in (4, 3, 2, 1, 0):
        front = page.locator("#study-card .study-front").inner_text()
        page.keyboard.press("Space")
        expect(page.locator("#study-back")).to_be_visible()
        expect(page.locator("#study-status")).to_contain_text("Answer:")
        page.keyboard.press("3")
        expect(due_badge).to_have_text(str(remaining))
        expect(dashboard_due).to_have_text(str(remaining))
        if remaining:
            expect(page.locator("#study-card .study-front")).not_to_have_text(front)

    expect(page.get_by_role("heading", name="All done for now")).to_be_visible()
    page.reload()
    expect(due_badge).to_have_text("0")
    expect(dashboard_due).to_have_text("0")
    assert StudyReview.objects.filter(card_state__student=student, rating=3).count() == 5
    assert errors == []


def test_the_study_page_reflows_on_a_phone_with_big_rating_buttons(browser, live_server, db):
    student = StudentFactory()
    CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=LessonFactory()))
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, has_touch=True
    )
    page = context.new_page()
    log_in(page, student)

    page.goto("/study/")
    page.get_by_role("link", name="Show answer").tap()
    good = page.get_by_role("button", name="Good")

    box = good.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_studying_works_without_javascript(browser, live_server, db):
    student = StudentFactory()
    state = CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=LessonFactory()))
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page, student)

    page.goto("/study/")
    expect(page.get_by_text(state.flashcard.back)).to_be_hidden()
    page.get_by_role("link", name="Show answer").click()
    expect(page.get_by_text(state.flashcard.back)).to_be_visible()
    page.get_by_role("button", name="Easy").click()

    expect(page.get_by_role("heading", name="All done for now")).to_be_visible()
    assert StudyReview.objects.filter(card_state=state, rating=4).exists()
    context.close()


def test_a_wrong_practice_answer_comes_back_as_a_due_card(page, login, db):
    student = StudentFactory()
    lesson = LessonFactory()
    QuestionFactory(lesson=lesson)
    card = FlashcardFactory(lesson=lesson)
    login(student)

    page.goto(f"/lessons/{lesson.slug}/practice/")
    page.get_by_label("Talleyrand").check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("status")).to_contain_text("Not quite.")
    expect(page.get_by_text("Metternich").last).to_be_visible()

    page.goto("/study/")
    expect(page.locator("[data-study-count='due_now']")).to_have_text("1")
    expect(page.locator("#study-card .study-front")).to_have_text(card.front)

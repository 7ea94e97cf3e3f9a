from django.urls import reverse
from playwright.sync_api import expect

from tests.lessons.factories import LessonFactory
from tests.quizzes.factories import QuestionFactory


def test_teacher_rejects_a_question_and_sees_its_status_change(page, login, teacher):
    lesson = LessonFactory(owner=teacher)
    question = QuestionFactory(lesson=lesson, prompt="Who chaired the Congress of Vienna?")
    login(teacher)

    page.goto(reverse("quizzes:bank_review", kwargs={"slug": lesson.slug}))
    card = page.locator(f"#q-{question.pk}")
    expect(card.locator(".bank-status")).to_have_text("Ready")
    card.locator("summary").first.click()
    card.get_by_role("button", name="Reject").click()

    card = page.locator(f"#q-{question.pk}")
    expect(card.locator(".bank-status")).to_have_text("Rejected")
    expect(card.get_by_role("button", name="Reject")).to_have_count(0)
    expect(card.get_by_role("button", name="Approve")).to_be_visible()
    expect(page.locator('[data-count="question-rejected"]')).to_have_text("1")

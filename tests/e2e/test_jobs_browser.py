from playwright.sync_api import expect

from quizzes.jobs import roster_job_start
from tests.quizzes.factories import ClassroomFactory


def test_the_job_page_shows_the_result_without_a_reload(page, login, db, run_tasks):
    classroom = ClassroomFactory()
    job = roster_job_start(classroom=classroom, teacher=classroom.teacher, text="Sara Ahmed")
    login(classroom.teacher)
    page.goto(f"/jobs/{job.pk}/")
    expect(page.get_by_text("Waiting for a worker")).to_be_visible()
    page.evaluate("window.notReloaded = true")

    run_tasks()

    expect(page.get_by_text("1 account created")).to_be_visible()
    expect(page.locator(".password-slip .font-monospace").first).to_have_text("sara.ahmed")
    assert page.evaluate("window.notReloaded") is True

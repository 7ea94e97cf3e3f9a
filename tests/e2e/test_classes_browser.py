import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quizzes.models import Classroom
from tests.accounts.factories import StudentFactory, TeacherFactory
from tests.e2e.conftest import sign_in
from tests.quizzes.factories import AssignmentFactory, QuizFactory, SubmittedAttemptFactory


@pytest.fixture
def student_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, user):
    sign_in(page, user)


def test_teacher_makes_a_class_a_student_joins_and_the_gradebook_shows_their_score(
    page, login, student_page, db
):
    teacher = TeacherFactory()
    student = StudentFactory(first_name="Sara", last_name="Ahmed")
    login(teacher)

    page.goto("/classes/")
    page.get_by_label("Class name").fill("Year 9 History")
    page.get_by_role("button", name="Create class").click()
    code = page.get_by_test_id("join-code").inner_text().strip()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Year 9 History")

    log_in(student_page, student)
    student_page.goto("/classes/join/")
    student_page.get_by_label("Class code").fill(code.lower())
    student_page.get_by_role("button", name="Join").click()
    expect(student_page.get_by_text("You joined Year 9 History.")).to_be_visible()
    expect(student_page.locator(".classroom-names")).to_contain_text("Year 9 History")

    classroom = Classroom.objects.get(name="Year 9 History")
    assignment = AssignmentFactory(
        classroom=classroom, quiz=QuizFactory(owner=teacher, title="Vienna check")
    )
    SubmittedAttemptFactory(assignment=assignment, student=student, score=4, max_score=5)

    page.get_by_role("link", name="Gradebook").click()
    row = page.get_by_role("row").filter(has_text="Sara Ahmed")
    expect(row.get_by_test_id("grade-cell")).to_have_text("80%")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows[0][3].startswith("Vienna check")
    assert rows[1][0] == "Sara Ahmed"
    assert rows[1][3] == "80.0"

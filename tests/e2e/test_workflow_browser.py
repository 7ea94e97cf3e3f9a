"""The teacher's and the student's day, in a real browser: an assignment's due date moved
and extended for one student, a student invited who accepts, then removed and the removal
undone, a timed quiz on a phone with the time left always in view.

Set SCREENSHOT_DIR to keep a picture of each step."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import AssignmentChange, Enrolment
from tests.accounts.factories import StudentFactory
from tests.e2e.conftest import sign_in
from tests.quizzes.attempt_setup import assigned_quiz, enrol
from tests.quizzes.factories import (
    AssignmentFactory,
    ClassroomFactory,
    EnrolmentFactory,
    QuizFactory,
)

SHOTS = os.environ.get("SCREENSHOT_DIR")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def test_teacher_moves_a_due_date_and_gives_one_student_more_time(page, login, phone, db):
    classroom = ClassroomFactory(name="Year 9 History")
    quiz = QuizFactory(owner=classroom.teacher, title="Marathon check")
    assignment = AssignmentFactory(
        classroom=classroom, quiz=quiz, due_at=timezone.now() + timedelta(days=1)
    )
    sara = EnrolmentFactory(
        classroom=classroom, student=StudentFactory(first_name="Sara", last_name="Ahmed")
    ).student
    EnrolmentFactory(
        classroom=classroom, student=StudentFactory(first_name="Ben", last_name="Okafor")
    )
    login(classroom.teacher)

    page.goto(f"/classes/{classroom.pk}/")
    expect(page.get_by_test_id("class-assignment")).to_contain_text("due tomorrow")
    shot(page, "1-class-page")
    page.get_by_role("link", name="Change or remove Marathon check").click()
    later = timezone.localtime() + timedelta(days=3)
    page.get_by_label("Due for the class").fill(later.strftime("%Y-%m-%dT09:00"))
    page.get_by_role("button", name="Save due date").click()
    expect(page.get_by_text("Due date of “Marathon check” saved")).to_be_visible()
    page.locator("#extend_student").select_option(label=str(sara))
    page.get_by_label("New due date for this student").fill(
        (later + timedelta(days=2)).strftime("%Y-%m-%dT09:00")
    )
    page.get_by_role("button", name="Give more time").click()
    expect(page.get_by_test_id("extensions")).to_contain_text("Sara Ahmed")
    history = page.get_by_test_id("assignment-history")
    expect(history).to_contain_text("Extended for one student for Sara Ahmed")
    expect(history).to_contain_text("Due date changed")
    shot(page, "2-assignment-edit")

    page.get_by_role("link", name="Remove…").click()
    shot(page, "3-assignment-remove-confirm")
    page.get_by_role("link", name="No, keep it").click()
    assert {change.action for change in AssignmentChange.objects.filter(assignment=assignment)} == {
        "due_changed",
        "extended",
    }

    sign_in(phone, sara)
    phone.goto("/dashboard/")
    expect(phone.get_by_test_id("dashboard-assignment")).to_contain_text("More time given")
    shot(phone, "4-student-dashboard-extension")


def test_teacher_invites_a_student_who_accepts_then_removes_them_and_undoes_it(
    page, login, phone, db
):
    classroom = ClassroomFactory(name="Year 9 History")
    student = StudentFactory(first_name="Sara", last_name="Ahmed", email="sara@example.org")
    login(classroom.teacher)

    page.goto(f"/classes/{classroom.pk}/")
    page.get_by_text("Invite students who already have an account").click()
    page.get_by_label("Usernames or e-mail addresses").fill("SARA@example.org\nnobody@example.org")
    page.get_by_role("button", name="Send invitations").click()
    expect(page.get_by_text("Invitations sent; students with an account")).to_be_visible()
    pending = page.get_by_test_id("pending-invitations")
    expect(pending.get_by_role("listitem")).to_have_count(2)
    assert not Enrolment.objects.filter(student=student).exists()
    shot(page, "5-roster-invitations-pending")

    sign_in(phone, student)
    phone.goto("/dashboard/")
    invitation = phone.get_by_test_id("class-invitations")
    expect(invitation).to_contain_text("invited you to join Year 9 History")
    shot(phone, "5b-student-invitation-phone")
    invitation.get_by_role("button", name="Accept: join Year 9 History").click()
    expect(phone.get_by_text("You joined Year 9 History.")).to_be_visible()
    expect(phone.locator(".classroom-names")).to_contain_text("Year 9 History")

    page.reload()
    expect(page.get_by_test_id("pending-invitations").get_by_role("listitem")).to_have_count(1)
    page.get_by_role("link", name="Remove Sara Ahmed").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Remove Sara Ahmed")
    shot(page, "6-roster-remove-confirm")
    page.get_by_role("button", name=re.compile("Yes, remove")).click()
    undo = page.get_by_test_id("undo-remove")
    expect(undo).to_contain_text("Sara Ahmed removed")
    shot(page, "7-roster-undo")
    undo.get_by_role("button", name="Undo").click()

    expect(page.get_by_text("Sara Ahmed is back in the class.")).to_be_visible()
    assert Enrolment.objects.get(classroom=classroom, student=student).removed_at is None
    link = page.get_by_test_id("join-link")
    expect(link).to_have_value(re.compile(r"/classes/join/\?code=" + classroom.join_code + "$"))
    expect(page.get_by_test_id("join-qr")).to_be_visible()


def test_a_timed_quiz_on_a_phone_keeps_the_time_left_in_view(phone, db):
    assignment = assigned_quiz(question_count=12, time_limit_minutes=20, shuffle_questions=False)
    student = enrol(assignment)
    sign_in(phone, student)

    phone.goto(f"/assignments/{assignment.pk}/start/")
    phone.get_by_role("button", name=re.compile("Start attempt")).click()
    phone.wait_for_url(re.compile(r"/attempts/\d+/$"))
    tenth = phone.locator("[data-question-id]").nth(9)
    tenth.scroll_into_view_if_needed()
    tenth.locator("input").first.check()

    expect(phone.get_by_test_id("countdown")).to_be_in_viewport()
    box = phone.get_by_test_id("countdown").bounding_box()
    assert box is not None and 0 <= box["y"] < 5, box
    shot(phone, "8-timed-quiz-phone")
    phone.screenshot(
        path=str(Path(SHOTS or "/tmp") / "8b-timed-quiz-viewport.png")
    ) if SHOTS else None

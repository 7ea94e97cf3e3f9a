"""axe-core on the pages students and teachers use most: no serious or critical violation.
And a quiz taken from start to review with the keyboard alone.

axe-core comes from the npm registry into .cache/axe (`make test` and .ci/run install it);
its source is evaluated in the page, since the Content-Security-Policy forbids inline
script tags.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import Attempt, QuestionStatus
from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
from quizzes.services.enrolments import classroom_invite_students
from tests.quizzes.attempt_setup import EVERY_KIND, assigned_quiz, enrol
from tests.quizzes.factories import (
    CardStateFactory,
    ClassroomFactory,
    FlashcardFactory,
    QuestionFactory,
)

AXE = Path(
    os.environ.get(
        "AXE_CORE_PATH", settings.BASE_DIR / ".cache/axe/node_modules/axe-core/axe.min.js"
    )
)
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3)
      .map(n => n.target.join(" ")).join(", ")}`);
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing; .ci/run installs axe-core from npm")
        pytest.skip("axe-core is not installed (npm install --prefix .cache/axe axe-core@4)")
    return AXE.read_text()


@pytest.fixture
def audit(page, axe_source):
    """Open a path and return axe's serious and critical violations there."""

    def run(path: str) -> list[str]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.evaluate(axe_source)
        return page.evaluate(RUN_AXE)

    return run


@pytest.fixture
def quiz_world(db):
    """A class with a quiz of every kind and an invitation pending, a student with a graded
    attempt and an open one, an invitation to another class and a flashcard due for study."""
    assignment = assigned_quiz(factories=EVERY_KIND, attempts_allowed=0)
    student = enrol(assignment)
    graded = attempt_start(assignment=assignment, student=student)
    attempt_save_answer(attempt=graded, question_id=graded.question_ids[0], given="Metternich")
    attempt_submit(attempt=graded)
    open_attempt = attempt_start(assignment=assignment, student=student)
    lesson = assignment.quiz.lessons.get()
    CardStateFactory(student=student, flashcard=FlashcardFactory(lesson=lesson))
    teacher = assignment.classroom.teacher
    classroom_invite_students(classroom=assignment.classroom, text="ben@example.org", by=teacher)
    other = ClassroomFactory(teacher=teacher)
    classroom_invite_students(classroom=other, text=student.username, by=teacher)
    return assignment, student, graded, open_attempt


def test_the_lesson_page_has_no_serious_violations(audit, quiz_world, login):
    assignment, student, *_ = quiz_world
    login(student)

    assert audit(assignment.quiz.lessons.get().get_absolute_url()) == []


def test_the_quiz_page_has_no_serious_violations(audit, quiz_world, login):
    *_, student, _, open_attempt = quiz_world
    login(student)

    assert audit(f"/attempts/{open_attempt.pk}/") == []


def test_the_review_page_has_no_serious_violations(audit, quiz_world, login):
    _, student, graded, _ = quiz_world
    login(student)

    assert audit(f"/attempts/{graded.pk}/review/") == []


def test_the_flashcard_page_has_no_serious_violations(audit, quiz_world, login):
    _, student, *_ = quiz_world
    login(student)

    assert audit("/study/") == []


def test_the_students_dashboard_has_no_serious_violations(audit, quiz_world, login):
    _, student, *_ = quiz_world
    login(student)

    assert audit("/dashboard/") == []


def test_the_gradebook_has_no_serious_violations(audit, quiz_world, login):
    assignment, *_ = quiz_world
    login(assignment.classroom.teacher)

    assert audit(f"/classes/{assignment.classroom_id}/gradebook/") == []


def tab_to(page, pattern: str, limit: int = 80) -> None:
    """Press Tab until the focused element's accessible text matches the pattern."""
    wanted = re.compile(pattern)
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement;
                return [e.getAttribute('aria-label'), e.labels && e.labels[0] &&
                        e.labels[0].innerText, e.innerText, e.value].filter(Boolean).join(' | '); }"""
        )
        if wanted.search(focused or ""):
            return
    raise AssertionError(f"Tab never reached {pattern!r}")


def test_a_quiz_is_taken_and_submitted_with_the_keyboard_alone(page, login, db):
    assignment = assigned_quiz(
        factories=EVERY_KIND[:4], shuffle_questions=False, shuffle_options=False
    )
    login(enrol(assignment))
    page.goto(f"/assignments/{assignment.pk}/start/")

    tab_to(page, "Start attempt")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    tab_to(page, "^Metternich")
    page.keyboard.press("Space")
    tab_to(page, "^True")
    page.keyboard.press("Space")
    tab_to(page, "Your answer")
    page.keyboard.type("1815")
    tab_to(page, "Your answer")
    page.keyboard.type("Talleyrand")
    tab_to(page, "Finish and submit")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/submit/$"))
    tab_to(page, "Submit my answers")
    page.keyboard.press("Enter")

    expect(page.locator(".attempt-score")).to_contain_text("4 / 4")
    assert Attempt.objects.get().score == 4.0


def test_the_class_page_has_no_serious_violations(audit, quiz_world, login):
    assignment, *_ = quiz_world
    login(assignment.classroom.teacher)

    assert audit(f"/classes/{assignment.classroom_id}/") == []


def test_the_statistics_page_has_no_serious_violations(audit, quiz_world, login):
    assignment, *_ = quiz_world
    login(assignment.classroom.teacher)

    assert (
        audit(f"/classes/{assignment.classroom_id}/assignments/{assignment.pk}/statistics/") == []
    )


def test_the_assignment_page_has_no_serious_violations(audit, quiz_world, login):
    assignment, *_ = quiz_world
    login(assignment.classroom.teacher)

    assert audit(f"/classes/{assignment.classroom_id}/assignments/{assignment.pk}/") == []


def test_an_error_page_has_no_serious_violations(audit, quiz_world, login):
    _, student, *_ = quiz_world
    login(student)

    assert audit("/classes/") == []


def test_the_lessons_list_has_no_serious_violations(audit, db):
    assert audit("/lessons/?sort=event") == []


@pytest.fixture
def bank_world(quiz_world):
    """The quiz world's lesson, owned by its teacher, with a rejected and a retired
    question besides its bank of every kind."""
    assignment, *_ = quiz_world
    lesson = assignment.quiz.lessons.get()
    lesson.owner = assignment.classroom.teacher
    lesson.save(update_fields=["owner"])
    QuestionFactory(lesson=lesson, status=QuestionStatus.REJECTED, prompt="A rejected one")
    QuestionFactory(lesson=lesson, retired_at=timezone.now(), prompt="A retired one")
    return assignment, lesson


def test_the_bank_page_has_no_serious_violations(audit, page, bank_world, login):
    assignment, lesson = bank_world
    login(assignment.classroom.teacher)

    found = audit(f"/lessons/{lesson.slug}/bank/")
    page.locator("[data-bank-item] summary").first.click()
    page.locator("[data-testid=rejected-questions] > summary").click()
    found += page.evaluate(RUN_AXE)

    assert found == []


def test_the_quiz_builder_has_no_serious_violations(audit, axe_source, page, bank_world, login):
    assignment, lesson = bank_world
    login(assignment.classroom.teacher)

    found = audit(f"/quizzes/{assignment.quiz_id}/edit/")
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save quiz").click()
    page.get_by_test_id("error-summary").wait_for()
    page.evaluate(axe_source)
    found += page.evaluate(RUN_AXE)

    assert found == []

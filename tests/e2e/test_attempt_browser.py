import re

from playwright.sync_api import expect

from quizzes.models import Attempt
from tests.quizzes.attempt_setup import EVERY_KIND, assigned_quiz, enrol


def _answer_mc(page, question):
    page.locator(f"#q-{question.pk} input[value='{question.answer}']").check()


def test_student_answers_half_reloads_finishes_and_sees_the_review(page, login, db):
    assignment = assigned_quiz(factories=EVERY_KIND[:4], shuffle_questions=False)
    student = enrol(assignment)
    multiple_choice, true_false, fill_blank, short_answer = (
        qq.question for qq in assignment.quiz.quiz_questions.order_by("position")
    )
    login(student)

    page.goto(f"/assignments/{assignment.pk}/start/")
    page.get_by_role("button", name=re.compile("Start attempt")).click()
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    _answer_mc(page, multiple_choice)
    page.locator(f"#q{true_false.pk}-false").check()
    expect(page.locator("#save-status")).to_have_text("Saved")
    expect(page.locator("[data-answered]")).to_have_text("2")

    page.reload()

    expect(page.locator(f"#q-{multiple_choice.pk} input[value='Metternich']")).to_be_checked()
    expect(page.locator(f"#q{true_false.pk}-false")).to_be_checked()
    page.get_by_label("Your answer").first.fill("1815")
    page.get_by_label("Your answer").last.fill("Talleyrand")
    page.get_by_label("Your answer").last.blur()
    expect(page.locator("[data-answered]")).to_have_text("4")
    page.get_by_role("button", name="Finish and submit…").click()
    expect(page.get_by_text("You answered 4 of 4")).to_be_visible()
    page.get_by_role("button", name="Submit my answers").click()

    expect(page.locator(".attempt-score")).to_contain_text("3 / 4")
    expect(page.locator(".review-item")).to_have_count(4)
    expect(page.locator(".right-answer").first).to_have_text("Metternich")
    assert Attempt.objects.get().score == 3.0


def test_ordering_moves_with_buttons_and_is_saved(page, login, db):
    assignment = assigned_quiz(factories=EVERY_KIND[-1:], shuffle_options=False)
    student = enrol(assignment)
    login(student)
    page.goto(f"/assignments/{assignment.pk}/start/")
    page.get_by_role("button", name=re.compile("Start attempt")).click()

    page.get_by_role("button", name="Move Waterloo down").click()

    expect(page.locator("#save-status")).to_have_text("Saved")
    answer = Attempt.objects.get().answers.get()
    assert answer.given == [
        "Congress opens",
        "Waterloo",
        "Final Act signed",
        "Napoleon exiled to Elba",
    ]


def _open_attempt(page, login, **settings):
    assignment = assigned_quiz(question_count=2, shuffle_questions=False, **settings)
    login(enrol(assignment))
    page.goto(f"/assignments/{assignment.pk}/start/")
    page.get_by_role("button", name=re.compile("Start attempt")).click()
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    return Attempt.objects.get()


def test_answers_given_offline_are_sent_when_the_connection_returns(page, login, db):
    attempt = _open_attempt(page, login)
    first = attempt.question_ids[0]

    page.context.set_offline(True)
    page.locator(f"#q-{first} input[value='Metternich']").check()
    expect(page.locator("#save-status")).to_contain_text("Not saved yet, retrying")
    page.context.set_offline(False)

    expect(page.locator("#save-status")).to_have_text("Saved", timeout=15_000)
    assert attempt.answers.get(question_id=first).given == "Metternich"


def test_answer_after_submission_shows_why_it_was_not_saved(page, login, db):
    from quizzes.services.attempts import attempt_submit

    attempt = _open_attempt(page, login)
    attempt_submit(attempt=attempt)

    page.locator(f"#q-{attempt.question_ids[0]} input[value='Metternich']").check()

    expect(page.locator("#attempt-closed")).to_contain_text("already submitted")
    assert not attempt.answers.filter(given="Metternich").exists()


def test_quiz_works_without_javascript(browser, live_server, db):
    from tests.accounts.factories import DEFAULT_PASSWORD

    assignment = assigned_quiz(
        factories=[EVERY_KIND[0], EVERY_KIND[4], EVERY_KIND[5]],
        shuffle_questions=False,
        one_question_per_page=True,
    )
    student = enrol(assignment)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"/assignments/{assignment.pk}/start/")
    page.get_by_role("button", name=re.compile("Start attempt")).click()
    page.get_by_label("Metternich").check()
    page.get_by_role("button", name="Next question").click()
    page.get_by_label("Austria").check()
    page.get_by_label("Prussia").check()
    page.get_by_role("button", name="Next question").click()
    page.get_by_label("Metternich").select_option("Austria")
    page.get_by_label("Castlereagh").select_option("Britain")
    page.get_by_label("Talleyrand").select_option("France")
    page.get_by_role("button", name="Finish and submit…").click()
    page.get_by_role("button", name="Submit my answers").click()

    expect(page.locator(".attempt-score")).to_contain_text("3 / 3")
    context.close()


def _two_typed_questions(page, login):
    from tests.quizzes.factories import ShortAnswerQuestionFactory

    assignment = assigned_quiz(
        factories=[ShortAnswerQuestionFactory, ShortAnswerQuestionFactory],
        shuffle_questions=False,
    )
    login(enrol(assignment))
    page.goto(f"/assignments/{assignment.pk}/start/")
    page.get_by_role("button", name=re.compile("Start attempt")).click()
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    attempt = Attempt.objects.get()
    first, second = sorted(attempt.question_ids)
    return attempt, first, second


def _queue_offline_answers(page, attempt, entries: dict) -> None:
    """Answers left in the browser by an earlier visit that never reached the server."""
    page.evaluate(
        "([key, entries]) => localStorage.setItem(key, JSON.stringify(entries))",
        [f"attempt-{attempt.pk}-unsaved", entries],
    )


def test_an_answer_the_server_refuses_is_dropped_with_a_note_and_the_rest_are_saved(
    page, login, db
):
    attempt, first, second = _two_typed_questions(page, login)
    page.evaluate(
        """([key, first, second]) => {
             const queue = {};
             queue[first] = {given: "bad \\ud800", check: false, seq: 1};
             queue[second] = {given: "Talleyrand", check: false, seq: 2};
             localStorage.setItem(key, JSON.stringify(queue));
           }""",
        [f"attempt-{attempt.pk}-unsaved", first, second],
    )

    page.reload()

    # Issue 13, fault 3: the refused answer held back the ones queued after it.
    expect(page.locator("[data-answered]")).to_have_text("1")
    expect(page.locator(f"#q-{first} [data-question-error]")).to_contain_text("not saved")
    expect(page.locator("#save-notes")).to_contain_text("1 answer could not be saved")
    assert attempt.answers.get().given == "Talleyrand"
    assert page.evaluate(f"localStorage.getItem('attempt-{attempt.pk}-unsaved')") is None


def _answer_the_first_with(page, attempt, first, second, status: int, body: str) -> None:
    """The server (or a proxy) answers the first queued answer so; the rest go through."""

    def answer(route):
        if f'"question":{first},' in (route.request.post_data or ""):
            route.fulfill(status=status, content_type="text/html", body=body)
        else:
            route.continue_()

    page.route("**/answers/", answer)
    _queue_offline_answers(
        page,
        attempt,
        {
            str(first): {"given": "Metternich", "check": False, "seq": 1},
            str(second): {"given": "Talleyrand", "check": False, "seq": 2},
        },
    )
    page.reload()


def test_a_refusal_without_a_message_is_dropped_too(page, login, db):
    attempt, first, second = _two_typed_questions(page, login)

    _answer_the_first_with(page, attempt, first, second, 413, "<h1>Too large</h1>")

    expect(page.locator("[data-answered]")).to_have_text("1")
    expect(page.locator(f"#q-{first} [data-question-error]")).to_contain_text("not saved")
    assert attempt.answers.get().given == "Talleyrand"


def test_a_server_error_keeps_that_answer_queued_without_holding_back_the_rest(page, login, db):
    attempt, first, second = _two_typed_questions(page, login)

    _answer_the_first_with(page, attempt, first, second, 502, "Bad gateway")

    expect(page.locator("[data-answered]")).to_have_text("1")
    expect(page.locator("#save-status")).to_contain_text("retrying")
    assert attempt.answers.get().given == "Talleyrand"
    queued = page.evaluate(f"JSON.parse(localStorage.getItem('attempt-{attempt.pk}-unsaved'))")
    assert list(queued) == [str(first)]

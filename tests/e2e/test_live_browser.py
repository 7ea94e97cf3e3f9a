"""A live game in real Chromium against a real ASGI server (uvicorn, WebSockets and all): the
teacher opens a three-question game from the lesson page, two students join by PIN in their
own browser contexts and answer, one phone loses its connection mid-game and comes back as
the same player, the server restarts during the last question and the game carries on, and
the podium and the saved results agree.

The server runs in its own process on a temporary SQLite file (Django's live server speaks
WSGI only, and the test database lives in this process's memory).
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility_browser import AXE, RUN_AXE

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-live-password"
ANSWERS = {"Who chaired": "Metternich", "Final Act": "True", "Which powers": ["Austria", "Prussia"]}

WORLD_SCRIPT = """
from history_quiz.accounts.models import Role, User
from quizzes.models import Classroom, Enrolment, Question
from tests.lessons.factories import LessonFactory
lesson = LessonFactory(title="The Congress of Vienna", slug="congress-of-vienna")
sentence = lesson.sentences.order_by("position").first()
common = dict(lesson=lesson, ready=True, source_sentence=sentence, source_text=sentence.text)
Question.objects.create(kind="multiple_choice", prompt="Who chaired the Congress of Vienna?",
    choices=["Metternich", "Talleyrand", "Castlereagh", "Hardenberg"], answer="Metternich", **common)
Question.objects.create(kind="true_false", prompt="The Final Act was signed in 1815.",
    choices=[], answer="true", **common)
Question.objects.create(kind="multiple_response", prompt="Which powers sent delegates?",
    choices=["Austria", "Spain", "Prussia", "Portugal"], answer=["Austria", "Prussia"], **common)
teacher = User.objects.create_user("live-teacher", password=PASSWORD, role=Role.TEACHER)
classroom = Classroom.objects.create(name="Year 9", teacher=teacher, join_code="LIVE99")
for username, first, last in (("ana", "Ana", "Lopez"), ("ben", "Ben", "Okafor")):
    student = User.objects.create_user(username, password=PASSWORD, role=Role.STUDENT,
        first_name=first, last_name=last)
    Enrolment.objects.create(classroom=classroom, student=student)
""".replace("PASSWORD", repr(PASSWORD))

RESULT_SCRIPT = """
import json
from quizzes.models import LiveAnswer, LiveGame
game = LiveGame.objects.get()
print(json.dumps({
    "phase": game.phase,
    "answers": LiveAnswer.objects.filter(game=game).count(),
    "scores": {p.nickname: p.score for p in game.players.all()},
    "right": {p.nickname: p.correct_count for p in game.players.all()},
}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AsgiServer:
    """uvicorn on a free loopback port over a SQLite file; it can be restarted mid-game."""

    def __init__(self, environment: dict) -> None:
        self.environment = environment
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=self.environment, capture_output=True, text=True, timeout=300,
            check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "uvicorn"), "history_quiz.asgi:application",
             "--host", "127.0.0.1", "--port", str(self.port), "--ws-max-size", "4096",
             "--log-level", "warning"],
            cwd=ROOT, env=self.environment,
        )  # fmt: skip
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("uvicorn did not answer")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def restart(self) -> None:
        """Stop the server (every socket drops, every timer in it goes) and start anew."""
        self.stop()
        self.start()


@pytest.fixture(scope="module")
def asgi_server(tmp_path_factory):
    """The server over a fresh SQLite file with the world made."""
    folder = tmp_path_factory.mktemp("live")
    server = AsgiServer(
        {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "history_quiz.settings_test",
            "DATABASE_URL": f"sqlite:///{folder / 'live.sqlite3'}",
            "REDIS_URL": "",
        }
    )
    server.manage("migrate", "--noinput")
    server.manage("createcachetable")  # the PIN and join counters, as make run makes it
    server.manage("shell", "-c", WORLD_SCRIPT)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def signed_in(browser, url: str, username: str, viewport=None):
    context = browser.new_context(base_url=url, viewport=viewport or {"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda address: "/accounts/login/" not in address)
    return context, page


@pytest.fixture(scope="module", name="axe")
def axe_fixture() -> str | None:
    """axe-core's source; without it (no npm here) the game is played unchecked by axe."""
    if AXE.exists():
        return AXE.read_text()
    if os.environ.get("CI"):
        pytest.fail(f"{AXE} is missing; .ci/run installs axe-core from npm")
    return None


def violations(page, source: str | None) -> list[str]:
    """axe-core's serious and critical findings on the page as it stands."""
    if source is None:
        return []
    page.evaluate(source)
    return page.evaluate(RUN_AXE)


def answer(phone, right: bool, keyboard: bool = False) -> None:
    """Tap the right (or a wrong) answer to whatever question the phone shows (or pick it
    with the keyboard alone)."""
    prompt = phone.locator("[data-prompt]")
    expect(prompt).to_be_visible()
    text = prompt.inner_text()
    key = next(value for start, value in ANSWERS.items() if start in text)
    buttons = phone.locator("[data-buttons] button")
    expect(buttons.first).to_be_enabled()
    labels = [label.strip() for label in buttons.all_inner_texts()]
    options = [re.sub(r"^[A-L]\s*", "", label) for label in labels]
    if isinstance(key, list):
        picks = key if right else [option for option in options if option not in key]
        for pick in picks:
            buttons.nth(options.index(pick)).click()
        phone.get_by_role("button", name="Send answer").click()
    else:
        expect(phone.get_by_role("button", name="Send answer")).to_be_hidden()  # a tap sends
        pick = key if right else next(option for option in options if option != key)
        if keyboard:
            buttons.nth(options.index(pick)).focus()
            phone.keyboard.press("Enter")
        else:
            buttons.nth(options.index(pick)).click()
    # "Answer in", or already the result when this was the last answer the question waited for.
    expect(
        phone.get_by_role("heading", name=re.compile(r"^(Answer in|Right!|Wrong)$"))
    ).to_be_visible()


def test_a_class_plays_a_three_question_game_and_the_results_are_saved(browser, asgi_server, axe):
    url, manage = asgi_server.url, asgi_server.manage
    host_context, host = signed_in(browser, url, "live-teacher")
    ana_context, ana = signed_in(browser, url, "ana", {"width": 390, "height": 844})
    ben_context, ben = signed_in(browser, url, "ben", {"width": 390, "height": 844})

    host.goto("/lessons/congress-of-vienna/")
    host.get_by_role("link", name="Play live").click()
    expect(host.get_by_label("Class", exact=True)).to_have_value(re.compile(r"\d+"))
    host.get_by_role("button", name="Open the game").click()
    pin = host.get_by_test_id("game-pin").inner_text().strip()
    expect(host.locator("[data-connection]")).to_have_text("Connected")
    expect(host.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    assert violations(host, axe) == []

    for phone in (ana, ben):
        phone.goto("/play/")
        phone.get_by_label("Game PIN").fill(pin)
        phone.get_by_role("button", name="Enter").click()
        expect(phone.get_by_role("heading", name="You're in!")).to_be_visible()
    expect(host.locator("[data-players]")).to_contain_text("Ana Lopez")
    expect(host.locator("[data-players]")).to_contain_text("Ben Okafor")

    host.get_by_role("button", name="Start").click()
    expect(host.locator("[data-question-number]")).to_have_text("Question 1 of 3")
    expect(ana.locator("[data-prompt]")).to_be_visible()
    assert violations(ana, axe) == []
    assert violations(host, axe) == []
    expect(host.locator("[data-answer-players]")).to_have_text("2")
    answer(ana, right=True)
    answer(ben, right=False)
    expect(host.locator("[data-bars]")).to_be_visible()  # everyone answered: the reveal
    expect(ana.locator("[data-verdict]")).to_have_text("Right!")
    expect(ben.locator("[data-verdict]")).to_have_text("Wrong")
    expect(host.locator("[data-source]")).not_to_be_empty()
    assert violations(host, axe) == []
    assert violations(ben, axe) == []

    host.get_by_role("button", name="Next question").click()
    expect(host.locator("[data-question-number]")).to_have_text("Question 2 of 3")
    answer(ana, right=True)
    # Ben's phone loses its connection, then comes back as the same player.
    ben.evaluate("window.historyQuizLive.drop()")
    expect(ben.locator("[data-connection]")).to_have_text("Connected")
    expect(ben.locator("[data-question-number]")).to_have_text("Question 2 of 3")
    ben.reload()
    expect(ben.locator("[data-connection]")).to_have_text("Connected")
    answer(ben, right=True)
    expect(ben.locator("[data-verdict]")).to_have_text("Right!")

    # The server restarts: the game picks up at the open question, from the database.
    host.get_by_role("button", name="Next question").click()
    expect(host.locator("[data-question-number]")).to_have_text("Question 3 of 3")
    expect(ana.locator("[data-prompt]")).to_be_visible()
    asgi_server.restart()
    for screen in (host, ana, ben):
        expect(screen.locator("[data-connection]")).to_have_text("Connected", timeout=20_000)
    expect(host.locator("[data-question-number]")).to_have_text("Question 3 of 3")
    answer(ana, right=False)
    answer(ben, right=False, keyboard=True)
    expect(host.get_by_role("button", name="Show the podium")).to_be_enabled()
    host.get_by_role("button", name="Show the podium").click()

    podium = host.locator("[data-podium] li")
    expect(podium).to_have_count(2)
    names = [podium.nth(i).locator(".live-step-name").inner_text() for i in range(2)]
    points = [
        int(podium.nth(i).locator(".live-step-score").inner_text().split()[0]) for i in range(2)
    ]
    assert names == ["Ana Lopez", "Ben Okafor"]
    assert violations(host, axe) == []
    expect(ana.locator("[data-final]")).to_contain_text("1st of 2")
    expect(ben.locator("[data-final]")).to_contain_text("2nd of 2")

    saved = json.loads(manage("shell", "-c", RESULT_SCRIPT).strip().splitlines()[-1])
    assert saved["phase"] == "ended" and saved["answers"] == 6
    assert saved["scores"] == {"Ana Lopez": points[0], "Ben Okafor": points[1]}
    assert saved["right"] == {"Ana Lopez": 2, "Ben Okafor": 1}
    assert 500 * 2 <= points[0] <= 2000 and 500 <= points[1] <= 1000
    host.get_by_role("link", name="Saved results").click()
    rows = host.get_by_test_id("result-row")
    expect(rows.first).to_contain_text("Ana Lopez")
    expect(rows.first.get_by_test_id("result-score")).to_have_text(str(points[0]))
    expect(rows.nth(1).get_by_test_id("result-score")).to_have_text(str(points[1]))
    for context in (host_context, ana_context, ben_context):
        context.close()

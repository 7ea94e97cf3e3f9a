"""Several app servers behind one proxy: two uvicorn servers (two worker processes each) on two
loopback ports, each with a background worker beside it, share one PostgreSQL database and one
Redis. A student logs in on one, answers half a quiz, carries on on the other with the same
cookies and submits; failed logins count across both servers; a lesson uploaded on one is
imported by a worker and followed on the other; a live game's projector on one server runs a
game whose players are on the other (the channel layer is Redis).

Run by .ci/run after its PostgreSQL pass, with MULTISERVER_PG_URL (an empty database this
module migrates) and REDIS_URL set; skipped otherwise.
"""

import contextlib
import http.cookiejar
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import redis
from websockets.sync.client import connect as websocket_connect

from tests.processes import ROOT, manage_run, shell_json

DATABASE_URL = os.environ.get("MULTISERVER_PG_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
PORTS = [int(port) for port in os.environ.get("MULTISERVER_PORTS", "8008,8009").split(",")]
FAILURE_LIMIT = 3
PASSWORD = "a-long-student-password"
JOIN_FAILURE_LIMIT = 10  # quizzes.services.classes: wrong class codes per account
# Longer than the Redis client's default read timeout (5 s) and channels-redis's blocking read.
IDLE_SECONDS = 8

pytestmark = [
    pytest.mark.multiserver,
    pytest.mark.skipif(
        not (DATABASE_URL and REDIS_URL), reason="needs MULTISERVER_PG_URL and REDIS_URL"
    ),
]

SERVER_ENV = {
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "DEBUG": "0",
    "DJANGO_SETTINGS_MODULE": "history_quiz.settings",
    "AXES_FAILURE_LIMIT": str(FAILURE_LIMIT),
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}

# Made on the shared database: a class with a four-question quiz and two students.
WORLD_SCRIPT = """
import json
from history_quiz.accounts.models import Role, User
from lessons.services import lesson_import_file
from django.conf import settings
from quizzes.models import Assignment, Classroom, Enrolment, Question, Quiz, QuizQuestion
lesson = lesson_import_file(path=settings.LESSON_FIXTURES_DIR / "magna-carta.txt").lesson
teacher = User.objects.create_user("ms-teacher", password=PASSWORD, role=Role.TEACHER)
classroom = Classroom.objects.create(name="Year 8", teacher=teacher, join_code="MULTI8")
quiz = Quiz.objects.create(title="Magna Carta", owner=teacher, attempts_allowed=0)
quiz.lessons.add(lesson)
questions = Question.objects.bulk_create(
    Question(lesson=lesson, kind="short_answer", prompt=f"Which year? ({n})", answer="1215")
    for n in range(4)
)
QuizQuestion.objects.bulk_create(
    QuizQuestion(quiz=quiz, question=q, position=n) for n, q in enumerate(questions, 1)
)
for name in ("ms-student", "ms-locked"):
    student = User.objects.create_user(name, password=PASSWORD, role=Role.STUDENT)
    Enrolment.objects.create(classroom=classroom, student=student)
User.objects.create_user("ms-joiner", password=PASSWORD, role=Role.STUDENT)
assignment = Assignment.objects.create(
    classroom=classroom, quiz=quiz, assigned_by=teacher, due_at=None
)
player = User.objects.create_user("ms-player", password=PASSWORD, role=Role.STUDENT)
Enrolment.objects.create(classroom=classroom, student=player)
from quizzes.services.live_setup import live_game_create
live = [
    Question.objects.create(lesson=lesson, kind="multiple_choice", prompt=f"When? ({n})",
        choices=["1215", "1066", "1415", "1265"], answer="1215", ready=True)
    for n in range(2)
]
game = live_game_create(host=teacher, title="Magna Carta live", classroom=classroom,
    question_ids=[q.pk for q in live])
idle = live_game_create(host=teacher, title="Idle lobby", classroom=classroom,
    question_ids=[q.pk for q in live])
print(json.dumps({"assignment": assignment.pk, "game": game.pk, "pin": game.pin,
    "idle_game": idle.pk, "idle_pin": idle.pin}))
""".replace("PASSWORD", repr(PASSWORD))

LIVE_RESULT_SCRIPT = """
import json
from quizzes.models import LiveGame
game = LiveGame.objects.get(pk=GAME)
print(json.dumps({
    "phase": game.phase,
    "answers": game.answers.count(),
    "scores": {p.user.username: p.score for p in game.players.all()},
}))
"""

RESULT_SCRIPT = """
import json
from quizzes.models import Attempt
attempt = Attempt.objects.get(pk=ATTEMPT)
print(json.dumps({
    "submitted": attempt.submitted_at is not None,
    "score": attempt.score,
    "answers": sorted(a.given for a in attempt.answers.all() if a.given is not None),
}))
"""


def manage(*args: str) -> str:
    return manage_run(*args, env={**os.environ, **SERVER_ENV})


@pytest.fixture(scope="module")
def servers():
    """Migrate the shared database, make the world, start two uvicorn servers (as
    `make run-prod` does with REDIS_URL set)."""
    manage("flush", "--noinput")
    redis.Redis.from_url(REDIS_URL).flushdb()  # counters of an earlier run must not carry over
    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput", "-v0")
    world = shell_json(WORLD_SCRIPT, env={**os.environ, **SERVER_ENV})
    uvicorn = str(Path(sys.executable).parent / "uvicorn")
    processes = [
        subprocess.Popen(
            [
                uvicorn,
                "history_quiz.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "2",
                "--ws-max-size",
                "4096",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**os.environ, **SERVER_ENV},
        )  # fmt: skip
        for port in PORTS
    ]
    # One worker beside each server, as README's production section says.
    processes += [
        subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--interval", "0.5"],
            cwd=ROOT,
            env={**os.environ, **SERVER_ENV},
        )
        for _ in PORTS
    ]
    try:
        for port in PORTS:
            wait_for(f"http://127.0.0.1:{port}/healthz")
        yield [f"http://127.0.0.1:{port}" for port in PORTS], world
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def wait_for(url: str) -> None:
    for _ in range(150):
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


class Browser:
    """One person's cookies (a cookie jar ignores ports, as a browser does), used on any
    server."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def open(self, url: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, response.geturl(), response.read().decode()

    def post_form(self, url: str, fields: dict[str, str]):
        fields = {"csrfmiddlewaretoken": self.csrf(), **fields}
        return self.open(url, urllib.parse.urlencode(fields).encode())

    def log_in(self, server: str, username: str, password: str):
        status, _, page = self.open(f"{server}/accounts/login/")
        assert status == 200 and re.search(r'name="csrfmiddlewaretoken"', page)
        return self.post_form(
            f"{server}/accounts/login/", {"username": username, "password": password}
        )

    def socket(self, server: str, path: str):
        """A WebSocket to the server with this browser's cookies, from its own pages."""
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.jar)
        address = server.replace("http://", "ws://") + path
        headers = {"Cookie": cookies, "Origin": server}
        return websocket_connect(address, additional_headers=headers, open_timeout=15)

    def save_answer(self, server: str, attempt: int, question: int, given: str):
        body = json.dumps({"question": question, "given": given}).encode()
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.csrf()}
        return self.open(f"{server}/attempts/{attempt}/answers/", body, headers)


def test_a_student_starts_on_one_server_and_submits_on_the_other(servers):
    (first, second), world = servers
    student = Browser()
    status, url, _ = student.log_in(first, "ms-student", PASSWORD)
    assert status == 200 and "/dashboard/" in url

    status, url, page = student.post_form(f"{first}/assignments/{world['assignment']}/start/", {})
    attempt = int(re.search(r"/attempts/(\d+)/", url).group(1))
    questions = [int(pk) for pk in re.findall(r'name="questions" value="(\d+)"', page)]
    assert status == 200 and len(questions) == 4
    for question in questions[:2]:
        status, _, body = student.save_answer(first, attempt, question, "1215")
        assert status == 200 and json.loads(body)["saved"]

    status, _, page = student.open(f"{second}/attempts/{attempt}/")
    assert status == 200 and "data-answered>2</span> of 4" in page
    for question in questions[2:]:
        status, _, body = student.save_answer(second, attempt, question, "1215")
        assert status == 200 and json.loads(body)["saved"]
    assert json.loads(body)["answered"] == 4
    status, url, _ = student.post_form(f"{second}/attempts/{attempt}/submit/", {})
    assert status == 200 and url.endswith(f"/attempts/{attempt}/review/")

    output = manage("shell", "-c", RESULT_SCRIPT.replace("ATTEMPT", str(attempt)))
    result = json.loads(output.strip().splitlines()[-1])
    assert result == {"submitted": True, "score": 4.0, "answers": ["1215"] * 4}


def test_failed_logins_on_both_servers_lock_the_account_on_both(servers):
    (first, second), _ = servers
    for _ in range(FAILURE_LIMIT - 1):
        status, _, _ = Browser().log_in(first, "ms-locked", "wrong password")
        assert status == 200
    status, _, _ = Browser().log_in(second, "ms-locked", "wrong password")

    assert status == 429
    for server in (first, second):
        status, url, page = Browser().log_in(server, "ms-locked", PASSWORD)
        assert status == 429 and "Too many attempts" in page


def test_wrong_class_codes_on_both_servers_add_up_in_the_shared_cache(servers):
    (first, second), _ = servers
    student = Browser()
    student.log_in(first, "ms-joiner", PASSWORD)
    for attempt in range(JOIN_FAILURE_LIMIT):
        server = first if attempt % 2 else second
        student.open(f"{server}/classes/join/")
        status, _, _ = student.post_form(f"{server}/classes/join/", {"code": "WRONG1"})
        assert status == 400

    for server in (first, second):
        status, _, page = student.post_form(f"{server}/classes/join/", {"code": "MULTI8"})
        assert status == 429 and "Too many wrong codes" in page


def test_a_lesson_uploaded_on_one_server_is_imported_by_a_worker_and_shown_on_the_other(servers):
    (first, second), _ = servers
    teacher = Browser()
    teacher.log_in(first, "ms-teacher", PASSWORD)
    teacher.open(f"{first}/lessons/new/")
    text = (ROOT / "fixtures" / "lessons" / "battle-of-marathon.txt").read_text()

    status, job_url, page = teacher.post_form(
        f"{first}/lessons/new/", {"text": text, "action": "save"}
    )

    assert status == 200 and "/jobs/" in job_url
    job_path = urllib.parse.urlparse(job_url).path
    for _ in range(240):
        status, _, page = teacher.open(f"{second}{job_path}")
        if "Review the question bank" in page or "It stopped" in page:
            break
        time.sleep(0.5)
    assert "is saved and its question bank generated" in page
    bank = re.search(r'href="(/lessons/[^"]+/bank/)"', page).group(1)
    status, _, bank_page = teacher.open(f"{second}{bank}")
    assert status == 200 and "Athenians Defeat Persian Invaders at Marathon" in bank_page


def frame_of(socket, kind: str) -> dict:
    """Read frames until one of this type comes (others are skipped)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        frame = json.loads(socket.recv(timeout=max(0.1, deadline - time.monotonic())))
        if frame["type"] == kind:
            return frame
    raise AssertionError(f"no {kind} frame")


def test_a_live_game_hosted_on_one_server_is_played_on_the_other(servers):
    (first, second), world = servers
    with contextlib.ExitStack() as sockets:
        podium = play_two_questions(first, second, world, sockets)

    assert podium == [1, 2]
    output = manage("shell", "-c", LIVE_RESULT_SCRIPT.replace("GAME", str(world["game"])))
    result = json.loads(output.strip().splitlines()[-1])
    assert result["phase"] == "ended" and result["answers"] == 4
    assert result["scores"]["ms-player"] == 0 and result["scores"]["ms-student"] > 1000


def play_two_questions(first: str, second: str, world: dict, sockets) -> list[int]:
    """The projector on the first server, two phones on the second: one answers right, one
    wrong, twice; returns the players' final ranks."""
    teacher = Browser()
    teacher.log_in(first, "ms-teacher", PASSWORD)
    phones = []
    for username in ("ms-student", "ms-player"):
        student = Browser()
        student.log_in(second, username, PASSWORD)
        student.open(f"{second}/play/")
        status, url, _ = student.post_form(f"{second}/play/", {"pin": world["pin"]})
        assert status == 200 and url.endswith(f"/live/{world['game']}/play/")
        phones.append(
            sockets.enter_context(student.socket(second, f"/ws/live/{world['game']}/play/"))
        )
    host = sockets.enter_context(teacher.socket(first, f"/ws/live/{world['game']}/host/"))
    assert len(frame_of(host, "lobby")["players"]) == 2

    for index in range(2):
        host.send(json.dumps({"type": "start" if index == 0 else "next"}))
        for phone in phones:
            question = frame_of(phone, "question")
            assert question["index"] == index
            right = question["options"].index("1215")
            wrong = (right + 1) % 4
            phone.send(json.dumps({"type": "answer", "question": index,
                                   "choice": right if phone is phones[0] else wrong}))  # fmt: skip
            assert frame_of(phone, "answered")["index"] == index
        reveal = frame_of(host, "reveal")
        assert reveal["answered"] == 2
        assert [frame_of(phone, "reveal")["you"]["right"] for phone in phones] == [True, False]
    host.send(json.dumps({"type": "next"}))
    return [frame_of(phone, "podium")["you"]["rank"] for phone in phones]


def test_a_phone_waiting_in_the_lobby_longer_than_redis_reads_stays_connected(servers):
    (first, second), world = servers
    teacher, student = Browser(), Browser()
    teacher.log_in(first, "ms-teacher", PASSWORD)
    student.log_in(second, "ms-player", PASSWORD)
    student.open(f"{second}/play/")
    student.post_form(f"{second}/play/", {"pin": world["idle_pin"]})
    game = world["idle_game"]
    with (
        student.socket(second, f"/ws/live/{game}/play/") as phone,
        teacher.socket(first, f"/ws/live/{game}/host/") as host,
    ):
        frame_of(phone, "you")
        time.sleep(IDLE_SECONDS)  # the class waits for the last ones to join
        host.send(json.dumps({"type": "start"}))

        assert frame_of(phone, "question")["index"] == 0

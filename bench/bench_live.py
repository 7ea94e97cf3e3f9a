"""Live game benchmark: a class of real WebSocket clients (the `websockets` library) playing a
game on uvicorn over its own PostgreSQL, every player answering every question.

Prints the time from the host's "next question" to each player's receipt of it (p50, p95,
max over every receipt, and the same over each question's last receipt), answers recorded
against answers sent, and the server's CPU time per answer. Starts its own PostgreSQL
(127.0.0.1:54331) and uvicorn (127.0.0.1:8016), both stopped on exit. Not part of
`make test`; `BENCH_ARGS="--players 100 --questions 5" make bench-live` changes the run.
"""

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pg import postgres_server  # noqa: E402


def _stop_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def build_game(*, players: int, questions: int, seconds: int) -> dict:
    """A teacher, a class of `players` students logged in server-side, a lesson with
    multiple-choice questions and a game of them in its lobby with every student joined."""
    from django.conf import settings

    from bench.world import session_for
    from history_quiz.accounts.models import Role, User
    from lessons.services import lesson_import_file
    from quizzes.models import Classroom, Enrolment, Question
    from quizzes.services.live_setup import live_game_create, live_player_join

    lesson = lesson_import_file(
        path=settings.LESSON_FIXTURES_DIR / "moscow-trials-great-purge.txt"
    ).lesson
    sentences = list(lesson.sentences.order_by("position")[:questions])
    items = Question.objects.bulk_create(
        Question(
            lesson=lesson,
            kind="multiple_choice",
            prompt=f"Question {n + 1}: {sentences[n % len(sentences)].text[:120]}",
            choices=["Stalin", "Trotsky", "Kamenev", "Bukharin"],
            answer="Stalin",
            source_sentence=sentences[n % len(sentences)],
            source_text=sentences[n % len(sentences)].text,
            rule="bench",
            ready=True,
        )
        for n in range(questions)
    )
    teacher = User.objects.create(username="bench-teacher", role=Role.TEACHER)
    classroom = Classroom.objects.create(name="Year 9", teacher=teacher, join_code="LIVE99")
    pupils = User.objects.bulk_create(
        User(username=f"pupil{n}", first_name=f"Pupil{n}", last_name=f"Bench{n:04d}")
        for n in range(players)
    )
    Enrolment.objects.bulk_create(Enrolment(classroom=classroom, student=p) for p in pupils)
    game = live_game_create(
        host=teacher,
        title="Bench",
        question_ids=[item.pk for item in items],
        classroom=classroom,
        seconds_per_question=seconds,
    )
    for pupil in pupils:
        live_player_join(game=game, user=pupil)
    return {
        "game": game.pk,
        "host": session_for(teacher).cookie,
        "players": [session_for(pupil).cookie for pupil in pupils],
    }


class Player:
    """One phone: answers each question after a short think, records when it arrived."""

    def __init__(self, cookie: str, rng: random.Random, think: float) -> None:
        self.cookie = cookie
        self.rng = rng
        self.think = think
        self.received: dict[int, float] = {}
        self.sent = 0
        self.acknowledged = 0
        self.errors: list[str] = []

    async def play(self, connect, url: str, origin: str, done: asyncio.Event) -> None:
        headers = {"Cookie": self.cookie, "Origin": origin}
        async with connect(url, additional_headers=headers, open_timeout=60) as socket:
            self.socket = socket
            self.ready.set()
            async for text in socket:
                frame = json.loads(text)
                if frame["type"] == "question" and not frame.get("paused"):
                    index = frame["index"]
                    if index not in self.received:
                        self.received[index] = time.perf_counter()
                        asyncio.get_running_loop().create_task(self.answer(frame))
                elif frame["type"] == "answered":
                    self.acknowledged += 1
                elif frame["type"] == "error":
                    self.errors.append(frame["code"])
                elif frame["type"] == "podium":
                    break
                if done.is_set():
                    break

    async def answer(self, frame: dict) -> None:
        await asyncio.sleep(self.rng.uniform(0.1, self.think))
        choice = frame["options"].index("Stalin") if self.rng.random() < 0.7 else 0
        self.sent += 1
        await self.socket.send(
            json.dumps({"type": "answer", "question": frame["index"], "choice": choice})
        )


async def drive(world: dict, options) -> dict:
    from websockets.asyncio.client import connect

    origin = f"http://127.0.0.1:{options.port}"
    base = f"ws://127.0.0.1:{options.port}/ws/live/{world['game']}"
    rng = random.Random(1)
    players = [
        Player(cookie, random.Random(rng.random()), options.think) for cookie in world["players"]
    ]
    done = asyncio.Event()
    opening = asyncio.Semaphore(25)

    async def start(player: Player) -> None:
        player.ready = asyncio.Event()
        async with opening:
            task = asyncio.get_running_loop().create_task(
                player.play(connect, f"{base}/play/", origin, done)
            )
            await asyncio.wait(
                [task, asyncio.ensure_future(player.ready.wait())],
                return_when=asyncio.FIRST_COMPLETED,
            )
        player.task = task

    await asyncio.gather(*(start(player) for player in players))
    sent_at: dict[int, float] = {}
    reveals: list[float] = []
    async with connect(
        f"{base}/host/", additional_headers={"Cookie": world["host"], "Origin": origin}
    ) as host:
        for index in range(options.questions):
            await asyncio.sleep(0.5)  # the class looks at the reveal
            sent_at[index] = time.perf_counter()
            await host.send(json.dumps({"type": "start" if index == 0 else "next"}))
            while True:
                frame = json.loads(
                    await asyncio.wait_for(host.recv(), timeout=options.seconds + 30)
                )
                if frame["type"] == "reveal" and frame["index"] == index:
                    reveals.append(frame["answered"])
                    break
        await host.send(json.dumps({"type": "next"}))
        await asyncio.sleep(1)
    done.set()
    await asyncio.wait([player.task for player in players], timeout=10)
    receipts = [
        (player.received[index] - sent_at[index]) * 1000
        for player in players
        for index in sent_at
        if index in player.received
    ]
    last = [
        max(
            (player.received[index] - sent_at[index]) * 1000
            for player in players
            if index in player.received
        )
        for index in sent_at
    ]
    return {
        "receipts": receipts,
        "expected_receipts": len(players) * len(sent_at),
        "last": last,
        "sent": sum(player.sent for player in players),
        "acknowledged": sum(player.acknowledged for player in players),
        "errors": [code for player in players for code in player.errors],
        "reveal_counts": reveals,
    }


def server_cpu(process) -> float:
    import psutil

    parent = psutil.Process(process.pid)
    total = 0.0
    for proc in [parent, *parent.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=20, help="per question")
    parser.add_argument("--think", type=float, default=3.0, help="longest think before answering")
    parser.add_argument("--port", type=int, default=8016)
    parser.add_argument("--pg-port", type=int, default=54331)
    parser.add_argument(
        "--redis-url", default="", help="channels-redis on this Redis (e.g. one started for it)"
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers (needs Redis)")
    options = parser.parse_args()
    if options.workers > 1 and not options.redis_url:
        parser.error("several workers share games only through Redis: give --redis-url")
    signal.signal(signal.SIGTERM, _stop_on_signal)
    with postgres_server(options.pg_port) as database_url:
        run(options, database_url)


def run(options, database_url: str) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "history_quiz.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "REDIS_URL": options.redis_url,
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from quizzes.models import LiveAnswer

    print("Migrating and building the class…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    world = build_game(
        players=options.players, questions=options.questions, seconds=options.seconds
    )
    connection.close()
    uvicorn = [
        str(Path(sys.executable).parent / "uvicorn"), "history_quiz.asgi:application",
        "--host", "127.0.0.1", "--port", str(options.port), "--ws-max-size", "4096",
        "--log-level", "warning", "--no-access-log", "--workers", str(options.workers),
        "--timeout-graceful-shutdown", "5",
    ]  # fmt: skip
    server = subprocess.Popen(uvicorn, cwd=ROOT, env=env)
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{options.port}/healthz", timeout=2):
                    break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("uvicorn exited during start-up") from None
                time.sleep(0.2)
        print(f"{options.players} players connecting; {options.questions} questions…", flush=True)
        cpu_before = server_cpu(server)
        started = time.perf_counter()
        figures = asyncio.run(drive(world, options))
        elapsed = time.perf_counter() - started
        cpu = server_cpu(server) - cpu_before
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    recorded = LiveAnswer.objects.filter(game_id=world["game"]).count()
    report(figures, recorded=recorded, cpu=cpu, elapsed=elapsed, options=options)


def report(figures: dict, *, recorded: int, cpu: float, elapsed: float, options) -> None:
    receipts, last = figures["receipts"], figures["last"]
    layer = "Redis channel layer" if options.redis_url else "in-memory channel layer"
    processes = "1 process" if options.workers == 1 else f"{options.workers} workers"
    print(
        f"\n{options.players} players, {options.questions} questions, uvicorn {processes} "
        f"({layer}), PostgreSQL; {elapsed:.0f} s\n"
    )
    print("'next question' to receipt        p50 ms   p95 ms   max ms")
    print(
        f"  every player's receipt         {percentile(receipts, 0.5):7.1f}  "
        f"{percentile(receipts, 0.95):7.1f}  {max(receipts):7.1f}"
    )
    print(
        f"  last player's receipt          {percentile(last, 0.5):7.1f}  "
        f"{percentile(last, 0.95):7.1f}  {max(last):7.1f}"
    )
    print(f"  receipts: {len(receipts)} of {figures['expected_receipts']}")
    print(
        f"\nanswers sent {figures['sent']}, acknowledged {figures['acknowledged']}, "
        f"recorded {recorded}; counted in the reveals {sum(figures['reveal_counts'])}"
    )
    if figures["errors"]:
        print(f"error frames: {sorted(set(figures['errors']))} ({len(figures['errors'])})")
    per_answer = 1000 * cpu / max(recorded, 1)
    print(
        f"server CPU {cpu:.1f} s for the game: {per_answer:.2f} ms per answer "
        "(everything the server did, broadcasts included, divided by the answers)"
    )


if __name__ == "__main__":
    main()

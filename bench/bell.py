"""The bell rings: a class opens the quiz within one second, then every student saves an
answer every ten seconds. Open-loop, as students do: each request is sent at its own time
whatever the server is doing, and its latency counts from that time, so a server that
falls behind shows it in the figures rather than slowing the students down."""

import http.client
import json
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

# Enough threads that a request never waits for a free one: 500 opens within a second.
THREADS = 300


@dataclass
class BellFigures:
    opens: list[float]
    saves: list[float]
    errors: dict[str, int]
    seconds: float


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def bell_run(url, takers, answers: dict[int, object], *, within=1.0, every=10.0, seconds=60.0):
    """Drive the class; returns latencies (ms) of opens and saves, and the errors."""
    host = urlsplit(url)
    plan = []
    chance = random.Random(13)
    for session, attempt in takers:
        opens_at = chance.uniform(0, within)
        plan.append((opens_at, "open", session, attempt, None))
        for n in range(1, int(seconds // every) + 1):
            question = attempt.question_ids[(n - 1) % len(attempt.question_ids)]
            plan.append((opens_at + n * every, "save", session, attempt, question))
    plan.sort(key=lambda item: item[0])
    lock = threading.Lock()
    figures = BellFigures([], [], {"open": 0, "save": 0}, 0.0)
    start = time.monotonic() + 1.0

    def send(item) -> None:
        at, kind, session, attempt, question = item
        time.sleep(max(0.0, start + at - time.monotonic()))
        headers = {"Cookie": session.cookie, "Host": host.netloc}
        body = None
        if kind == "open":
            method, path = "GET", f"/attempts/{attempt.pk}/"
        else:
            method, path = "POST", f"/attempts/{attempt.pk}/answers/"
            body = json.dumps({"question": question, "given": answers[question]})
            headers |= {"Content-Type": "application/json", "X-CSRFToken": session.csrf}
        ok = False
        try:
            connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            ok = 200 <= response.status < 400
            connection.close()
        except (OSError, http.client.HTTPException):
            ok = False
        latency = (time.monotonic() - (start + at)) * 1000
        with lock:
            (figures.opens if kind == "open" else figures.saves).append(latency)
            figures.errors[kind] += not ok

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(send, plan))
    figures.seconds = time.monotonic() - start
    return figures


def bell_report(figures: BellFigures, *, students: int, saved: int, expected: int) -> None:
    """Print the bell's row: p50/p95/p99 of the opens and of the saves, and the errors."""
    print(
        f"\nA class of {students} at the bell: all open the quiz within 1 s, then each saves "
        f"an answer every 10 s ({len(figures.saves)} saves in {figures.seconds:.0f} s)\n"
    )
    print("| requests          | count | p50 ms | p95 ms | p99 ms | errors |")
    print("|-------------------|-------|--------|--------|--------|--------|")
    rows = (("open the quiz", figures.opens, "open"), ("save an answer", figures.saves, "save"))
    for label, values, kind in rows:
        print(
            f"| {label:<17} | {len(values):>5} | {_percentile(values, 0.5):>6.1f} "
            f"| {_percentile(values, 0.95):>6.1f} | {_percentile(values, 0.99):>6.1f} "
            f"| {figures.errors[kind]:>6} |"
        )
    print(f"\nSaved answers found in the database afterwards: {saved} of {expected}.")

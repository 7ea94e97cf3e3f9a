"""Where the time of one request goes, for the pages students wait on: the quiz page, the
autosave, the submit and the teacher's gradebook. Runs each through Django's whole request
path (middleware, sessions, CSRF, templates) in this process under cProfile, on the
benchmark's school, and prints the queries, the time per request and the functions that
take it.

Run: `.venv/bin/python bench/profile_requests.py` (a throwaway SQLite), or with
`--database-url postgres://…` on a PostgreSQL of your own; `--only save` for one page.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(database_url: str) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "history_quiz.settings",
            "DEBUG": "0",
            "SECRET_KEY": "profile-only-" + os.urandom(16).hex(),
            "ALLOWED_HOSTS": "testserver",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
    import django

    django.setup()


def _requests(school) -> dict[str, list]:
    """(method, path, session, body) per request, each student's own."""
    from quizzes.models import Question

    questions = Question.objects.in_bulk(school.takers[0][1].question_ids)
    take = [("GET", f"/attempts/{a.pk}/", s, None) for s, a in school.takers]
    save = [
        ("POST", f"/attempts/{a.pk}/answers/", s, json.dumps({"question": q, "given": answer}))
        for s, a in school.takers
        for q, answer in ((q, questions[q].answer) for q in a.question_ids)
    ]
    submit = [("POST", f"/attempts/{a.pk}/submit/", s, "") for s, a in school.to_submit]
    gradebook = [("GET", f"/classes/{school.classroom.pk}/gradebook/", school.teacher, None)]
    healthz = [("GET", "/healthz", None, None)]
    return {"healthz": healthz, "take": take, "save": save, "submit": submit,
            "gradebook": gradebook}  # fmt: skip


def _send(client, request) -> int:
    from django.conf import settings

    method, path, session, body = request
    client.cookies.clear()
    headers = {}
    if session is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
        client.cookies[settings.CSRF_COOKIE_NAME] = session.csrf
        headers["X-CSRFToken"] = session.csrf
    if method == "GET":
        return client.get(path, headers=headers).status_code
    content_type = (
        "application/json" if path.endswith("/answers/") else "application/x-www-form-urlencoded"
    )
    return client.post(path, body, content_type=content_type, headers=headers).status_code


def timing(name: str, requests: list, count: int) -> None:
    """Time per request without the profiler: the best of three rounds (the machine is
    shared, so the quickest round is the one least disturbed)."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    for request in requests[:3]:
        _send(client, request)
    rounds, cpu = [], []
    for round_number in range(3):
        chosen = [requests[(3 + round_number * count + n) % len(requests)] for n in range(count)]
        start, start_cpu = time.perf_counter(), time.process_time()
        for request in chosen:
            _send(client, request)
        rounds.append((time.perf_counter() - start) / count * 1000)
        cpu.append((time.process_time() - start_cpu) / count * 1000)
    print(
        f"{name:<10} best {min(rounds):6.2f} ms  CPU {min(cpu):6.2f} ms  rounds "
        + " ".join(f"{r:.2f}" for r in rounds)
    )


def profile(name: str, requests: list, count: int, top: int) -> None:
    from django.db import connection
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    for request in requests[:3]:  # warm the template and URL caches
        _send(client, request)
    chosen = [requests[(3 + n) % len(requests)] for n in range(count)]
    queries = []

    def log(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(log):
        status = _send(client, chosen[0])
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for request in chosen[1:]:
        _send(client, request)
    profiler.disable()
    per_request = (time.perf_counter() - start) / max(1, len(chosen) - 1) * 1000
    print(f"\n## {name}: status {status}, {len(queries)} queries, {per_request:.2f} ms a request "
          f"(under the profiler, {len(chosen) - 1} requests)")  # fmt: skip
    for sql in queries:
        print(f"   {sql[:160]}")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(top)
        lines = out.getvalue().splitlines()
        start_at = next(n for n, line in enumerate(lines) if "ncalls" in line)
        print(f"-- by {order}")
        print("\n".join(lines[start_at : start_at + top + 1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--count", type=int, default=200, help="requests per page")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", action="append", help="healthz, take, save, submit, gradebook")
    parser.add_argument("--timing", action="store_true", help="times only, no profile")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hq-profile-") as tmp:
        _setup(options.database_url or f"sqlite:///{tmp}/profile.sqlite3")
        from django.core.management import call_command

        from bench.world import school_build

        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        per_round = options.count * (3 if options.timing else 1)
        rounds = max(1, per_round // options.students + 1)
        school = school_build(students=options.students, submit_rounds=rounds)
        for name, requests in _requests(school).items():
            if options.only and name not in options.only:
                continue
            if options.timing:
                count = (
                    min(options.count, len(requests) // 3) if name == "submit" else options.count
                )
                timing(name, requests, count)
                continue
            count = min(options.count, len(requests)) if name == "submit" else options.count
            profile(name, requests, count, options.top)


if __name__ == "__main__":
    main()

"""Per bundled lesson: spaCy parse time, whole generation time, and their ratio.

Run as `.venv/bin/python bench/bench_generation.py`. Times are this process's CPU time,
the best of several runs, so a busy machine skews them less. It uses an in-memory SQLite
database, so the dev database is never touched. Target: generation <= 2x parse.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "history_quiz.settings")
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from lessons.services import (  # noqa: E402
    lesson_parse_file,
    lesson_slug_for_path,
    lesson_store_parsed,
)
from quizzes.generation.nlp import get_nlp, parse_all  # noqa: E402
from quizzes.services.bank import bank_generate, lesson_text  # noqa: E402

REPEATS = 5


def main() -> None:
    call_command("migrate", verbosity=0)
    get_nlp()  # loading the model is a one-off per process, not part of either figure
    print(f"{'lesson':40} {'parse ms':>9} {'generate ms':>12} {'ratio':>6}")
    ratios = []
    for path in sorted(Path(settings.LESSON_FIXTURES_DIR).glob("*.txt")):
        lesson, _ = lesson_store_parsed(
            parsed=lesson_parse_file(path),
            slug=lesson_slug_for_path(path),
            source_name="",
            owner=None,
        )
        text = lesson_text(lesson)
        texts = [t for _, t in text.sentences] + text.key_points + [text.title]
        parse = min(_timed(lambda texts=texts: parse_all(texts)) for _ in range(REPEATS))
        generate = min(
            _timed(lambda lesson=lesson: bank_generate(lesson=lesson)) for _ in range(REPEATS)
        )
        ratios.append(generate / parse)
        print(f"{path.stem:40} {parse * 1000:9.1f} {generate * 1000:12.1f} {generate / parse:6.2f}")
    print(f"{'mean ratio':40} {'':9} {'':12} {sum(ratios) / len(ratios):6.2f}")


def _timed(action) -> float:
    # CPU time of this process: other programs on a busy machine do not count.
    start = time.process_time()
    action()
    return time.process_time() - start


if __name__ == "__main__":
    main()

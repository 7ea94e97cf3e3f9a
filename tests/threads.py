"""Races as a classroom makes them: tasks in real threads released at the same moment."""

import threading
from collections.abc import Callable

from django.db import connection


def run_together(tasks: list[Callable[[], object]]) -> list[object]:
    """Run the tasks in threads released at the same moment; results (or exceptions) in order."""
    barrier = threading.Barrier(len(tasks))
    results: list[object] = [None] * len(tasks)

    def run(index: int, task: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = task()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread met
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(tasks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results

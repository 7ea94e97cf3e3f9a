"""Threads for tests: races as a classroom makes them (tasks released at the same moment),
and async code run from synchronous tests."""

import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
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


def run_async(function: Callable[[], Awaitable[object]]) -> object:
    """Run an async function to its end from synchronous test code, on a thread of its own:
    Playwright's sync API keeps an event loop running in the thread of a test worker that
    ran a browser test, and async_to_sync refuses to run beside it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(async_to_sync(function)).result()

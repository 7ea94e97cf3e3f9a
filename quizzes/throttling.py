"""Counting wrong guesses (class join codes, game PINs) in the shared cache, so that every
app server sees the same counts and a code cannot be guessed by trying them all."""

from django.core.cache import cache


def throttle_exceeded(limits: dict[str, int]) -> bool:
    """True when any counter has reached its limit (keys name the counters)."""
    failures = cache.get_many(list(limits))
    return any(count >= limits[key] for key, count in failures.items())


def throttle_record(keys, window_seconds: int) -> None:
    """Count one failure on each counter; a counter forgets after its window."""
    for key in keys:
        # add() starts the window; incr() keeps its original expiry.
        if not cache.add(key, 1, window_seconds):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, window_seconds)

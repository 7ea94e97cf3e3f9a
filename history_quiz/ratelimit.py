"""Counters in the shared cache that limit how often something may happen in a window:
wrong join codes, password-reset e-mails. The default cache is shared by every worker
process (the database, or Redis), so a limit holds however requests are spread."""

from django.core.cache import cache


def limits_reached(limits: dict[str, int]) -> list[str]:
    """The keys of `limits` ({key: most allowed}) whose counters are at their limit."""
    counts = cache.get_many(list(limits))
    return [key for key, count in counts.items() if count >= limits[key]]


def count_one(keys, *, window_seconds: int) -> None:
    """Count one more against each key; a key's window starts at its first count."""
    for key in keys:
        # add() starts the window; incr() keeps its original expiry.
        if not cache.add(key, 1, window_seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between the two calls
                cache.set(key, 1, window_seconds)

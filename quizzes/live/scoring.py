"""Points and ranks in a live game. Pure functions: no database, no clock.

Kahoot's rule: a right answer earns up to 1,000 points, falling linearly with the share of
the question's time used, down to half (500) at the last moment; a wrong answer or none
earns nothing. The optional streak bonus adds 100 points for each right answer in a row
after the first, at most 500.
"""

from collections.abc import Iterable, Sequence

MAX_POINTS = 1000
STREAK_STEP = 100
STREAK_CAP = 500


def answer_points(*, right: bool, elapsed_ms: int, limit_ms: int) -> int:
    """Kahoot's points for one answer: 1,000 × (1 − (time used ÷ time allowed) ÷ 2)."""
    if not right or limit_ms <= 0:
        return 0
    used = min(max(elapsed_ms, 0), limit_ms) / limit_ms
    return round(MAX_POINTS * (1 - used / 2))


def streak_bonus(streak: int) -> int:
    """The bonus for a right answer that makes `streak` right answers in a row."""
    return min(STREAK_STEP * max(streak - 1, 0), STREAK_CAP)


def competition_ranks(scores: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Ranks from (player id, score) pairs, best first; equal scores share a rank and the
    next rank skips ("1, 2, 2, 4"), as a podium would."""
    ordered = sorted(scores, key=lambda pair: -pair[1])
    ranks: dict[int, int] = {}
    previous_score = None
    rank = 0
    for position, (player_id, score) in enumerate(ordered, start=1):
        if score != previous_score:
            rank = position
            previous_score = score
        ranks[player_id] = rank
    return ranks


def top_players(rows: Iterable[dict], count: int = 5) -> list[dict]:
    """The first `count` players by score (ties by who joined first), with their ranks.
    Rows need "id", "nickname", "score" and "joined" (anything that sorts)."""
    rows = sorted(rows, key=lambda row: (-row["score"], row["joined"], row["id"]))
    ranks = competition_ranks([(row["id"], row["score"]) for row in rows])
    return [
        {"nickname": row["nickname"], "score": row["score"], "rank": ranks[row["id"]]}
        for row in rows[:count]
    ]

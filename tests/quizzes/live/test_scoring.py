from quizzes.live.scoring import answer_points, competition_ranks, streak_bonus, top_players


def test_an_instant_right_answer_earns_a_thousand():
    assert answer_points(right=True, elapsed_ms=0, limit_ms=20_000) == 1000


def test_points_fall_linearly_to_half_at_the_last_moment():
    assert answer_points(right=True, elapsed_ms=5_000, limit_ms=20_000) == 875
    assert answer_points(right=True, elapsed_ms=10_000, limit_ms=20_000) == 750
    assert answer_points(right=True, elapsed_ms=20_000, limit_ms=20_000) == 500


def test_a_wrong_answer_earns_nothing_however_fast():
    assert answer_points(right=False, elapsed_ms=0, limit_ms=20_000) == 0


def test_time_outside_the_question_is_clamped():
    assert answer_points(right=True, elapsed_ms=-50, limit_ms=20_000) == 1000
    assert answer_points(right=True, elapsed_ms=25_000, limit_ms=20_000) == 500


def test_streak_bonus_starts_at_the_second_right_answer_and_stops_at_500():
    assert [streak_bonus(streak) for streak in range(0, 9)] == [
        0,
        0,
        100,
        200,
        300,
        400,
        500,
        500,
        500,
    ]


def test_equal_scores_share_a_rank_and_the_next_rank_skips():
    ranks = competition_ranks([(1, 900), (2, 1500), (3, 900), (4, 200)])

    assert ranks == {2: 1, 1: 2, 3: 2, 4: 4}


def test_top_players_break_ties_by_who_joined_first():
    rows = [
        {"id": 1, "nickname": "Ana", "score": 800, "joined": 2},
        {"id": 2, "nickname": "Ben", "score": 800, "joined": 1},
        {"id": 3, "nickname": "Cy", "score": 1200, "joined": 3},
    ]

    top = top_players(rows, 2)

    assert top == [
        {"nickname": "Cy", "score": 1200, "rank": 1},
        {"nickname": "Ben", "score": 800, "rank": 2},
    ]

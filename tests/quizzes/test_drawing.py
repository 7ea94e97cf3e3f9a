import random

from quizzes.drawing import draw_spread

SAME = "Athens sent about 10,000 hoplites, and Plataea added about 1,000 more."


def test_draw_takes_one_question_per_sentence_while_it_can():
    items = [(1, SAME), (2, SAME), (3, "Darius sent the fleet."), (4, "Miltiades led the charge.")]

    for seed in range(20):
        drawn = draw_spread(items, 3, random.Random(seed))

        assert len(drawn) == 3
        assert not {1, 2} <= set(drawn)


def test_draw_repeats_a_sentence_only_when_too_few_remain():
    items = [(1, SAME), (2, SAME), (3, "Darius sent the fleet.")]

    assert sorted(draw_spread(items, 3, random.Random(1))) == [1, 2, 3]


def test_draw_is_the_same_for_the_same_seed():
    items = [(n, f"sentence {n % 4}") for n in range(12)]

    assert draw_spread(items, 5, random.Random(7)) == draw_spread(items, 5, random.Random(7))

import math

import pytest

from quizzes.statistics import (
    NO_ANSWER,
    discrimination_index,
    facility_index,
    key_points_most_missed,
    option_counts,
    question_statistics,
    score_distribution,
    standard_deviation,
)


def pearson(xs, ys):
    """A textbook correlation, written out independently of the module under test."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def test_facility_is_the_mean_mark_as_a_percentage():
    assert facility_index([1, 0, 1, 1]) == 75.0


def test_facility_counts_partial_credit():
    assert facility_index([0.5, 0.25]) == pytest.approx(37.5)


def test_facility_scales_to_the_item_range():
    assert facility_index([2, 4], minimum=0, maximum=4) == 75.0


def test_standard_deviation_uses_the_sample_variance():
    # Marks 1, 0, 1, 0: mean 0.5, sample variance 1/3.
    assert standard_deviation([1, 0, 1, 0]) == pytest.approx(100 * math.sqrt(1 / 3))


def test_discrimination_is_the_correlation_with_the_rest_of_the_test():
    marks = [1, 1, 0, 0, 1]
    rest = [4, 3, 1, 2, 2]

    assert discrimination_index(marks, rest) == pytest.approx(100 * pearson(marks, rest))


def test_question_right_only_for_weaker_students_discriminates_negatively():
    marks = [0, 0, 1, 1]
    rest = [5, 4, 1, 0]

    assert discrimination_index(marks, rest) < 0


def test_discrimination_is_undefined_when_everyone_scored_the_same():
    assert discrimination_index([1, 1, 1], [3, 2, 1]) is None


def test_discrimination_is_undefined_for_one_attempt():
    assert discrimination_index([1], [2]) is None


def test_question_statistics_uses_the_rest_of_the_test_not_the_total():
    # Question 1 is right for the two strongest; question 2 for everyone but one.
    attempts = [
        {1: 1.0, 2: 1.0, 3: 1.0},
        {1: 1.0, 2: 1.0, 3: 0.0},
        {1: 0.0, 2: 1.0, 3: 0.0},
        {1: 0.0, 2: 0.0, 3: 1.0},
    ]

    stats = {item.question_id: item for item in question_statistics(attempts)}

    rest_for_1 = [2, 1, 1, 1]
    assert stats[1].discrimination == pytest.approx(100 * pearson([1, 1, 0, 0], rest_for_1))
    assert stats[1].facility == 50.0
    assert stats[2].facility == 75.0
    assert stats[1].attempt_count == 4


def test_random_draws_count_only_attempts_that_met_the_question():
    attempts = [{1: 1.0, 2: 0.0}, {1: 0.0, 3: 1.0}, {2: 1.0, 3: 1.0}]

    stats = {item.question_id: item for item in question_statistics(attempts)}

    assert stats[1].attempt_count == 2
    assert stats[3].facility == 100.0


def test_negative_discrimination_is_flagged():
    attempts = [
        {1: 0.0, 2: 1.0, 3: 1.0, 4: 1.0},
        {1: 0.0, 2: 1.0, 3: 1.0, 4: 0.0},
        {1: 1.0, 2: 0.0, 3: 0.0, 4: 0.0},
    ]

    stats = {item.question_id: item for item in question_statistics(attempts)}

    assert stats[1].has_negative_discrimination
    assert not stats[2].has_negative_discrimination


def test_score_distribution_puts_each_grade_in_a_tenth():
    bins = score_distribution([0, 9.9, 10, 55, 100, 100])

    assert [bin.count for bin in bins] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert bins[0].label == "0–10%"
    assert bins[-1].label == "90–100%"


def test_option_counts_count_each_picked_option_most_picked_first():
    counts = option_counts(["Metternich", "Talleyrand", "Metternich", None, ["A", "B"]])

    assert counts[0] == ("Metternich", 2)
    assert (NO_ANSWER, 1) in counts
    assert ("A", 1) in counts


def test_option_counts_show_matching_pairs():
    counts = option_counts([{"Vienna": "1815"}, [["Vienna", "1815"]]])

    assert counts == [("Vienna → 1815", 2)]


def test_option_counts_keep_an_ordering_whole():
    counts = option_counts([["a", "b"], ["a", "b"], ["b", "a"]], whole_answers=True)

    assert counts == [("a · b", 2), ("b · a", 1)]


def test_key_points_most_missed_come_first():
    results = [("treaty", 0.0), ("treaty", 0.5), ("treaty", 1.0), ("waterloo", 0.0), ("map", 1.0)]

    missed = key_points_most_missed(results)

    assert [item.key for item in missed] == ["treaty", "waterloo"]
    assert missed[0].wrong == 2
    assert missed[0].wrong_percent == pytest.approx(200 / 3)


def test_the_flag_line_needs_ten_attempts_and_tightens_as_attempts_grow():
    from quizzes.statistics import flag_line

    assert flag_line(2) is None and flag_line(9) is None
    assert [round(flag_line(n)) for n in (10, 20, 30, 60)] == [-63, -44, -36, -25]


def test_a_mildly_negative_question_among_twenty_attempts_is_not_flagged():
    from quizzes.statistics import QuestionStatistics

    mild = QuestionStatistics(1, 20, facility=50.0, standard_deviation=50.0, discrimination=-30.0)
    strong = QuestionStatistics(2, 20, facility=50.0, standard_deviation=50.0, discrimination=-60.0)

    assert mild.has_negative_discrimination and not mild.is_flagged
    assert strong.is_flagged

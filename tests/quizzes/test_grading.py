import pytest

from quizzes.grading import NO_GRADE_BAND, assignment_grade, score_band
from quizzes.models import GradingMethod

ATTEMPTS = [40.0, 90.0, 65.0]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (GradingMethod.HIGHEST, 90.0),
        (GradingMethod.AVERAGE, 65.0),
        (GradingMethod.FIRST, 40.0),
        (GradingMethod.LAST, 65.0),
    ],
)
def test_grade_follows_the_quiz_grading_method(method, expected):
    assert assignment_grade(ATTEMPTS, method) == pytest.approx(expected)


def test_no_attempts_means_no_grade():
    assert assignment_grade([], GradingMethod.HIGHEST) is None


def test_ungraded_attempts_are_left_out_of_the_grade():
    assert assignment_grade([None, 50.0, None, 70.0], GradingMethod.AVERAGE) == 60.0


def test_unknown_grading_method_is_refused():
    with pytest.raises(ValueError):
        assignment_grade([50.0], "median")


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (100.0, "high"),
        (80.0, "high"),
        (79.9, "middle"),
        (50.0, "middle"),
        (49.9, "low"),
        (0, "low"),
    ],
)
def test_grades_fall_in_coloured_bands(percent, band):
    assert score_band(percent).name == band


def test_no_grade_has_no_colour():
    assert score_band(None) is NO_GRADE_BAND
    assert NO_GRADE_BAND.css == ""

"""A student's grade for an assignment, and the score bands the gradebook colours by.

Pure functions: no database, no request. Percents run from 0 to 100.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from quizzes.models.attempts import GradingMethod


@dataclass(frozen=True)
class ScoreBand:
    """A range of grades shown in one colour: `css` is a Bootstrap background class."""

    name: str
    label: str
    lowest: float
    css: str


# Highest band first; a grade belongs to the first band whose lowest bound it reaches.
SCORE_BANDS = (
    ScoreBand("high", "80% or more", 80.0, "bg-success-subtle"),
    ScoreBand("middle", "50% to 79%", 50.0, "bg-warning-subtle"),
    ScoreBand("low", "Under 50%", 0.0, "bg-danger-subtle"),
)
NO_GRADE_BAND = ScoreBand("none", "Not graded", 0.0, "")


GRADE_PICKERS = {
    GradingMethod.HIGHEST.value: max,
    GradingMethod.AVERAGE.value: lambda graded: sum(graded) / len(graded),
    GradingMethod.FIRST.value: lambda graded: graded[0],
    GradingMethod.LAST.value: lambda graded: graded[-1],
}


def assignment_grade(percents: Sequence[float | None], method: str) -> float | None:
    """The grade for one assignment from the student's submitted attempts' percents, oldest
    first, by the quiz's grading method; None when nothing has been graded."""
    pick = GRADE_PICKERS.get(str(method))
    if pick is None:
        raise ValueError(f"unknown grading method: {method!r}")
    graded = [percent for percent in percents if percent is not None]
    return pick(graded) if graded else None


def score_band(percent: float | None) -> ScoreBand:
    """The band a grade falls in, for colouring a gradebook cell."""
    if percent is None:
        return NO_GRADE_BAND
    for band in SCORE_BANDS:
        if percent >= band.lowest:
            return band
    return SCORE_BANDS[-1]

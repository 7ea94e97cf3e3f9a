"""Quiz statistics for one assignment, as Moodle's quiz statistics report defines them.

Pure functions: no database, no request. Every item's mark runs from 0 to 1 (partial
credit in between); an attempt's total T is the sum of its items' marks.

- Facility index F_i = 100 (mean(x_i) - x_i(min)) / (x_i(max) - x_i(min)): the average
  mark on the question as a percentage of its range.
- Standard deviation SD_i = 100 sqrt(V(x_i)) / (x_i(max) - x_i(min)).
- Discrimination index D_i = 100 r(x_i, X_i), where X_i = T - x_i is the score on the rest
  of the test and r = C(x_i, X_i) / sqrt(V(x_i) V(X_i)), with sample variances and
  covariance (divided by S - 1). A negative D_i means students who did worse on the rest
  of the quiz did better on this question: often a faulty question.

As in Moodle, a question no attempt varied on (everyone right, or everyone wrong) has no
discrimination index, and items a student left blank count as a mark of 0.

Flags. D_i is a correlation, and a correlation from few attempts is mostly chance: from 2
attempts it is always +100% or -100%. A question is flagged only when at least
MIN_ATTEMPTS_TO_FLAG attempts contained it and D_i is below what chance alone gives 95% of
the time for that many attempts, by Fisher's z-transformation: atanh(r) is close to normal
with a standard error of 1 / sqrt(n - 3), so the line is r = tanh(-1.96 / sqrt(n - 3)):
-63% for 10 attempts, -44% for 20, -36% for 30, -25% for 60.
"""

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

ITEM_MINIMUM = 0.0
ITEM_MAXIMUM = 1.0
NO_ANSWER = "(no answer)"
# Below this, even the flag line (-63%) is crossed by chance too easily to be worth a word.
MIN_ATTEMPTS_TO_FLAG = 10
CHANCE_Z = 1.96  # two-sided 95%


def flag_line(attempt_count: int) -> float | None:
    """The discrimination index (in %) below which a question is flagged for this many
    attempts, or None when there are too few attempts to flag anything."""
    if attempt_count < MIN_ATTEMPTS_TO_FLAG:
        return None
    return 100 * math.tanh(-CHANCE_Z / math.sqrt(attempt_count - 3))


@dataclass(frozen=True)
class QuestionStatistics:
    question_id: int
    attempt_count: int
    facility: float | None
    standard_deviation: float | None
    discrimination: float | None

    @property
    def has_negative_discrimination(self) -> bool:
        return self.discrimination is not None and self.discrimination < 0

    @property
    def flag_line(self) -> float | None:
        return flag_line(self.attempt_count)

    @property
    def is_flagged(self) -> bool:
        """Negative by more than chance would give with this many attempts."""
        line = self.flag_line
        return line is not None and self.discrimination is not None and self.discrimination < line

    @property
    def too_few_to_flag(self) -> bool:
        return self.attempt_count < MIN_ATTEMPTS_TO_FLAG


@dataclass(frozen=True)
class DistributionBin:
    label: str
    lowest: float
    highest: float
    count: int


@dataclass(frozen=True)
class KeyPointMisses:
    key: Hashable
    answered: int
    wrong: int

    @property
    def wrong_percent(self) -> float:
        return 100 * self.wrong / self.answered if self.answered else 0.0


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _sample_covariance(xs: Sequence[float], ys: Sequence[float]) -> float:
    mean_x, mean_y = _mean(xs), _mean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def facility_index(
    marks: Sequence[float], minimum: float = ITEM_MINIMUM, maximum: float = ITEM_MAXIMUM
) -> float | None:
    """Moodle's facility index: the mean mark as a percentage of the item's range."""
    if not marks or maximum <= minimum:
        return None
    return 100 * (_mean(marks) - minimum) / (maximum - minimum)


def standard_deviation(
    marks: Sequence[float], minimum: float = ITEM_MINIMUM, maximum: float = ITEM_MAXIMUM
) -> float | None:
    """Moodle's item standard deviation, as a percentage of the item's range."""
    if len(marks) < 2 or maximum <= minimum:
        return None
    return 100 * math.sqrt(_sample_covariance(marks, marks)) / (maximum - minimum)


def discrimination_index(marks: Sequence[float], rest_scores: Sequence[float]) -> float | None:
    """Moodle's discrimination index: 100 times the correlation between the marks on one
    item and the same attempts' scores on the rest of the test; None when undefined."""
    if len(marks) != len(rest_scores):
        raise ValueError("each mark needs the same attempt's rest-of-test score")
    if len(marks) < 2:
        return None
    variance_item = _sample_covariance(marks, marks)
    variance_rest = _sample_covariance(rest_scores, rest_scores)
    if variance_item <= 0 or variance_rest <= 0:
        return None
    correlation = _sample_covariance(marks, rest_scores) / math.sqrt(variance_item * variance_rest)
    # Rounding can push a perfect correlation a hair past 1.
    return 100 * max(-1.0, min(1.0, correlation))


def question_statistics(attempts: Iterable[Mapping[int, float]]) -> list[QuestionStatistics]:
    """Facility, spread and discrimination for every question met in the attempts.

    Each attempt maps the question ids it contained (its own draw, for random quizzes) to
    the marks earned. A question's statistics use only the attempts that contained it.
    """
    marks_by_question: dict[int, list[float]] = {}
    rest_by_question: dict[int, list[float]] = {}
    for attempt in attempts:
        total = sum(attempt.values())
        for question_id, mark in attempt.items():
            marks_by_question.setdefault(question_id, []).append(mark)
            rest_by_question.setdefault(question_id, []).append(total - mark)
    return [
        QuestionStatistics(
            question_id=question_id,
            attempt_count=len(marks),
            facility=facility_index(marks),
            standard_deviation=standard_deviation(marks),
            discrimination=discrimination_index(marks, rest_by_question[question_id]),
        )
        for question_id, marks in marks_by_question.items()
    ]


def score_distribution(percents: Iterable[float], bin_count: int = 10) -> list[DistributionBin]:
    """How many grades fall in each equal band from 0% to 100% (100% joins the top band)."""
    width = 100 / bin_count
    counts = [0] * bin_count
    for percent in percents:
        index = min(bin_count - 1, max(0, int(percent // width)))
        counts[index] += 1
    bins = []
    for index, count in enumerate(counts):
        lowest, highest = index * width, (index + 1) * width
        label = f"{lowest:g}–{highest:g}%"
        bins.append(DistributionBin(label=label, lowest=lowest, highest=highest, count=count))
    return bins


def answer_labels(given: Any) -> list[str]:
    """The choices one answer stands for: each option of a multiple response, each pair of
    a matching, the whole sequence of an ordering."""
    if given is None or given == "" or given == [] or given == {}:
        return [NO_ANSWER]
    if isinstance(given, Mapping):
        return [f"{left} → {right}" for left, right in given.items()]
    if isinstance(given, list | tuple):
        if all(isinstance(item, list | tuple) and len(item) == 2 for item in given):
            return [f"{left} → {right}" for left, right in given]
        return [str(item) for item in given]
    return [str(given)]


def option_counts(givens: Iterable[Any], *, whole_answers: bool = False) -> list[tuple[str, int]]:
    """How often each option was picked, most picked first. With `whole_answers`, count each
    answer as one (for orderings, where the sequence matters)."""
    counts: Counter[str] = Counter()
    for given in givens:
        labels = answer_labels(given)
        if whole_answers and labels != [NO_ANSWER]:
            counts[" · ".join(labels)] += 1
        else:
            counts.update(labels)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def key_points_most_missed(
    results: Iterable[tuple[Hashable, float]], *, limit: int = 5
) -> list[KeyPointMisses]:
    """The key points with the most answers not fully right, from (key point, mark) pairs."""
    answered: Counter[Hashable] = Counter()
    wrong: Counter[Hashable] = Counter()
    for key, mark in results:
        answered[key] += 1
        if mark < ITEM_MAXIMUM:
            wrong[key] += 1
    missed = [
        KeyPointMisses(key=key, answered=answered[key], wrong=wrong[key])
        for key in answered
        if wrong[key]
    ]
    missed.sort(key=lambda item: (-item.wrong, -item.wrong_percent))
    return missed[:limit]

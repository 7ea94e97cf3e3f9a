"""Reads for an assignment's statistics page: Moodle's per-question statistics, the score
distribution, the options students picked and the key points most often got wrong.
Five queries whatever the class size."""

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean, median
from typing import Any

from quizzes.grading import assignment_grade
from quizzes.models import Answer, Assignment, Attempt, Question, QuestionKind
from quizzes.statistics import (
    MIN_ATTEMPTS_TO_FLAG,
    DistributionBin,
    KeyPointMisses,
    QuestionStatistics,
    flag_line,
    key_points_most_missed,
    option_counts,
    question_statistics,
    score_distribution,
)

# Kinds whose options are worth listing even when nobody picked them.
LISTED_OPTION_KINDS = (QuestionKind.MULTIPLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE)


@dataclass
class OptionCount:
    label: str
    count: int
    is_right: bool


@dataclass
class QuestionReport:
    question: Question
    statistics: QuestionStatistics
    options: list[OptionCount]

    @property
    def bank_url(self) -> str:
        """Where the teacher edits this question in its lesson's bank."""
        return f"/lessons/{self.question.lesson.slug}/bank/#q-{self.question.pk}"


@dataclass
class KeyPointReport:
    key_point: Any
    misses: KeyPointMisses


@dataclass
class AssignmentStatistics:
    assignment: Assignment
    include_all_attempts: bool
    attempt_count: int
    student_count: int
    distribution: list[DistributionBin]
    questions: list[QuestionReport]
    key_points: list[KeyPointReport]
    average_grade: float | None = None
    median_grade: float | None = None

    @property
    def min_attempts_to_flag(self) -> int:
        return MIN_ATTEMPTS_TO_FLAG

    @property
    def flag_examples(self) -> list[tuple[int, float]]:
        """The flag line for a few class sizes, for the page's explanation."""
        return [(count, flag_line(count)) for count in (10, 20, 30, 60)]

    @property
    def flagged_count(self) -> int:
        return sum(report.statistics.is_flagged for report in self.questions)


def _right_labels(question: Question) -> set[str]:
    answer = question.answer
    if isinstance(answer, list):
        return {str(item) for item in answer}
    return {str(answer)}


def _options(question: Question, givens: list[Any]) -> list[OptionCount]:
    whole = question.kind == QuestionKind.ORDERING
    counted = dict(option_counts(givens, whole_answers=whole))
    right = _right_labels(question)
    if whole:
        right = {" · ".join(str(item) for item in question.answer or [])}
    elif question.kind == QuestionKind.MATCHING:
        right = {f"{left} → {target}" for left, target in question.answer or []}
    elif question.kind == QuestionKind.TRUE_FALSE:
        for label in ("true", "false"):
            counted.setdefault(label, 0)
    if question.kind in LISTED_OPTION_KINDS:
        for choice in question.choices or []:
            counted.setdefault(str(choice), 0)
    options = [
        OptionCount(label=label, count=count, is_right=label in right)
        for label, count in counted.items()
    ]
    options.sort(key=lambda option: (-option.count, option.label))
    return options


def assignment_statistics(
    *, assignment: Assignment, include_all_attempts: bool = False
) -> AssignmentStatistics:
    """Statistics of a quiz assignment. As Moodle does by default, item analysis uses each
    student's first submitted attempt; `include_all_attempts` treats every attempt as if
    by a different student. The score distribution shows each student's grade."""
    submitted = list(
        Attempt.objects.filter(assignment=assignment)
        .submitted()
        .order_by("student_id", "number")
        .values("pk", "student_id", "number", "score", "max_score", "question_ids")
    )
    percents_by_student: dict[int, list[float | None]] = defaultdict(list)
    analysed: list[dict] = []
    for row in submitted:
        percent = 100 * row["score"] / row["max_score"] if row["max_score"] else None
        if include_all_attempts or not percents_by_student[row["student_id"]]:
            analysed.append(row)
        percents_by_student[row["student_id"]].append(percent)
    method = assignment.quiz.grading_method
    grades = [assignment_grade(percents, method) for percents in percents_by_student.values()]
    grades = [grade for grade in grades if grade is not None]

    answers: dict[int, dict[int, dict]] = defaultdict(dict)
    for row in Answer.objects.filter(attempt_id__in=[row["pk"] for row in analysed]).values(
        "attempt_id", "question_id", "given", "mark", "override_mark"
    ):
        answers[row["attempt_id"]][row["question_id"]] = row

    marks_per_attempt: list[dict[int, float]] = []
    givens: dict[int, list[Any]] = defaultdict(list)
    for attempt in analysed:
        question_ids = list(attempt["question_ids"] or []) or list(answers[attempt["pk"]])
        marks: dict[int, float] = {}
        for question_id in question_ids:
            answer = answers[attempt["pk"]].get(question_id)
            mark = None
            if answer is not None:
                mark = (
                    answer["override_mark"]
                    if answer["override_mark"] is not None
                    else answer["mark"]
                )
            marks[question_id] = float(mark or 0.0)
            givens[question_id].append(answer["given"] if answer else None)
        marks_per_attempt.append(marks)

    by_question = {item.question_id: item for item in question_statistics(marks_per_attempt)}
    questions = {
        question.pk: question
        for question in Question.objects.filter(pk__in=by_question).select_related(
            "lesson", "key_point__lesson"
        )
    }
    order = {question_id: index for index, question_id in enumerate(_quiz_order(analysed))}
    reports = [
        QuestionReport(
            question=questions[question_id],
            statistics=item,
            options=_options(questions[question_id], givens[question_id]),
        )
        for question_id, item in by_question.items()
        if question_id in questions
    ]
    reports.sort(key=lambda report: (order.get(report.question.pk, 0), report.question.pk))

    key_points = {
        question.key_point_id: question.key_point
        for question in questions.values()
        if question.key_point_id
    }
    missed = key_points_most_missed(
        (questions[question_id].key_point_id, mark)
        for marks in marks_per_attempt
        for question_id, mark in marks.items()
        if question_id in questions and questions[question_id].key_point_id
    )
    return AssignmentStatistics(
        assignment=assignment,
        include_all_attempts=include_all_attempts,
        attempt_count=len(analysed),
        student_count=len(percents_by_student),
        distribution=score_distribution(grades),
        average_grade=fmean(grades) if grades else None,
        median_grade=median(grades) if grades else None,
        questions=reports,
        key_points=[KeyPointReport(key_points[item.key], item) for item in missed],
    )


def _quiz_order(attempts: list[dict]) -> list[int]:
    """Questions in the order students most often met them: first seen, first listed."""
    seen: dict[int, None] = {}
    for attempt in attempts:
        for question_id in attempt["question_ids"] or []:
            seen.setdefault(question_id, None)
    return list(seen)

"""Practice mode: an ungraded round of a lesson's questions, one at a time.

A round lives in the student's session, never in Attempt/Answer, so practice never
reaches the gradebook. Wrong answers queue the related flashcards for study.
"""

import random
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from lessons.models import Lesson
from quizzes.models import Question, QuestionKind
from quizzes.scoring import score_answer
from quizzes.selectors.release import withheld_questions
from quizzes.services.study import study_queue_mistakes

ROUND_SIZE = 10


def practice_questions(*, lesson: Lesson, student=None) -> QuerySet[Question]:
    """The lesson's questions a person approved (or edited) and the generated ones the
    ranker marked ready, never one that needs review; never one of the student's quizzes
    whose answers they may not see yet."""
    bank = Question.objects.in_bank().for_lesson(lesson)
    if student is not None and student.is_authenticated:
        bank = bank.exclude(pk__in=withheld_questions(student=student))
    return bank.ready_or_approved()


def practice_questions_left(*, student, ids) -> QuerySet[Question]:
    """Of a round's questions, those it may still ask the student."""
    left = Question.objects.usable().filter(pk__in=ids)
    if student.is_authenticated:
        left = left.exclude(pk__in=withheld_questions(student=student))
    return left


def practice_new_round(*, lesson: Lesson, student=None, size: int = ROUND_SIZE) -> dict[str, Any]:
    """A fresh round: up to `size` of the lesson's practice questions in random order."""
    ids = list(practice_questions(lesson=lesson, student=student).values_list("pk", flat=True))
    chosen = random.sample(ids, k=min(size, len(ids)))
    return {"lesson": lesson.pk, "questions": chosen, "index": 0, "marks": {}, "given": {}}


def practice_current_id(round_: dict[str, Any]) -> int | None:
    """The question the round is on, or None when the round is over."""
    index = round_["index"]
    return round_["questions"][index] if index < len(round_["questions"]) else None


def practice_is_answered(round_: dict[str, Any], question_id: int) -> bool:
    """Whether the student has answered this question in the round."""
    return str(question_id) in round_["marks"]


def practice_answer(*, student, round_: dict[str, Any], question: Question, given: Any) -> float:
    """Mark the answer with the quiz marker, remember it in the round and, when it is not
    fully right, make the question's flashcards due for the student. Returns the mark."""
    mark = score_answer(question, given)
    round_["marks"][str(question.pk)] = mark
    round_["given"][str(question.pk)] = given
    if mark < 1 and student.is_authenticated:
        study_queue_mistakes(student=student, questions=[question])
    return mark


def practice_advance(round_: dict[str, Any]) -> None:
    """Move past the current question once it has been answered."""
    current = practice_current_id(round_)
    if current is not None and practice_is_answered(round_, current):
        round_["index"] += 1


def practice_skip_missing(round_: dict[str, Any], existing_ids: set[int]) -> None:
    """Step over questions deleted since the round began."""
    while (current := practice_current_id(round_)) is not None and current not in existing_ids:
        round_["index"] += 1


@dataclass(frozen=True)
class PracticeScore:
    right: float
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


def practice_score(round_: dict[str, Any]) -> PracticeScore:
    """Marks so far in the round."""
    marks = round_["marks"].values()
    return PracticeScore(right=sum(marks), answered=len(marks), total=len(round_["questions"]))


def answer_key_lines(question: Question) -> list[str]:
    """The right answer as lines of text, for feedback once the student has answered."""
    answer = question.answer
    if question.kind == QuestionKind.TRUE_FALSE:
        return ["True" if str(answer).lower() == "true" else "False"]
    if question.kind == QuestionKind.MATCHING:
        return [f"{pair[0]} → {pair[1]}" for pair in answer or [] if len(pair) == 2]
    if question.kind == QuestionKind.ORDERING:
        return [f"{position}. {item}" for position, item in enumerate(answer or [], start=1)]
    if isinstance(answer, list):
        return [str(item) for item in answer]
    return [str(answer)]


def given_lines(question: Question, given: Any) -> list[str]:
    """The student's own answer as lines of text."""
    if given in (None, "", []):
        return ["(no answer)"]
    if question.kind == QuestionKind.TRUE_FALSE:
        return ["True" if str(given).lower() == "true" else "False"]
    if question.kind == QuestionKind.MATCHING:
        return [f"{pair[0]} → {pair[1]}" for pair in given if len(pair) == 2]
    if question.kind == QuestionKind.ORDERING:
        return [f"{position}. {item}" for position, item in enumerate(given, start=1)]
    if isinstance(given, list):
        return [str(item) for item in given]
    return [str(given)]

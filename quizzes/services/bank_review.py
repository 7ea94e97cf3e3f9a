"""Review of a lesson's bank by a person: approve, reject, edit and add questions and cards.

A person's decision is final for the generator: every write here leaves the item in a
reviewed status (approved, edited or rejected), which regeneration never overwrites. Every
write records who made it. Who may make them is the caller's check
(lessons.models.lesson_can_change); a question's key changes only through question_revise.
"""

from django.db import transaction

from lessons.models import Lesson
from quizzes.models import Flashcard, Question, QuestionKind, QuestionStatus
from quizzes.services.versions import question_revise

# The statuses a reviewer may set with a button; "edited" comes from editing itself.
REVIEW_DECISIONS = (QuestionStatus.APPROVED, QuestionStatus.REJECTED)


def bank_item_review(*, item: Question | Flashcard, status: str, by=None) -> Question | Flashcard:
    """Approve or reject a question or a flashcard (a status, never its key)."""
    if status not in REVIEW_DECISIONS:
        raise ValueError(f"a reviewer cannot set the status {status!r}")
    item.status = status
    item.updated_by = by
    item.save(update_fields=["status", "updated_by", "updated_at"])
    return item


@transaction.atomic
def bank_items_review(
    *, items: list[Question | Flashcard], status: str, by=None
) -> list[Question | Flashcard]:
    """Approve or reject several items at once: each as bank_item_review would, all or
    none."""
    return [bank_item_review(item=item, status=status, by=by) for item in items]


def question_approve(*, question: Question, by=None) -> Question:
    """Mark a question fit for quizzes as it stands."""
    return bank_item_review(item=question, status=QuestionStatus.APPROVED, by=by)


def question_reject(*, question: Question, by=None) -> Question:
    """Keep a question out of quizzes and exports (JSON keeps it, with its status)."""
    return bank_item_review(item=question, status=QuestionStatus.REJECTED, by=by)


def question_edit(
    *,
    question: Question,
    prompt: str,
    choices: list[str],
    answer: str | list,
    accepted: list[str],
    explanation: str = "",
    by=None,
) -> Question:
    """Save a reviewer's changes to a question; it becomes "edited", as a new version if a
    quiz or an attempt used it. Returns the question as it now stands."""
    return question_revise(
        question=question,
        by=by,
        prompt=prompt,
        choices=choices,
        answer=answer,
        accepted=accepted,
        explanation=explanation,
    )


@transaction.atomic
def question_add(
    *,
    lesson: Lesson,
    kind: str,
    prompt: str,
    choices: list[str],
    answer: str | list,
    accepted: list[str],
    explanation: str = "",
    created_by=None,
    rule: str = "",
    status: str = QuestionStatus.APPROVED,
) -> Question:
    """Add a question written by a person; it counts as approved, since a person wrote it."""
    if kind not in QuestionKind.values:
        raise ValueError(f"unknown question kind {kind!r}")
    return Question.objects.create(
        lesson=lesson,
        kind=kind,
        prompt=prompt,
        choices=choices,
        answer=answer,
        accepted=accepted,
        explanation=explanation,
        created_by=created_by,
        updated_by=created_by,
        rule=rule,
        status=status,
    )


def flashcard_edit(*, flashcard: Flashcard, front: str, back: str, by=None) -> Flashcard:
    """Save a reviewer's changes to a flashcard; its status becomes "edited". A card has no
    marks, so it changes in place: students' schedules for it go on."""
    flashcard.front = front
    flashcard.back = back
    flashcard.status = QuestionStatus.EDITED
    flashcard.updated_by = by
    flashcard.save()
    return flashcard


def flashcard_add(*, lesson: Lesson, front: str, back: str, created_by=None) -> Flashcard:
    """Add a flashcard written by a person, approved from the start."""
    return Flashcard.objects.create(
        lesson=lesson,
        front=front,
        back=back,
        created_by=created_by,
        updated_by=created_by,
        status=QuestionStatus.APPROVED,
    )

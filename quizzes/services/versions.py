"""Question versions, as Moodle's bank keeps them since 4.0.

`question_revise` is the one writer of a question's key: a question no quiz lists and no
attempt has drawn is changed in place; any other gets a new version, so every answer keeps
the version its student saw, and quizzes (and so new attempts) move to the new one.
Finished attempts are marked again with a new version only when a teacher chooses to, after
a preview of what would change (`question_remark_preview`, then `question_remark`).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q

from lessons.models import lesson_can_change
from quizzes.models import (
    Answer,
    Attempt,
    LiveAnswer,
    LiveGame,
    Question,
    QuestionKind,
    QuestionStatus,
    QuizQuestion,
)
from quizzes.models.bank import QUESTION_KEY_FIELDS, question_family_id
from quizzes.scoring import score_answer

# Fields a revision may set besides the key: where the question came from and how the
# ranker sees it. Changing only these never needs a new version.
QUESTION_OTHER_FIELDS = (
    "rule",
    "source_sentence_id",
    "source_text",
    "key_point_id",
    "ready",
    "confidence",
    "reason",
)
CHANGED_MEANWHILE = (
    "This question was changed by someone else since you opened it: reload the bank and "
    "make your change again."
)
ACCEPTABLE_KINDS = (QuestionKind.FILL_BLANK, QuestionKind.SHORT_ANSWER)


def questions_in_use(question_ids) -> set[int]:
    """Of these question ids, those a quiz lists, an attempt has drawn or answered, or a
    live game is playing or was answered in."""
    ids = set(question_ids)
    if not ids:
        return set()
    used = set(
        QuizQuestion.objects.filter(question_id__in=ids).values_list("question_id", flat=True)
    )
    used |= set(Answer.objects.filter(question_id__in=ids).values_list("question_id", flat=True))
    # An open attempt may hold a drawn question it has no answer row for yet; open attempts
    # are few (finished ones have a row for every question they drew).
    for drawn in Attempt.objects.in_progress().values_list("question_ids", flat=True).iterator():
        used |= ids.intersection(drawn)
    used |= set(
        LiveAnswer.objects.filter(question_id__in=ids).values_list("question_id", flat=True)
    )
    # Running games are few too; an ended one keeps the versions its answers point at.
    for playing in LiveGame.objects.running().values_list("question_ids", flat=True).iterator():
        used |= ids.intersection(playing)
    return used


def _new_version(locked: Question, *, fields: dict, by, status: str) -> Question:
    family_id = question_family_id(locked)
    latest = Question.objects.filter(Q(pk=family_id) | Q(family_id=family_id)).aggregate(
        number=Max("version")
    )["number"]
    # The old version stops being current first: one current version per question.
    Question.objects.filter(pk=locked.pk).update(is_current=False)
    new = Question.objects.get(pk=locked.pk)
    new.pk = None
    new._state.adding = True
    for name, value in fields.items():
        setattr(new, name, value)
    new.family_id = family_id
    new.version = (latest or 1) + 1
    new.is_current = True
    new.status = status
    new.updated_by = by
    new.save()
    # The quizzes that list the question ask the new version from now on.
    QuizQuestion.objects.filter(question=locked).update(question=new)
    return new


@transaction.atomic
def question_revise(
    *, question: Question, by, status: str = QuestionStatus.EDITED, **fields
) -> Question:
    """Change a question's key or wording; returns the question as it now stands (a new
    version when a quiz or an attempt used the old one). `by` is None for the generator."""
    unknown = set(fields) - set(QUESTION_KEY_FIELDS) - set(QUESTION_OTHER_FIELDS)
    if unknown:
        raise TypeError(f"question_revise cannot set {sorted(unknown)}")
    # Lock the row: two people saving the same question at once make one version each,
    # the second on top of the first, never two branches.
    # FOR NO KEY UPDATE: students saving answers that point at the row never wait on it.
    locked = Question.objects.select_for_update(no_key=True).get(pk=question.pk)
    if not locked.is_current:
        raise ValidationError(CHANGED_MEANWHILE, code="changed_meanwhile")
    changed = {name: value for name, value in fields.items() if getattr(locked, name) != value}
    key_changed = any(name in QUESTION_KEY_FIELDS for name in changed)
    if key_changed and locked.pk in questions_in_use([locked.pk]):
        return _new_version(locked, fields=changed, by=by, status=status)
    for name, value in changed.items():
        setattr(locked, name, value)
    locked.status = status
    locked.updated_by = by
    locked.save()
    return locked


@dataclass(frozen=True)
class RemarkRow:
    """One finished attempt's answer to an earlier version, and what marking it with the
    new version would change."""

    answer: Answer
    old_mark: float
    new_mark: float
    old_score: float
    new_score: float

    @property
    def attempt(self) -> Attempt:
        return self.answer.attempt

    @property
    def changes(self) -> bool:
        return self.old_mark != self.new_mark


def _final(answer: Answer, mark: float | None) -> float:
    return answer.override_mark if answer.override_mark is not None else (mark or 0.0)


def question_remark_preview(*, question: Question, by) -> list[RemarkRow]:
    """Finished attempts the teacher may mark that answered an earlier version of this
    question, each with its mark and score now and under this version (overrides stay)."""
    answers = (
        Answer.objects.filter(
            question__in=Question.objects.of_families([question]).exclude(pk=question.pk),
            attempt__in=Attempt.objects.for_teacher(by).submitted(),
        )
        .select_related(
            "question",
            "attempt__student",
            "attempt__assignment__classroom",
            "attempt__assignment__quiz",
        )
        .order_by("attempt__assignment__classroom__name", "attempt__student__last_name", "pk")
    )
    rows = []
    for answer in answers:
        new_mark = score_answer(question, answer.given)
        old_final, new_final = _final(answer, answer.mark), _final(answer, new_mark)
        old_score = answer.attempt.score or 0.0
        rows.append(
            RemarkRow(
                answer=answer,
                old_mark=old_final,
                new_mark=new_final,
                old_score=old_score,
                new_score=old_score - old_final + new_final,
            )
        )
    return rows


@transaction.atomic
def question_remark(*, question: Question, by) -> int:
    """Move the finished attempts the preview lists onto this version and mark them with it;
    returns how many attempts changed score or key. Teachers' overrides stay."""
    if not question.is_current:
        raise ValidationError("Mark attempts again with the latest version of the question.")
    rows = question_remark_preview(question=question, by=by)
    attempts = {
        attempt.pk: attempt
        for attempt in Attempt.objects.select_for_update().filter(
            pk__in=[row.attempt.pk for row in rows]
        )
    }
    for row in rows:
        answer, attempt = row.answer, attempts[row.attempt.pk]
        old_id = answer.question_id
        answer.question = question
        answer.mark = score_answer(question, answer.given)
        answer.save(update_fields=["question", "mark", "saved_at"])
        # The attempt asks this version from now on: its review shows this version's key.
        attempt.question_ids = [question.pk if pk == old_id else pk for pk in attempt.question_ids]
        orders = dict(attempt.option_orders)
        if str(old_id) in orders:
            orders[str(question.pk)] = orders.pop(str(old_id))
        attempt.option_orders = orders
        attempt.score = (attempt.score or 0.0) - row.old_mark + row.new_mark
        attempt.save(update_fields=["question_ids", "option_orders", "score"])
    return len(rows)


def answer_acceptable(answer: Answer, question: Question, *, by) -> bool:
    """Whether "Accept this answer" applies: a typed answer marked wrong, to a question of a
    lesson the teacher may change (`question` is the answer's, already loaded)."""
    return (
        question.kind in ACCEPTABLE_KINDS
        and bool(str(answer.given or "").strip())
        and (answer.final_mark or 0.0) < 1.0
        and lesson_can_change(by, question.lesson)
    )


def answer_accept(*, answer: Answer, by) -> Question:
    """ "Accept this answer": a new version of the question that takes the student's typed
    answer as right too. Marking attempts again is the teacher's next choice."""
    question = answer.question
    if question.kind not in ACCEPTABLE_KINDS:
        raise ValidationError("Only typed answers (fill in the blank, short answer) are accepted.")
    if not lesson_can_change(by, question.lesson):
        raise PermissionDenied("Only the lesson's owner or an admin changes its questions.")
    given = str(answer.given or "").strip()
    if not given:
        raise ValidationError("There is no answer to accept.")
    latest = Question.objects.of_families([question]).filter(is_current=True).first() or question
    if score_answer(latest, given) == 1.0:
        return latest
    return question_revise(question=latest, by=by, accepted=[*latest.accepted, given])

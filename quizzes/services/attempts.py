"""Taking a quiz: starting an attempt, saving answers as they are given, submitting, grading
and a teacher's overrides. Every write locks the attempt row, so double clicks, two tabs and
an autosave racing a submission each end in one clear outcome."""

import random
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import IntegrityError, router, transaction
from django.db.models import Count, F, FilteredRelation, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from history_quiz.accounts.models import User
from quizzes.answers import clean_given
from quizzes.drawing import draw_item, draw_spread
from quizzes.models import (
    Answer,
    AnswerVisibility,
    Assignment,
    Attempt,
    Question,
    SelectionMode,
)
from quizzes.scoring import score_answer
from quizzes.selectors.classes import due_for_student
from quizzes.services.quizzes import quiz_question_pool
from quizzes.services.study import study_queue_mistakes

SUBMITTED_MESSAGE = "This attempt was already submitted, so this answer was not saved."
TIME_UP_MESSAGE = (
    "Time ran out: this answer was not saved. Your attempt was submitted with the answers "
    "saved before the deadline."
)
LOCKED_MESSAGE = "You already checked this answer, so it cannot be changed."


class AttemptClosed(ValidationError):
    """The attempt no longer takes answers (submitted, or past its deadline)."""


class QuestionNotInAttempt(ValidationError):
    """The question id is not one of this attempt's questions."""


@dataclass(frozen=True)
class SavedAnswer:
    answer: Answer
    answered_count: int
    total: int
    checked: bool


def assignment_start_problem(*, assignment: Assignment, student, now=None) -> str | None:
    """Why this student cannot start a new attempt now, or None if they can."""
    now = now or timezone.now()
    quiz = assignment.quiz
    if quiz is None:
        return "This assignment is a lesson to read, not a quiz."
    enrolled = Assignment.objects.for_student(student).filter(pk=assignment.pk).exists()
    if not enrolled:
        return "You are not in this class."
    if quiz.opens_at and now < quiz.opens_at:
        return "This quiz is not open yet."
    if quiz.closes_at and now >= quiz.closes_at:
        return "This quiz is closed."
    if quiz.answers_visible == AnswerVisibility.AFTER_DUE:
        # Its answers come out after the due date: no attempt starts after the student's.
        due = due_for_student(assignment=assignment, student=student)
        if due is not None and now > due:
            return "The due date has passed and the answers come out now, so this quiz is closed."
    if quiz.selection_mode == SelectionMode.RANDOM:
        pool = quiz_question_pool(owner=quiz.owner, lessons=quiz.lessons.all())
        has_questions = pool.ready_or_approved().exists()
    else:
        has_questions = quiz.quiz_questions.exists()
    if not has_questions:
        return "This quiz has no questions yet."
    if quiz.attempts_allowed:
        used = Attempt.objects.filter(assignment=assignment, student=student).count()
        if used >= quiz.attempts_allowed:
            return "You have used all your attempts at this quiz."
    return None


def _draw(*, assignment: Assignment, rng: random.Random) -> tuple[list[int], dict[str, list]]:
    quiz = assignment.quiz
    if quiz.selection_mode == SelectionMode.RANDOM:
        rows = (
            quiz_question_pool(owner=quiz.owner, lessons=quiz.lessons.all())
            .ready_or_approved()
            .order_by("pk")
            .values("pk", "source_text", "prompt", "choices", "answer", "kind")
        )
        question_ids = draw_spread([draw_item(row) for row in rows], quiz.random_count or 0, rng)
    else:
        question_ids = list(
            quiz.quiz_questions.order_by("position").values_list("question_id", flat=True)
        )
        if quiz.shuffle_questions:
            rng.shuffle(question_ids)
    option_orders: dict[str, list[int]] = {}
    sizes = dict(Question.objects.filter(pk__in=question_ids).values_list("pk", "choices"))
    for question_id in question_ids:
        order = list(range(len(sizes.get(question_id) or [])))
        if quiz.shuffle_options:
            rng.shuffle(order)
        option_orders[str(question_id)] = order
    return question_ids, option_orders


def _open_attempt(*, assignment: Assignment, student) -> Attempt | None:
    return Attempt.objects.in_progress().filter(assignment=assignment, student=student).first()


def attempt_start(*, assignment: Assignment, student) -> Attempt:
    """Open the student's attempt at an assigned quiz, or return the one already open.

    Each attempt gets its own seeded draw and order of questions and options, fixed for good.
    """
    attempts_submit_expired(Attempt.objects.filter(assignment=assignment, student=student))
    existing = _open_attempt(assignment=assignment, student=student)
    if existing is not None:
        return existing
    problem = assignment_start_problem(assignment=assignment, student=student)
    if problem:
        # Another tab may have opened the attempt since the check above (it then counts
        # against the attempts allowed): that open attempt is the one to resume.
        existing = _open_attempt(assignment=assignment, student=student)
        if existing is not None:
            return existing
        raise ValidationError(problem)
    quiz = assignment.quiz
    rng = random.Random(secrets.randbits(64))
    question_ids, option_orders = _draw(assignment=assignment, rng=rng)
    now = timezone.now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
        deadline = quiz.closes_at
    # An "after the due date" quiz's answers come out then, so no attempt goes on past it.
    due = None
    if quiz.answers_visible == AnswerVisibility.AFTER_DUE:
        due = due_for_student(assignment=assignment, student=student)
    if due and (deadline is None or due < deadline):
        deadline = due
    previous = Attempt.objects.filter(assignment=assignment, student=student)
    number = (previous.aggregate(last=Max("number"))["last"] or 0) + 1
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                assignment=assignment,
                student=student,
                number=number,
                question_ids=question_ids,
                option_orders=option_orders,
                deadline_at=deadline,
            )
    except IntegrityError:
        # "Start" pressed twice at once: the other request opened it first.
        existing = _open_attempt(assignment=assignment, student=student)
        if existing is None:
            raise ValidationError("Your attempt could not be started; please try again.") from None
        return existing


def attempt_is_expired(attempt: Attempt, now=None) -> bool:
    """Past its server-side deadline and not yet submitted."""
    now = now or timezone.now()
    if attempt.submitted_at is not None or attempt.deadline_at is None:
        return False
    return now > attempt.deadline_at


def _locked_for_answer_queryset(*, attempt_id: int, question_id: int, student=None) -> QuerySet:
    """The attempt row, to be locked until the transaction ends, in one query with what a
    save needs: the quiz's `answers_visible`, how many of its questions have an answer, and
    this question's saved answer (`saved_id`, `saved_given`, `saved_checked_at`; None when
    there is none). Only the attempt's fields a save reads are loaded (a save is the request
    a class sends most); only the student's own attempt when `student` is given.

    The row lock is what keeps saves and the submit of one attempt in a single order:
    FOR UPDATE OF the attempt alone, since the quiz and the answers are only read."""
    answered = (
        Answer.objects.filter(attempt=OuterRef("pk"), given__isnull=False)
        .order_by()
        .values("attempt")
        .annotate(count=Count("pk"))
        .values("count")
    )
    attempts = (
        Attempt.objects.select_for_update(of=("self",))
        .only("student_id", "assignment_id", "question_ids", "deadline_at", "submitted_at")
        .annotate(
            answered_count=Coalesce(Subquery(answered), 0),
            saved=FilteredRelation("answers", condition=Q(answers__question_id=question_id)),
            answers_visible=F("assignment__quiz__answers_visible"),
        )
        .annotate(
            saved_id=F("saved__pk"),
            saved_given=F("saved__given"),
            saved_checked_at=F("saved__checked_at"),
        )
    )
    if student is not None:
        attempts = attempts.for_student(student)
    return attempts.filter(pk=attempt_id)


# Stand-ins for the three values the lock query takes, while its SQL is made once.
_STAND_INS = {"attempt": -9_130_001, "question": -9_130_002, "student": -9_130_003}


@cache
def _locked_for_answer_sql(alias: str, for_student: bool) -> tuple[str, tuple, dict[str, int]]:
    """The lock query's SQL as the ORM writes it for this database, made once: building
    and compiling it took some 1.2 ms of each save's 4 to 5 (it has a subquery, a filtered
    join and a row lock). Returns the SQL, its parameters with stand-ins, and where in the
    parameters each of the values goes."""
    student = User(pk=_STAND_INS["student"]) if for_student else None
    queryset = _locked_for_answer_queryset(
        attempt_id=_STAND_INS["attempt"], question_id=_STAND_INS["question"], student=student
    )
    sql, params = queryset.query.get_compiler(alias).as_sql()
    params = list(params)
    names = ["attempt", "question"] + (["student"] if for_student else [])
    if any(params.count(_STAND_INS[name]) != 1 for name in names):
        # Each value must have exactly one place, or a save could lock the wrong row.
        raise ImproperlyConfigured(f"The lock query's parameters are not as expected: {params}")
    return sql, tuple(params), {name: params.index(_STAND_INS[name]) for name in names}


def _attempt_locked_for_answer(*, attempt_id: int, question_id: int, student=None) -> Attempt:
    """The attempt row, locked until the transaction ends, with what a save needs (see
    `_locked_for_answer_queryset`), by the SQL the ORM made for it once. The attempt's own
    fields are converted as the ORM converts them; the annotations come as the database
    driver gives them (`saved_given` and `saved_checked_at` are only asked whether they
    are there). Raises Attempt.DoesNotExist when there is no such attempt (or it is not the
    student's)."""
    alias = router.db_for_write(Attempt)
    sql, params, slots = _locked_for_answer_sql(alias, student is not None)
    values = list(params)
    values[slots["attempt"]], values[slots["question"]] = int(attempt_id), int(question_id)
    if student is not None:
        values[slots["student"]] = int(student.pk)
    found = list(Attempt.objects.db_manager(alias).raw(sql, values))
    if not found:
        raise Attempt.DoesNotExist("No such attempt.")
    return found[0]


def _answer_write(
    *,
    attempt_id: int,
    question_id: int,
    given: Any,
    check: bool,
    question: Question | None,
    student=None,
    clean=None,
) -> SavedAnswer:
    """Save one answer under the attempt's row lock: the lock (with what the write needs to
    know), the question if the caller has not got it, and one INSERT or UPDATE."""
    expired = False
    with transaction.atomic():
        locked = _attempt_locked_for_answer(
            attempt_id=attempt_id, question_id=question_id, student=student
        )
        if locked.submitted_at is not None:
            raise AttemptClosed(SUBMITTED_MESSAGE, code="submitted")
        if question_id not in locked.question_ids:
            raise QuestionNotInAttempt("That question is not part of this attempt.")
        if attempt_is_expired(locked):
            expired = True
        else:
            if locked.saved_checked_at is not None:
                raise ValidationError(LOCKED_MESSAGE, code="locked")
            if question is None or question.pk != question_id:
                question = Question.objects.get(pk=question_id)
            if clean is not None:
                # Only now: the attempt holds this question, so its options may be told.
                given = clean(question, given)
            checked = bool(check and locked.answers_visible == AnswerVisibility.AFTER_EACH)
            if checked and given is None:
                raise ValidationError("Give an answer before checking it.", code="empty")
            answer = Answer(pk=locked.saved_id, attempt=locked, question=question, given=given)
            if checked:
                answer.mark = score_answer(question, given)
                answer.checked_at = timezone.now()
            if locked.saved_id is None:
                answer.save(force_insert=True)
            else:
                changed = ["given", "saved_at"] + (["mark", "checked_at"] if checked else [])
                answer.save(update_fields=changed)
            # The count read under the lock, moved by this one answer: no other write to
            # this attempt's answers can come between.
            was_answered = locked.saved_id is not None and locked.saved_given is not None
            answered = locked.answered_count + (given is not None) - was_answered
    if expired:
        attempt_submit(attempt=locked)
        raise AttemptClosed(TIME_UP_MESSAGE, code="time_up")
    return SavedAnswer(answer, answered, len(locked.question_ids), checked)


def attempt_save_answer(
    *,
    attempt: Attempt,
    question_id: int,
    given: Any,
    check: bool = False,
    question: Question | None = None,
) -> SavedAnswer:
    """Save one answer as the student gives it (`given` already fits the question); `check`
    locks and marks it when the quiz shows answers after each question. Refuses after
    submission or past the deadline. Pass `question` when the caller already loaded it."""
    return _answer_write(
        attempt_id=attempt.pk, question_id=question_id, given=given, check=check, question=question
    )


def attempt_autosave(
    *, student, attempt_id: int, question_id: int, given: Any, check: bool = False
) -> SavedAnswer:
    """The take page's autosave: the student's own attempt (else Attempt.DoesNotExist) and
    the answer as posted, checked against its question once the attempt is known to hold it
    (a question of someone else's bank tells nothing of its options). Question.DoesNotExist
    if the question is gone."""
    return _answer_write(
        attempt_id=attempt_id,
        question_id=question_id,
        given=given,
        check=check,
        question=None,
        student=student,
        clean=clean_given,
    )


def _score(attempt: Attempt) -> None:
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    questions = Question.objects.in_bulk(attempt.question_ids)
    existing = list(answers.values())
    # Unanswered questions get a row too, so the review and statistics see every question.
    missing = [
        Answer(attempt=attempt, question=questions[question_id])
        for question_id in attempt.question_ids
        if question_id not in answers and question_id in questions
    ]
    changed = []
    for answer in existing + missing:
        question = questions.get(answer.question_id)
        mark = score_answer(question, answer.given) if question else 0.0
        if answer.pk is not None and answer.mark != mark:
            changed.append(answer)
        answer.mark = mark
        answers[answer.question_id] = answer
    # Only the marks that move: an answer checked on the take page already has its own.
    if changed:
        Answer.objects.bulk_update(changed, ["mark"])
    if missing:
        Answer.objects.bulk_create(missing)
    attempt.score = sum(answer.final_mark or 0.0 for answer in answers.values())
    attempt.max_score = float(len(attempt.question_ids))


def attempt_submit(*, attempt: Attempt) -> Attempt:
    """Grade and close the attempt with the answers saved so far; a second submission (double
    click, two tabs) returns the attempt already graded."""
    with transaction.atomic():
        # Lock the row: a retried request or a racing autosave must wait for this one.
        # The student comes in the same query, for the study queue below; the lock is the
        # attempt's alone.
        locked = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("student")
            .get(pk=attempt.pk)
        )
        if locked.submitted_at is not None:
            return locked
        now = timezone.now()
        _score(locked)
        # An attempt closed late (the student came back after the deadline) counts as
        # handed in at its deadline, with what was saved by then.
        locked.submitted_at = min(now, locked.deadline_at) if locked.deadline_at else now
        locked.save(update_fields=["score", "max_score", "submitted_at"])
    wrong = Question.objects.filter(
        answers__attempt=locked, answers__mark__lt=1.0, pk__in=locked.question_ids
    )
    study_queue_mistakes(student=locked.student, questions=list(wrong))
    return locked


def attempts_submit_expired(queryset: QuerySet[Attempt]) -> int:
    """Submit every attempt in the queryset whose deadline has passed, with the answers saved
    in time; call it wherever attempts are shown (no scheduler needed). Returns how many."""
    expired = queryset.in_progress().filter(deadline_at__lt=timezone.now())
    count = 0
    for attempt in expired:
        attempt_submit(attempt=attempt)
        count += 1
    return count


def attempt_rescore(*, attempt: Attempt) -> Attempt:
    """Mark a submitted attempt again (after a question's key was corrected); teachers'
    overrides stay."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.submitted_at is None:
            raise ValidationError("Only a submitted attempt can be marked again.")
        _score(locked)
        locked.save(update_fields=["score", "max_score"])
    return locked


def attempt_recompute_score(*, attempt: Attempt) -> Attempt:
    """Add up the final marks (overrides included) into the attempt's score."""
    answers = list(attempt.answers.all())
    attempt.score = sum(answer.final_mark or 0.0 for answer in answers)
    attempt.max_score = float(len(attempt.question_ids))
    attempt.save(update_fields=["score", "max_score"])
    return attempt


@transaction.atomic
def answer_override_mark(*, answer: Answer, mark: float | None, by) -> Answer:
    """A teacher's own mark for one answer (None clears it); the attempt's score follows."""
    if mark is not None and not 0.0 <= mark <= 1.0:
        raise ValidationError("A mark is between 0 and 1.")
    attempt = Attempt.objects.select_for_update().get(pk=answer.attempt_id)
    if attempt.submitted_at is None:
        raise ValidationError("Marks can be changed once the attempt is submitted.")
    answer.override_mark = mark
    answer.override_by = by if mark is not None else None
    answer.overridden_at = timezone.now() if mark is not None else None
    answer.save(update_fields=["override_mark", "override_by", "overridden_at", "saved_at"])
    attempt_recompute_score(attempt=attempt)
    return answer

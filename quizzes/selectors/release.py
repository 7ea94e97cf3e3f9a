"""When a student may see a quiz's answers, and what practice and flashcards must therefore
keep back. One rule for every path: the review page, practice, study and mistake cards.

A quiz's answers are released to a student when its setting allows and no attempt of
theirs can go on or start:
- "after each question" and "after submitting": once they have handed in an attempt and
  cannot start another (attempts used up, or the quiz closed);
- "after the due date": once the assignment's due date, and every extension a classmate
  was given, has passed (it needs one; no attempt starts, and none goes on, after the
  student's own due date);
- "never": never.
Until then practice never asks a question of that quiz (for a random draw, of its lessons),
and study never shows a card made from such a question's sentence or key point, mistake
cards included.
"""

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from quizzes.models import (
    AnswerVisibility,
    Assignment,
    AssignmentExtension,
    Attempt,
    Flashcard,
    Question,
    Quiz,
    QuizQuestion,
    SelectionMode,
)

AFTER_ATTEMPTS = (AnswerVisibility.AFTER_EACH, AnswerVisibility.AFTER_SUBMIT)


def attempt_can_be_started(*, assignment: Assignment, used: int, now) -> bool:
    """Whether the quiz still takes a new attempt from a student who has made `used`
    (an "after the due date" quiz is released, so closed, for all after its due date)."""
    quiz = assignment.quiz
    if quiz.closes_at and now >= quiz.closes_at:
        return False
    return not (quiz.attempts_allowed and used >= quiz.attempts_allowed)


def last_due_at(assignment: Assignment):
    """The latest due date anyone in the class works to: the class's or an extension's."""
    latest = assignment.extensions.aggregate(latest=Max("due_at"))["latest"]
    if assignment.due_at is None or latest is None:
        return assignment.due_at
    return max(assignment.due_at, latest)


def answers_released(*, assignment: Assignment, student, now=None) -> bool:
    """Whether the student may see the answers of this assigned quiz now (two queries)."""
    now = now or timezone.now()
    setting = assignment.quiz.answers_visible
    if setting == AnswerVisibility.AFTER_DUE:
        # Not while a classmate with an extension may still be working on it.
        due = last_due_at(assignment)
        return due is not None and now > due
    if setting not in AFTER_ATTEMPTS:
        return False
    attempts = Attempt.objects.filter(assignment=assignment, student=student)
    counts = attempts.aggregate(
        used=Count("pk"), handed_in=Count("pk", filter=Q(submitted_at__isnull=False))
    )
    if not counts["handed_in"] or counts["handed_in"] < counts["used"]:
        return False
    return not attempt_can_be_started(assignment=assignment, used=counts["used"], now=now)


def key_visible(attempt: Attempt, now=None) -> bool:
    """Whether the student may see the right answers in this attempt's review now."""
    if attempt.submitted_at is None:
        return False
    return answers_released(assignment=attempt.assignment, student=attempt.student, now=now)


def unreleased_assignments(*, student, now=None) -> QuerySet[Assignment]:
    """The student's assigned quizzes whose answers they may not see yet (one SQL query,
    to be used inside others)."""
    return _unreleased(Assignment.objects.for_student(student), student=student, now=now)


def _unreleased(assignments: QuerySet[Assignment], *, student, now=None) -> QuerySet[Assignment]:
    """Of these assignments, the quizzes whose answers `student` (a user, or an expression
    naming the student of each row) may not see yet."""
    now = now or timezone.now()
    attempts = Attempt.objects.filter(assignment=OuterRef("pk"), student=student)
    used = Subquery(attempts.order_by().values("assignment").annotate(n=Count("pk")).values("n"))
    extended = AssignmentExtension.objects.filter(assignment=OuterRef("pk"), due_at__gte=now)
    released = (
        Q(quiz__answers_visible=AnswerVisibility.AFTER_DUE, due_at__lt=now) & ~Exists(extended)
    ) | (
        Q(quiz__answers_visible__in=AFTER_ATTEMPTS)
        & Q(handed_in=True, still_open=False)
        & (
            Q(quiz__closes_at__lte=now)
            | Q(quiz__attempts_allowed__gt=0, used__gte=F("quiz__attempts_allowed"))
        )
    )
    return (
        assignments.filter(quiz__isnull=False)
        .annotate(
            used=Coalesce(used, Value(0)),
            handed_in=Exists(attempts.filter(submitted_at__isnull=False)),
            still_open=Exists(attempts.filter(submitted_at__isnull=True)),
        )
        .exclude(released)
    )


def _withheld(unreleased: QuerySet[Assignment]) -> QuerySet[Question]:
    picked = QuizQuestion.objects.filter(quiz__in=unreleased.values("quiz")).values("question")
    drawn_from = Quiz.lessons.through.objects.filter(
        quiz__in=Quiz.objects.filter(
            pk__in=unreleased.values("quiz"), selection_mode=SelectionMode.RANDOM
        )
    ).values("lesson")
    return Question.objects.filter(Q(pk__in=picked) | Q(lesson__in=drawn_from))


def withheld_questions(*, student, now=None) -> QuerySet[Question]:
    """Questions the student must not meet outside their quiz yet: those of their
    unreleased quizzes (of a random draw, every question of its lessons)."""
    return _withheld(unreleased_assignments(student=student, now=now))


def withheld_questions_for_class(*, classroom, now=None) -> QuerySet[Question]:
    """Questions some current member of the class must not meet outside their quiz yet
    (withheld_questions for each member, in one query): what a game shown to the whole
    class must leave out. A member's quizzes of other classes count too."""
    members = classroom.enrolments.current().values("student")
    # One row per (assignment, member enrolled in its class), as for_student filters.
    member_rows = Assignment.objects.filter(
        classroom__enrolments__student__in=members,
        classroom__enrolments__removed_at__isnull=True,
        classroom__archived_at__isnull=True,
        removed_at__isnull=True,
    )
    unreleased = _unreleased(
        member_rows, student=OuterRef("classroom__enrolments__student"), now=now
    )
    return _withheld(unreleased)


def withheld_flashcards(*, student, now=None) -> QuerySet[Flashcard]:
    """Cards made from a withheld question's sentence or key point: their backs hold its
    answer."""
    questions = withheld_questions(student=student, now=now)
    # A sentence link is lost when a lesson is re-imported; the sentence's text is kept.
    same_text = questions.filter(lesson=OuterRef("lesson"), source_text=OuterRef("source_text"))
    return Flashcard.objects.filter(
        Q(source_sentence__in=questions.exclude(source_sentence=None).values("source_sentence"))
        | Q(key_point__in=questions.exclude(key_point=None).values("key_point"))
        | (~Q(source_text="") & Exists(same_text))
    )

"""Quizzes built from question banks, and students' attempts at them, answer by answer."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery

from lessons.models import Lesson
from quizzes.models.bank import Question
from quizzes.models.classes import Assignment, AssignmentExtension


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", "Highest attempt"
    AVERAGE = "average", "Average of attempts"
    FIRST = "first", "First attempt"
    LAST = "last", "Last attempt"


class AnswerVisibility(models.TextChoices):
    AFTER_EACH = "after_each", "After each question"
    AFTER_SUBMIT = "after_submit", "After submitting"
    AFTER_DUE = "after_due", "After the due date"
    NEVER = "never", "Never"


class SelectionMode(models.TextChoices):
    HAND_PICKED = "hand", "Questions picked by hand"
    RANDOM = "random", "N at random from the lessons (each student gets their own draw)"


class QuizQuerySet(models.QuerySet):
    def for_teacher(self, user) -> "QuizQuerySet":
        return self if user.is_staff else self.filter(owner=user)

    def without_live_records(self) -> "QuizQuerySet":
        """Quizzes made to be taken: not the record a graded live game leaves in the
        gradebook (found with its game on the Live games page)."""
        return self.exclude(assignments__live_game__isnull=False)


class Quiz(models.Model):
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quizzes"
    )
    lessons = models.ManyToManyField(Lesson, related_name="quizzes")
    selection_mode = models.CharField(
        max_length=8, choices=SelectionMode.choices, default=SelectionMode.HAND_PICKED
    )
    random_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many questions each student draws (random mode)."
    )
    questions = models.ManyToManyField(Question, through="QuizQuestion", related_name="quizzes")
    time_limit_minutes = models.PositiveIntegerField(null=True, blank=True)
    attempts_allowed = models.PositiveIntegerField(default=1, help_text="0 means unlimited.")
    grading_method = models.CharField(
        max_length=8, choices=GradingMethod.choices, default=GradingMethod.HIGHEST
    )
    shuffle_questions = models.BooleanField(default=True)
    shuffle_options = models.BooleanField(default=True)
    one_question_per_page = models.BooleanField(default=False)
    answers_visible = models.CharField(
        max_length=16, choices=AnswerVisibility.choices, default=AnswerVisibility.AFTER_SUBMIT
    )
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "quizzes"

    def __str__(self) -> str:
        return self.title


class QuizQuestion(models.Model):
    """A hand-picked question's place in a quiz."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="quiz_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["quiz", "position"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quizquestion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.position}"


class AttemptQuerySet(models.QuerySet):
    def for_student(self, user) -> "AttemptQuerySet":
        return self.filter(student=user)

    def for_teacher(self, user) -> "AttemptQuerySet":
        return self if user.is_staff else self.filter(assignment__classroom__teacher=user)

    def submitted(self) -> "AttemptQuerySet":
        return self.filter(submitted_at__isnull=False)

    def in_progress(self) -> "AttemptQuerySet":
        return self.filter(submitted_at__isnull=True)

    def with_extension_due_at(self) -> "AttemptQuerySet":
        """Each attempt with `extension_due_at`: its student's own due date for the
        assignment, None without an extension (in the same query: the take page shows
        the due date the student works to)."""
        extension = AssignmentExtension.objects.filter(
            assignment=OuterRef("assignment_id"), student=OuterRef("student_id")
        ).values("due_at")[:1]
        return self.annotate(extension_due_at=Subquery(extension))


class Attempt(models.Model):
    """One student's go at an assigned quiz. `question_ids` is the student's own draw and
    order; `option_orders` maps a question id to the order its options are shown in."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="attempts")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveIntegerField(default=1)
    question_ids = models.JSONField(default=list)
    option_orders = models.JSONField(default=dict)
    started_at = models.DateTimeField(auto_now_add=True)
    deadline_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True, help_text="Sum of marks.")
    max_score = models.FloatField(null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["assignment", "student", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student", "number"], name="attempt_unique_number"
            ),
            # Two tabs pressing "start" at once must not open two attempts.
            models.UniqueConstraint(
                fields=["assignment", "student"],
                condition=Q(submitted_at__isnull=True),
                name="attempt_one_open_per_student",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.assignment} · attempt {self.number}"

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100 * self.score / self.max_score


class Answer(models.Model):
    """A student's answer to one question in an attempt, saved as it is given."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    given = models.JSONField(null=True, blank=True)
    mark = models.FloatField(null=True, blank=True, help_text="0 to 1, from the grader.")
    override_mark = models.FloatField(null=True, blank=True, help_text="A teacher's own mark.")
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    checked_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the student checked it (answers shown after each question); then locked.",
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["attempt", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_unique_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · question {self.question_id}"

    @property
    def final_mark(self) -> float | None:
        return self.override_mark if self.override_mark is not None else self.mark

"""A lesson's question bank: generated or hand-written questions and flashcards.

Each item remembers the sentence it came from (and keeps that sentence's text, so an
edited lesson never leaves a question without its source), the key point it tests, the
rule that made it, and who made and last changed it.

A question row is one version of a question, as in Moodle's bank since 4.0: a question a
quiz or an attempt uses is never changed in place (quizzes.services.versions makes a new
version), so every answer keeps the version its student saw. An item that regeneration or
an edit drops is retired (hidden from the bank, kept for whatever uses it), never deleted.
"""

from django.conf import settings
from django.db import models

from lessons.models import KeyPoint, Lesson, Sentence


class QuestionKind(models.TextChoices):
    MULTIPLE_CHOICE = "multiple_choice", "Multiple choice"
    TRUE_FALSE = "true_false", "True or false"
    FILL_BLANK = "fill_blank", "Fill in the blank"
    SHORT_ANSWER = "short_answer", "Short answer"
    MATCHING = "matching", "Matching"
    ORDERING = "ordering", "Ordering"
    MULTIPLE_RESPONSE = "multiple_response", "Multiple response"


class QuestionStatus(models.TextChoices):
    GENERATED = "generated", "Generated"
    APPROVED = "approved", "Approved"
    EDITED = "edited", "Edited"
    REJECTED = "rejected", "Rejected"


# Statuses a person has given; regeneration never touches these.
REVIEWED_STATUSES = (QuestionStatus.APPROVED, QuestionStatus.EDITED, QuestionStatus.REJECTED)


class BankItemQuerySet(models.QuerySet):
    def for_lesson(self, lesson: Lesson) -> "BankItemQuerySet":
        return self.filter(lesson=lesson)

    def in_bank(self) -> "BankItemQuerySet":
        """Items the bank shows: not retired (for questions, the latest version)."""
        return self.filter(retired_at__isnull=True)

    def visible_to(self, user) -> "BankItemQuerySet":
        """What of the banks a user may see: all of a lesson they may change, and of a
        library lesson what other teachers may use (see `shared_with_teachers`)."""
        if user.is_staff:
            return self
        if not getattr(user, "is_teacher", False):
            return self.none()
        return self.filter(
            models.Q(lesson__in=Lesson.objects.changeable_by(user))
            | (models.Q(lesson__in=Lesson.objects.library()) & self.shared_with_teachers())
        )

    @staticmethod
    def shared_with_teachers() -> models.Q:
        """The part of a library lesson's bank every teacher sees: what is not rejected."""
        return ~models.Q(status=QuestionStatus.REJECTED)

    def usable(self) -> "BankItemQuerySet":
        """Items a new quiz or a study session may use: in the bank and not rejected."""
        return self.in_bank().exclude(status=QuestionStatus.REJECTED)

    def reviewed(self) -> "BankItemQuerySet":
        return self.filter(status__in=REVIEWED_STATUSES)

    def unreviewed(self) -> "BankItemQuerySet":
        return self.filter(status=QuestionStatus.GENERATED)


READY_OR_APPROVED = models.Q(status=QuestionStatus.GENERATED, ready=True) | models.Q(
    status__in=(QuestionStatus.APPROVED, QuestionStatus.EDITED)
)


class QuestionQuerySet(BankItemQuerySet):
    def in_bank(self) -> "QuestionQuerySet":
        return super().in_bank().filter(is_current=True)

    def ready_or_approved(self) -> "QuestionQuerySet":
        """What random draws and practice use: generated items the ranker marked ready,
        and every item a person approved or edited (latest versions in the bank only)."""
        return self.in_bank().filter(READY_OR_APPROVED)

    @staticmethod
    def shared_with_teachers() -> models.Q:
        """Of a library lesson, other teachers see its ready and approved questions."""
        return READY_OR_APPROVED

    def of_families(self, questions) -> "QuestionQuerySet":
        """Every version of these questions (ids or rows), old and new."""
        roots = {question_family_id(q) for q in questions}
        return self.filter(models.Q(pk__in=roots) | models.Q(family_id__in=roots))


def question_family_id(question) -> int:
    """The id that names a question across its versions: its first version's."""
    return question.family_id or question.pk


# The parts a student sees and is marked on: a change to any of them is a new version.
QUESTION_KEY_FIELDS = ("kind", "prompt", "choices", "answer", "accepted", "explanation")


class BankItem(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="%(class)ss")
    source_sentence = models.ForeignKey(
        Sentence, null=True, blank=True, on_delete=models.SET_NULL, related_name="%(class)ss"
    )
    source_text = models.TextField(blank=True, help_text="The source sentence's text.")
    key_point = models.ForeignKey(
        KeyPoint, null=True, blank=True, on_delete=models.SET_NULL, related_name="%(class)ss"
    )
    rule = models.CharField(
        max_length=64, blank=True, help_text="The generator rule that made it; empty if by hand."
    )
    status = models.CharField(
        max_length=16, choices=QuestionStatus.choices, default=QuestionStatus.GENERATED
    )
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        help_text="Identifies a generated item across regenerations (rule + source + answer).",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who wrote, imported or copied it; empty when the generator made it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who last changed it (its text or its review); empty for the generator.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    retired_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When regeneration or an edit dropped it; kept for what already uses it.",
    )

    objects = BankItemQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_reviewed(self) -> bool:
        return self.status in REVIEWED_STATUSES


class Question(BankItem):
    """One question. The shape of `choices` and `answer` depends on the kind.

    - multiple choice: choices = four options, answer = the right option (str)
    - multiple response: choices = the options, answer = the right options (list)
    - true/false: choices = [], answer = "true" or "false"; the prompt is the statement
    - fill in the blank: prompt holds one "_____", answer = the missing words,
      accepted = other answers that count as right
    - short answer: answer = the expected answer, accepted = variants
    - matching: choices = the right-hand items (shuffled), answer = [[left, right], ...]
    - ordering: choices = the items shuffled, answer = the items in the right order
    """

    kind = models.CharField(max_length=24, choices=QuestionKind.choices)
    prompt = models.TextField()
    choices = models.JSONField(default=list, blank=True)
    answer = models.JSONField()
    accepted = models.JSONField(default=list, blank=True)
    explanation = models.TextField(blank=True, help_text="Why the answer is right.")
    confidence = models.FloatField(
        default=0.0, help_text="The ranker's estimate (0 to 1) that the item is usable as written."
    )
    ready = models.BooleanField(
        default=False, help_text="Ranked good enough to use without review; else needs review."
    )
    reason = models.CharField(
        max_length=200, blank=True, help_text="In plain words, what the item tests and why."
    )
    family = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        # A first version is never deleted from under its later ones (a lesson's delete
        # takes them all together).
        on_delete=models.RESTRICT,
        related_name="later_versions",
        help_text="The question's first version; empty on a first version.",
    )
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(
        default=True, help_text="The latest version: the one the bank shows and new attempts get."
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["lesson", "pk"]
        constraints = [
            # Old versions keep the fingerprint of the question they were.
            models.UniqueConstraint(
                fields=["lesson", "fingerprint"],
                condition=~models.Q(fingerprint="") & models.Q(is_current=True),
                name="question_unique_fingerprint",
            ),
            models.UniqueConstraint(fields=["family", "version"], name="question_unique_version"),
            models.UniqueConstraint(
                fields=["family"],
                condition=models.Q(is_current=True),
                name="question_one_current_version",
            ),
        ]

    def __str__(self) -> str:
        return self.prompt[:80]

    @property
    def tier(self) -> str:
        """ "approved" (a person approved or edited it), "ready" (the ranker trusts it),
        "rejected", or "review" (generated, not trusted yet)."""
        if self.status in (QuestionStatus.APPROVED, QuestionStatus.EDITED):
            return "approved"
        if self.status == QuestionStatus.REJECTED:
            return "rejected"
        return "ready" if self.ready else "review"


class Flashcard(BankItem):
    front = models.TextField()
    back = models.TextField()

    class Meta:
        ordering = ["lesson", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "fingerprint"],
                condition=~models.Q(fingerprint=""),
                name="flashcard_unique_fingerprint",
            )
        ]

    def __str__(self) -> str:
        return self.front[:80]

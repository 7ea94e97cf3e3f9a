"""A lesson's question bank: generated or hand-written questions and flashcards.

Each item remembers the sentence it came from (and keeps that sentence's text, so an
edited lesson never leaves a question without its source), the key point it tests and
the rule that made it.
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

    def usable(self) -> "BankItemQuerySet":
        """Items a quiz or a study session may use: anything not rejected."""
        return self.exclude(status=QuestionStatus.REJECTED)

    def reviewed(self) -> "BankItemQuerySet":
        return self.filter(status__in=REVIEWED_STATUSES)

    def unreviewed(self) -> "BankItemQuerySet":
        return self.filter(status=QuestionStatus.GENERATED)


class QuestionQuerySet(BankItemQuerySet):
    def ready_or_approved(self) -> "QuestionQuerySet":
        """What random draws and practice use: generated items the ranker marked ready,
        and every item a person approved or edited."""
        return self.filter(
            models.Q(status=QuestionStatus.GENERATED, ready=True)
            | models.Q(status__in=(QuestionStatus.APPROVED, QuestionStatus.EDITED))
        )


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
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

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

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["lesson", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "fingerprint"],
                condition=~models.Q(fingerprint=""),
                name="question_unique_fingerprint",
            )
        ]

    def __str__(self) -> str:
        return self.prompt[:80]


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

"""Flashcard study: each student's FSRS schedule for each card, and every rating given.

A card state holds the fields of an `fsrs.Card` (state, step, stability, difficulty, due,
last review) as columns, so "what is due" is a plain indexed query; the services turn a
row into an `fsrs.Card` and back. A card with no state row is new to the student.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from quizzes.models.bank import Flashcard


class StudyRating(models.IntegerChoices):
    """The four answers to "how well did you remember?", numbered as fsrs.Rating."""

    AGAIN = 1, "Again"
    HARD = 2, "Hard"
    GOOD = 3, "Good"
    EASY = 4, "Easy"


class CardPhase(models.IntegerChoices):
    """fsrs.State, numbered the same way."""

    LEARNING = 1, "Learning"
    REVIEW = 2, "Review"
    RELEARNING = 3, "Relearning"


class CardOrigin(models.TextChoices):
    STUDY = "study", "Introduced in a study session"
    MISTAKE = "mistake", "Queued by a wrong quiz or practice answer"


class CardStateQuerySet(models.QuerySet):
    def for_student(self, user) -> "CardStateQuerySet":
        return self.filter(student=user)

    def due_by(self, moment) -> "CardStateQuerySet":
        """States due at or before the moment, on cards a person has not rejected."""
        return self.filter(due__lte=moment).exclude(flashcard__status="rejected")


class CardState(models.Model):
    """One student's schedule for one flashcard (the fields of an fsrs.Card)."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_states"
    )
    flashcard = models.ForeignKey(Flashcard, on_delete=models.CASCADE, related_name="card_states")
    phase = models.PositiveSmallIntegerField(choices=CardPhase.choices, default=CardPhase.LEARNING)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    origin = models.CharField(max_length=8, choices=CardOrigin.choices, default=CardOrigin.STUDY)
    # The new-card limit counts the cards a student first rated in study each day.
    introduced_at = models.DateTimeField()

    objects = CardStateQuerySet.as_manager()

    class Meta:
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["student", "flashcard"], name="cardstate_unique_card"),
            models.CheckConstraint(
                condition=Q(phase__in=CardPhase.values), name="cardstate_phase_is_known"
            ),
        ]
        indexes = [models.Index(fields=["student", "due"], name="cardstate_student_due")]

    def __str__(self) -> str:
        return f"{self.student} · {self.flashcard}"

    @property
    def is_new(self) -> bool:
        return self.last_review is None


class StudyReviewQuerySet(models.QuerySet):
    def for_student(self, user) -> "StudyReviewQuerySet":
        return self.filter(card_state__student=user)


class StudyReview(models.Model):
    """One rating of one card: the review log FSRS learns from."""

    card_state = models.ForeignKey(CardState, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(choices=StudyRating.choices)
    reviewed_at = models.DateTimeField(db_index=True)
    duration_ms = models.PositiveIntegerField(
        null=True, blank=True, help_text="How long the student looked at the card."
    )
    due_after = models.DateTimeField(help_text="When the rating scheduled the card next.")

    objects = StudyReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__in=StudyRating.values), name="studyreview_rating_is_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.card_state} · {self.get_rating_display()}"

    @property
    def is_recalled(self) -> bool:
        return self.rating in (StudyRating.GOOD, StudyRating.EASY)

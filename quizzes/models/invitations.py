"""Invitations to a class for students who already have an account: the teacher types a
username or an e-mail address, the student accepts or declines on their dashboard. The
teacher's side (what was typed) and the student's side (who it reached) are kept apart, so
nothing the teacher sees says whether an account was found."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

INVITATION_DAYS = 30


def invitation_expiry():
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class ClassInvitationQuerySet(models.QuerySet):
    def open(self, now=None) -> "ClassInvitationQuerySet":
        """Not withdrawn and not expired: what the teacher lists as pending."""
        return self.filter(withdrawn_at__isnull=True, expires_at__gt=now or timezone.now())


class ClassInvitation(models.Model):
    """One line a teacher typed to invite someone to a class."""

    classroom = models.ForeignKey(
        "quizzes.Classroom", on_delete=models.CASCADE, related_name="invitations"
    )
    typed = models.CharField(max_length=254, help_text="As the teacher typed it.")
    typed_key = models.CharField(max_length=254, help_text="Normalised, for comparing.")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="quizzes.ClassInvitationRecipient", related_name="+"
    )

    objects = ClassInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["classroom", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.typed} to {self.classroom}"


class ClassInvitationRecipientQuerySet(models.QuerySet):
    def waiting_for(self, student, now=None) -> "ClassInvitationRecipientQuerySet":
        """The student's invitations still to answer, to classes that are open and that
        they are not in now."""
        return self.filter(
            student=student,
            answer="",
            invitation__withdrawn_at__isnull=True,
            invitation__expires_at__gt=now or timezone.now(),
            invitation__classroom__archived_at__isnull=True,
        ).exclude(
            invitation__classroom__enrolments__student=student,
            invitation__classroom__enrolments__removed_at__isnull=True,
        )


class ClassInvitationRecipient(models.Model):
    """A student account an invitation reached, and the student's answer."""

    class Answer(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    invitation = models.ForeignKey(
        ClassInvitation, on_delete=models.CASCADE, related_name="recipients"
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_invitations"
    )
    answer = models.CharField(max_length=8, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = ClassInvitationRecipientQuerySet.as_manager()

    class Meta:
        ordering = ["invitation", "student"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "student"], name="invitation_recipient_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.invitation} for {self.student}"

"""The custom user (every account is a student or a teacher; admins are staff users) and
how a student becomes a teacher: an admin approves their request, or they follow an
invitation link an admin made."""

import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone

from history_quiz.accounts.usernames import UsernameValidator, username_normalize


class Role(models.TextChoices):
    STUDENT = "student", "Student"
    TEACHER = "teacher", "Teacher"


class UserQuerySet(models.QuerySet):
    def students(self) -> "UserQuerySet":
        return self.filter(role=Role.STUDENT)

    def teachers(self) -> "UserQuerySet":
        return self.filter(role=Role.TEACHER)


class HistoryQuizUserManager(UserManager.from_queryset(UserQuerySet)):
    def get_by_natural_key(self, username):
        """Log-in looks the name up as it is stored: "Sara.Ahmed" finds "sara.ahmed"."""
        found = self.filter(username=username_normalize(username)).first()
        # An account made before usernames were normalised keeps its name as it was.
        return found or self.get(username=username)


class User(AbstractUser):
    username_validator = UsernameValidator()

    username = models.CharField(
        "username",
        max_length=150,
        unique=True,
        help_text="Letters of one alphabet, digits and @ . + - _ (150 at most).",
        validators=[username_validator],
        error_messages={"unique": "A user with that username already exists."},
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.STUDENT)
    # Set on accounts a teacher made from a roster: their password was printed on paper.
    must_change_password = models.BooleanField(default=False)

    objects = HistoryQuizUserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="user_role_is_known"
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @classmethod
    def normalize_username(cls, username: str) -> str:
        return username_normalize(username)

    @property
    def is_teacher(self) -> bool:
        return self.role == Role.TEACHER

    @property
    def is_student(self) -> bool:
        return self.role == Role.STUDENT and not self.is_staff

    @property
    def can_edit_content(self) -> bool:
        """Teachers and admins may add lessons and build quizzes."""
        return self.is_teacher or self.is_staff


class TeacherRequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for an admin"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class TeacherRequestQuerySet(models.QuerySet):
    def pending(self) -> "TeacherRequestQuerySet":
        return self.filter(status=TeacherRequestStatus.PENDING)


class TeacherRequest(models.Model):
    """A student asking for teacher access; an admin approves or declines it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teacher_requests"
    )
    school = models.CharField("School or organisation", max_length=200)
    message = models.TextField(
        "What you teach", max_length=1000, blank=True, help_text="Subjects, year groups, a link."
    )
    status = models.CharField(
        max_length=16, choices=TeacherRequestStatus.choices, default=TeacherRequestStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TeacherRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status=TeacherRequestStatus.PENDING),
                name="teacherrequest_one_pending_per_user",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=TeacherRequestStatus.values),
                name="teacherrequest_status_is_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.school}): {self.get_status_display()}"


def invitation_token_make() -> str:
    """An unguessable token for an invitation link."""
    return secrets.token_urlsafe(32)


class TeacherInvitation(models.Model):
    """A link an admin hands out: whoever follows it (up to `max_uses` people, until it
    expires or is revoked) gets a teacher account."""

    token = models.CharField(max_length=64, unique=True, default=invitation_token_make)
    note = models.CharField(max_length=200, blank=True, help_text="Who it is for.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    max_uses = models.PositiveIntegerField(default=1)
    uses = models.PositiveIntegerField(default=0, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="teacher_invitations_used"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uses__lte=models.F("max_uses")),
                name="teacherinvitation_uses_within_limit",
            ),
            models.CheckConstraint(
                condition=models.Q(max_uses__gte=1), name="teacherinvitation_max_uses_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.note or f"Invitation {self.pk}"

    def problem(self, now: datetime | None = None) -> str | None:
        """Why the link no longer works, or None while it does."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return "This invitation was withdrawn."
        if now >= self.expires_at:
            return "This invitation has expired."
        if self.uses >= self.max_uses:
            return "This invitation has been used up."
        return None

"""The custom user: every account is a student or a teacher; admins are staff users."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models


class Role(models.TextChoices):
    STUDENT = "student", "Student"
    TEACHER = "teacher", "Teacher"


class UserQuerySet(models.QuerySet):
    def students(self) -> "UserQuerySet":
        return self.filter(role=Role.STUDENT)

    def teachers(self) -> "UserQuerySet":
        return self.filter(role=Role.TEACHER)


class HistoryQuizUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
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

    @property
    def is_teacher(self) -> bool:
        return self.role == Role.TEACHER

    @property
    def is_student(self) -> bool:
        return self.role == Role.STUDENT and not self.is_staff

    @property
    def can_edit_content(self) -> bool:
        """Teachers and admins may add lessons and review question banks."""
        return self.is_teacher or self.is_staff

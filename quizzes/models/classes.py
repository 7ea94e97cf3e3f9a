"""Teacher-created classes, the students enrolled in them and what is assigned to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from lessons.models import Lesson


class ClassroomQuerySet(models.QuerySet):
    def for_teacher(self, user) -> "ClassroomQuerySet":
        """Classes the user teaches (admins see every class)."""
        return self if user.is_staff else self.filter(teacher=user)

    def for_student(self, user) -> "ClassroomQuerySet":
        """Classes the student is currently enrolled in."""
        return self.filter(enrolments__student=user, enrolments__removed_at__isnull=True)

    def active(self) -> "ClassroomQuerySet":
        return self.filter(archived_at__isnull=True)


class Classroom(models.Model):
    name = models.CharField(max_length=120)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="classrooms_taught"
    )
    join_code = models.CharField(max_length=12, unique=True, null=True, blank=True)
    join_enabled = models.BooleanField(default=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClassroomQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class EnrolmentQuerySet(models.QuerySet):
    def current(self) -> "EnrolmentQuerySet":
        return self.filter(removed_at__isnull=True)


class Enrolment(models.Model):
    """A student in a class. Removing a student keeps the row (and their attempts)."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="enrolments")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["classroom", "student__last_name", "student__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "student"], name="enrolment_unique_student"
            )
        ]

    def __str__(self) -> str:
        return f"{self.student} in {self.classroom}"


class AssignmentQuerySet(models.QuerySet):
    def current(self) -> "AssignmentQuerySet":
        """Assignments the teacher has not removed."""
        return self.filter(removed_at__isnull=True)

    def for_student(self, user) -> "AssignmentQuerySet":
        """Current assignments of the classes the student is currently enrolled in."""
        return self.filter(
            classroom__enrolments__student=user,
            classroom__enrolments__removed_at__isnull=True,
            classroom__archived_at__isnull=True,
            removed_at__isnull=True,
        )

    def for_teacher(self, user) -> "AssignmentQuerySet":
        return self if user.is_staff else self.filter(classroom__teacher=user)


class Assignment(models.Model):
    """A lesson to read or a quiz to take, given to a class with a due date. Removing one
    keeps the row (and its attempts), hidden from students and the gradebook."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    lesson = models.ForeignKey(
        Lesson, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    quiz = models.ForeignKey(
        "quizzes.Quiz", null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    due_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(lesson__isnull=False, quiz__isnull=True)
                | Q(lesson__isnull=True, quiz__isnull=False),
                name="assignment_is_lesson_or_quiz",
            )
        ]

    def __str__(self) -> str:
        return f"{self.quiz or self.lesson} for {self.classroom}"

    @property
    def title(self) -> str:
        return str(self.quiz.title if self.quiz_id else self.lesson.title)

    def is_overdue(self, now=None) -> bool:
        return self.due_at is not None and (now or timezone.now()) > self.due_at

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None


class AssignmentExtension(models.Model):
    """A later due date for one student of the class (the others keep the class's)."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="extensions")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignment_extensions"
    )
    due_at = models.DateTimeField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["assignment", "student"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "student"], name="extension_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assignment} for {self.student} until {self.due_at:%Y-%m-%d %H:%M}"


class AssignmentChange(models.Model):
    """The record of what a teacher did to an assignment, kept even after it is removed."""

    class Action(models.TextChoices):
        ASSIGNED = "assigned", "Assigned"
        DUE_CHANGED = "due_changed", "Due date changed"
        EXTENDED = "extended", "Extended for one student"
        REMOVED = "removed", "Removed"
        RESTORED = "restored", "Restored"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=16, choices=Action.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The student an extension is for.",
    )
    old_due_at = models.DateTimeField(null=True, blank=True)
    new_due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assignment", "-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.assignment}"


class LessonReading(models.Model):
    """A student marked an assigned lesson as read."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="readings")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_readings"
    )
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "student"], name="reading_unique")
        ]

    def __str__(self) -> str:
        return f"{self.student} read {self.assignment}"

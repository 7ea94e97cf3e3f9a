"""A job: heavy work a teacher asked for (a lesson import, a bank generation, a GIFT import,
roster accounts), done by a worker process while the teacher's page shows its progress.

The job keeps its input until it is done, so a failure or a lost worker loses nothing, and
what the work made so far (`result`), so a job run again never makes anything twice.
"""

import uuid

from django.conf import settings
from django.db import models


class JobKind(models.TextChoices):
    LESSON_SAVE = "lesson_save", "Lesson import"
    BANK_GENERATE = "bank_generate", "Question bank generation"
    GIFT_IMPORT = "gift_import", "GIFT import"
    ROSTER_CREATE = "roster_create", "Roster accounts"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Waiting for a worker"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


FINISHED_STATUSES = (JobStatus.DONE, JobStatus.FAILED)


class JobQuerySet(models.QuerySet):
    def for_user(self, user) -> "JobQuerySet":
        """The jobs a person may follow: only the ones they started."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=32, choices=JobKind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    title = models.CharField(max_length=300)
    back_url = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    payload = models.JSONField(default=dict)
    result = models.JSONField(default=dict)
    step = models.PositiveIntegerField(default=0)
    steps = models.PositiveIntegerField(default=1)
    stage = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    worker_id = models.CharField(max_length=64, blank=True)
    runs = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="job_status_heartbeat")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=JobStatus.values), name="job_status_is_known"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return min(100, round(100 * self.step / self.steps)) if self.steps else 0

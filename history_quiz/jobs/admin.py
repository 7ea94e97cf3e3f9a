from django.contrib import admin

from history_quiz.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "owner", "status", "runs", "created_at", "finished_at")
    list_filter = ("kind", "status")
    # The payload and result may hold one-time passwords: not shown here.
    fields = ("title", "kind", "owner", "status", "stage", "error", "runs", "created_at")
    readonly_fields = fields

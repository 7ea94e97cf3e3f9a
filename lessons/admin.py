from django.contrib import admin

from lessons.models import KeyPoint, Lesson, Section
from lessons.services import lesson_sync_sentences


class KeyPointInline(admin.TabularInline):
    model = KeyPoint
    extra = 1
    ordering = ["position"]


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    ordering = ["position"]


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "event_year", "region", "owner", "source_name", "updated_at")
    list_filter = ("period", "region", "owner", "created_at", "updated_at")
    search_fields = ("title", "summary", "slug", "key_points__text")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("created_at", "updated_at", "source_name")
    inlines = [KeyPointInline, SectionInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Sentences are derived from the summary and sections, so they follow every edit.
        lesson_sync_sentences(lesson=form.instance)

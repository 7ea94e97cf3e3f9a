from django.contrib import admin

from quizzes.models import CardState, StudyReview


class StudyReviewInline(admin.TabularInline):
    model = StudyReview
    extra = 0
    fields = ["reviewed_at", "rating", "duration_ms", "due_after"]
    readonly_fields = fields
    can_delete = False
    ordering = ["-reviewed_at"]


@admin.register(CardState)
class CardStateAdmin(admin.ModelAdmin):
    list_display = ["student", "flashcard", "phase", "due", "last_review", "origin"]
    list_filter = ["phase", "origin", "flashcard__lesson"]
    search_fields = ["student__username", "flashcard__front"]
    list_select_related = ["student", "flashcard"]
    raw_id_fields = ["student", "flashcard"]
    date_hierarchy = "due"
    inlines = [StudyReviewInline]


@admin.register(StudyReview)
class StudyReviewAdmin(admin.ModelAdmin):
    list_display = ["card_state", "rating", "reviewed_at", "duration_ms"]
    list_filter = ["rating"]
    search_fields = ["card_state__student__username", "card_state__flashcard__front"]
    list_select_related = ["card_state__student", "card_state__flashcard"]
    raw_id_fields = ["card_state"]
    date_hierarchy = "reviewed_at"

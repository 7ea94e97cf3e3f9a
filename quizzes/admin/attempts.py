"""Admin pages for quizzes and attempts. Attempts are read here; marks change through the
review page so scores always recompute."""

from django.contrib import admin

from quizzes.models import Answer, Attempt, Quiz, QuizQuestion


class QuizQuestionInline(admin.TabularInline):
    model = QuizQuestion
    extra = 0
    raw_id_fields = ("question",)
    ordering = ["position"]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "owner",
        "selection_mode",
        "time_limit_minutes",
        "attempts_allowed",
        "answers_visible",
        "created_at",
    )
    list_filter = ("selection_mode", "answers_visible", "grading_method")
    search_fields = ("title", "owner__username", "owner__last_name")
    filter_horizontal = ("lessons",)
    raw_id_fields = ("owner",)
    inlines = [QuizQuestionInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    fields = ("question", "given", "mark", "override_mark", "override_by", "checked_at", "saved_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ("student", "assignment", "number", "started_at", "submitted_at", "score")
    list_filter = ("submitted_at", "assignment__classroom")
    search_fields = ("student__username", "student__last_name", "assignment__quiz__title")
    list_select_related = ("student", "assignment__quiz", "assignment__classroom")
    readonly_fields = (
        "assignment",
        "student",
        "number",
        "question_ids",
        "option_orders",
        "started_at",
        "deadline_at",
        "submitted_at",
        "score",
        "max_score",
    )
    inlines = [AnswerInline]

    def has_add_permission(self, request) -> bool:
        return False

from django.contrib import admin

from quizzes.models import Assignment, Classroom, Enrolment, LessonReading


class EnrolmentInline(admin.TabularInline):
    model = Enrolment
    extra = 0
    raw_id_fields = ["student"]
    fields = ["student", "joined_at", "removed_at"]


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ["name", "teacher", "join_code", "join_enabled", "archived_at", "created_at"]
    list_filter = ["join_enabled", ("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "teacher__username", "teacher__last_name", "join_code"]
    raw_id_fields = ["teacher"]
    inlines = [EnrolmentInline]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["student", "classroom", "joined_at", "removed_at"]
    list_select_related = ["student", "classroom"]
    search_fields = ["student__username", "student__last_name", "classroom__name"]
    raw_id_fields = ["student", "classroom"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "classroom", "due_at", "assigned_by", "created_at"]
    list_select_related = ["classroom", "quiz", "lesson", "assigned_by"]
    search_fields = ["classroom__name", "quiz__title", "lesson__title"]
    raw_id_fields = ["classroom", "quiz", "lesson", "assigned_by"]


@admin.register(LessonReading)
class LessonReadingAdmin(admin.ModelAdmin):
    list_display = ["student", "assignment", "read_at"]
    list_select_related = ["student", "assignment__classroom"]
    raw_id_fields = ["student", "assignment"]

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from history_quiz.accounts.models import User


@admin.register(User)
class HistoryQuizUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "email", "role", "is_staff")
    list_filter = ("role", "is_staff", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Role", {"fields": ("role",)}))
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Role", {"fields": ("role",)}))

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from history_quiz.accounts.models import TeacherInvitation, TeacherRequest, User
from history_quiz.accounts.services import teacher_invitation_revoke, teacher_request_decide


@admin.register(User)
class HistoryQuizUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "email", "role", "is_staff")
    list_filter = ("role", "is_staff", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Role", {"fields": ("role",)}))
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Role", {"fields": ("role",)}))


def _decide(modeladmin, request, queryset, *, approve: bool) -> None:
    done = 0
    for teacher_request in queryset:
        try:
            teacher_request_decide(request=teacher_request, approve=approve, by=request.user)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{teacher_request.user}: {' '.join(error.messages)}", messages.WARNING
            )
        else:
            done += 1
    modeladmin.message_user(request, f"{done} request(s) {'approved' if approve else 'declined'}.")


@admin.action(description="Approve: make them teachers")
def approve_requests(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, approve=True)


@admin.action(description="Decline")
def decline_requests(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, approve=False)


@admin.register(TeacherRequest)
class TeacherRequestAdmin(admin.ModelAdmin):
    """Requests are decided with the actions (or on the site's own page), never by editing."""

    list_display = ("user", "school", "status", "created_at", "decided_by", "decided_at")
    list_filter = ("status",)
    search_fields = ("user__username", "user__last_name", "school")
    list_select_related = ("user", "decided_by")
    readonly_fields = (
        "user",
        "school",
        "message",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
    )
    actions = [approve_requests, decline_requests]

    def has_add_permission(self, request) -> bool:
        return False


@admin.action(description="Withdraw the selected links")
def revoke_invitations(modeladmin, request, queryset):
    for invitation in queryset:
        teacher_invitation_revoke(invitation=invitation)
    modeladmin.message_user(request, f"{queryset.count()} link(s) withdrawn.")


@admin.register(TeacherInvitation)
class TeacherInvitationAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created_by", "uses", "max_uses", "expires_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    fields = ("note", "expires_at", "max_uses", "link", "uses", "revoked_at", "created_by")
    readonly_fields = ("link", "uses", "revoked_at", "created_by")
    actions = [revoke_invitations]

    def get_changeform_initial_data(self, request) -> dict:
        return {"expires_at": timezone.now() + timezone.timedelta(days=7)}

    @admin.display(description="Link")
    def link(self, invitation: TeacherInvitation) -> str:
        if not invitation.pk:
            return "Made when you save."
        path = reverse("teacher_invitation_follow", args=[invitation.token])
        return format_html("<code>{}</code>", path)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

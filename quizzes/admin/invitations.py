"""Class invitations in the admin: every class's invitations in one list, with who they
reached and what they answered; admins withdraw them with the same service teachers use."""

from django.contrib import admin
from django.utils import timezone

from quizzes.models import ClassInvitation, ClassInvitationRecipient
from quizzes.services.enrolments import invitation_withdraw


class RecipientInline(admin.TabularInline):
    model = ClassInvitationRecipient
    extra = 0
    can_delete = False
    fields = ["student", "answer", "answered_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", "Open"), ("expired", "Expired"), ("withdrawn", "Withdrawn")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "open":
            return queryset.open(now)
        if self.value() == "expired":
            return queryset.filter(withdrawn_at__isnull=True, expires_at__lte=now)
        if self.value() == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False)
        return queryset


@admin.action(description="Withdraw the selected invitations")
def withdraw_invitations(modeladmin, request, queryset):
    for invitation in queryset:
        invitation_withdraw(invitation=invitation)
    modeladmin.message_user(request, f"{len(queryset)} invitation(s) withdrawn.")


@admin.register(ClassInvitation)
class ClassInvitationAdmin(admin.ModelAdmin):
    list_display = ["typed", "classroom", "invited_by", "created_at", "expires_at", "withdrawn_at"]
    list_select_related = ["classroom", "invited_by"]
    list_filter = [StateFilter]
    search_fields = ["typed", "classroom__name", "invited_by__username"]
    fields = ["classroom", "typed", "invited_by", "created_at", "expires_at", "withdrawn_at"]
    readonly_fields = ["classroom", "typed", "invited_by", "created_at", "withdrawn_at"]
    inlines = [RecipientInline]
    actions = [withdraw_invitations]

    def has_add_permission(self, request) -> bool:
        # Invitations are sent from the class page, which checks the identifiers and the
        # teacher; the admin only reads, extends and withdraws them.
        return False

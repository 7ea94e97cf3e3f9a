"""Admin for question banks: questions and flashcards, and both as inlines on a lesson.

The admin keeps the bank's rules: who may change an item is lessons.models.lesson_can_change,
every change is signed, and a question's key changes only through question_revise (a used
question gets a new version, as on the bank page). Old versions are read-only.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.forms.models import BaseInlineFormSet

from lessons.admin import LessonAdmin
from lessons.models import lesson_can_change
from quizzes.models import Flashcard, Question, QuestionStatus
from quizzes.models.bank import QUESTION_KEY_FIELDS
from quizzes.services.bank_review import bank_item_review
from quizzes.services.versions import question_revise


def _review(request, queryset, status: str) -> None:
    for item in queryset.select_related("lesson"):
        if lesson_can_change(request.user, item.lesson):
            bank_item_review(item=item, status=status, by=request.user)


@admin.action(description="Approve the selected items")
def approve_items(modeladmin, request, queryset):
    _review(request, queryset, QuestionStatus.APPROVED)


@admin.action(description="Reject the selected items")
def reject_items(modeladmin, request, queryset):
    _review(request, queryset, QuestionStatus.REJECTED)


EDITABLE_FIELDS = {"prompt", "choices", "answer", "accepted", "explanation", "front", "back"}


class BankItemAdmin(admin.ModelAdmin):
    list_filter = ("status", "lesson")
    list_select_related = ("lesson",)
    readonly_fields = (
        "fingerprint",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
        "retired_at",
    )
    raw_id_fields = ("source_sentence", "key_point")
    actions = [approve_items, reject_items]
    list_per_page = 50

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or lesson_can_change(request.user, obj.lesson))

    def has_delete_permission(self, request, obj=None) -> bool:
        # Retired, never deleted: quizzes and reviews may use the item.
        return False

    def save_model(self, request, obj, form, change):
        # An admin's change to the wording is a person's edit, as on the bank page, so
        # regeneration leaves it alone; a status set in the same form wins.
        if (
            change
            and EDITABLE_FIELDS & set(form.changed_data)
            and "status" not in form.changed_data
        ):
            obj.status = QuestionStatus.EDITED
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Question)
class QuestionAdmin(BankItemAdmin):
    list_display = (
        "prompt_start",
        "kind",
        "status",
        "version",
        "is_current",
        "lesson",
        "rule",
        "updated_at",
    )
    list_filter = ("kind", "status", "is_current", "lesson")
    search_fields = ("prompt", "source_text", "lesson__title")
    readonly_fields = (*BankItemAdmin.readonly_fields, "family", "version", "is_current")
    fields = (
        "lesson",
        "kind",
        "status",
        "prompt",
        "choices",
        "answer",
        "accepted",
        "explanation",
        "source_sentence",
        "source_text",
        "key_point",
        "rule",
        *readonly_fields,
    )

    def has_change_permission(self, request, obj=None) -> bool:
        # An old version is what some students answered: it is never changed.
        return super().has_change_permission(request, obj) and (obj is None or obj.is_current)

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        # The row as stored takes what is not the key (status, sources); the key goes
        # through question_revise, which makes a new version if the question is used.
        stored = Question.objects.get(pk=obj.pk)
        key_changes = {}
        for name in form.changed_data:
            if name in QUESTION_KEY_FIELDS:
                key_changes[name] = getattr(obj, name)
            else:
                setattr(stored, name, getattr(obj, name))
        if key_changes and "status" not in form.changed_data:
            stored.status = QuestionStatus.EDITED
        stored.updated_by = request.user
        stored.save()
        if not key_changes:
            return
        try:
            saved = question_revise(
                question=stored, by=request.user, status=stored.status, **key_changes
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return
        if saved.pk != stored.pk:
            obj.pk = saved.pk
            messages.info(
                request,
                f"Saved as version {saved.version}: answers already given keep version "
                f"{stored.version}.",
            )

    @admin.display(description="Prompt", ordering="prompt")
    def prompt_start(self, question: Question) -> str:
        return question.prompt[:90]


@admin.register(Flashcard)
class FlashcardAdmin(BankItemAdmin):
    list_display = ("front", "status", "lesson", "rule", "updated_at")
    search_fields = ("front", "back", "source_text", "lesson__title")


class BankInlineFormSet(BaseInlineFormSet):
    """A lesson form posted without this inline's rows leaves the lesson's bank alone.

    The lesson admin is also posted by scripts and tests that know nothing of the bank;
    without this, their missing management form would make the whole lesson form invalid.
    """

    def __init__(self, data=None, *args, prefix=None, queryset=None, **kwargs):
        prefix = prefix or self.get_default_prefix()
        if data is not None and f"{prefix}-{TOTAL_FORM_COUNT}" not in data:
            data = data.copy()
            data[f"{prefix}-{TOTAL_FORM_COUNT}"] = "0"
            data[f"{prefix}-{INITIAL_FORM_COUNT}"] = "0"
            queryset = self.model._default_manager.none()
        super().__init__(data, *args, prefix=prefix, queryset=queryset, **kwargs)


class QuestionInline(admin.TabularInline):
    """The lesson's questions in its bank: approve or reject here, open one to edit it."""

    model = Question
    formset = BankInlineFormSet
    extra = 0
    fields = ("kind", "prompt", "status", "rule")
    readonly_fields = ("kind", "prompt", "rule")
    show_change_link = True
    can_delete = False
    ordering = ["pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).in_bank()


class FlashcardInline(admin.TabularInline):
    model = Flashcard
    formset = BankInlineFormSet
    extra = 0
    fields = ("front", "back", "status", "rule")
    readonly_fields = ("front", "back", "rule")
    show_change_link = True
    can_delete = False
    ordering = ["pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).in_bank()


LessonAdmin.inlines = [*LessonAdmin.inlines, QuestionInline, FlashcardInline]

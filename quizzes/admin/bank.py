"""Admin for question banks: questions and flashcards, and both as inlines on a lesson."""

from django.contrib import admin
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.forms.models import BaseInlineFormSet

from lessons.admin import LessonAdmin
from quizzes.models import Flashcard, Question, QuestionStatus
from quizzes.services.bank_review import bank_item_review


@admin.action(description="Approve the selected items")
def approve_items(modeladmin, request, queryset):
    for item in queryset:
        bank_item_review(item=item, status=QuestionStatus.APPROVED)


@admin.action(description="Reject the selected items")
def reject_items(modeladmin, request, queryset):
    for item in queryset:
        bank_item_review(item=item, status=QuestionStatus.REJECTED)


EDITABLE_FIELDS = {"prompt", "choices", "answer", "accepted", "explanation", "front", "back"}


class BankItemAdmin(admin.ModelAdmin):
    list_filter = ("status", "lesson")
    list_select_related = ("lesson",)
    readonly_fields = ("fingerprint", "created_by", "created_at", "updated_at")
    raw_id_fields = ("source_sentence", "key_point")
    actions = [approve_items, reject_items]
    list_per_page = 50

    def save_model(self, request, obj, form, change):
        # An admin's change to the wording is a person's edit, as on the bank page, so
        # regeneration leaves it alone; a status set in the same form wins.
        if (
            change
            and EDITABLE_FIELDS & set(form.changed_data)
            and "status" not in form.changed_data
        ):
            obj.status = QuestionStatus.EDITED
        super().save_model(request, obj, form, change)


@admin.register(Question)
class QuestionAdmin(BankItemAdmin):
    list_display = ("prompt_start", "kind", "status", "lesson", "rule", "updated_at")
    list_filter = ("kind", "status", "lesson")
    search_fields = ("prompt", "source_text", "lesson__title")
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
        *BankItemAdmin.readonly_fields,
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
    """The lesson's questions: approve or reject here, open one to edit its wording."""

    model = Question
    formset = BankInlineFormSet
    extra = 0
    fields = ("kind", "prompt", "status", "rule")
    readonly_fields = ("kind", "prompt", "rule")
    show_change_link = True
    ordering = ["pk"]


class FlashcardInline(admin.TabularInline):
    model = Flashcard
    formset = BankInlineFormSet
    extra = 0
    fields = ("front", "back", "status", "rule")
    readonly_fields = ("front", "back", "rule")
    show_change_link = True
    ordering = ["pk"]


LessonAdmin.inlines = [*LessonAdmin.inlines, QuestionInline, FlashcardInline]

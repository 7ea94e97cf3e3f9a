"""The bank review pages and downloads, under the lesson they belong to."""

from django.urls import path

from quizzes.views import bank

urlpatterns = [
    path("lessons/<slug:slug>/bank/", bank.bank_review, name="bank_review"),
    path("lessons/<slug:slug>/bank/regenerate/", bank.bank_regenerate, name="bank_regenerate"),
    path("lessons/<slug:slug>/bank/review/", bank.bank_bulk_review, name="bank_bulk_review"),
    path(
        "lessons/<slug:slug>/bank/export/<str:format_name>/",
        bank.bank_download,
        name="bank_download",
    ),
    path("lessons/<slug:slug>/bank/import/", bank.bank_import_gift, name="bank_import_gift"),
    path("lessons/<slug:slug>/bank/questions/new/", bank.question_add, name="bank_question_add"),
    path(
        "lessons/<slug:slug>/bank/questions/<int:pk>/edit/",
        bank.question_edit,
        name="bank_question_edit",
    ),
    path(
        "lessons/<slug:slug>/bank/questions/<int:pk>/status/",
        bank.question_status,
        name="bank_question_status",
    ),
    path(
        "lessons/<slug:slug>/bank/questions/<int:pk>/history/",
        bank.question_history,
        name="bank_question_history",
    ),
    path(
        "lessons/<slug:slug>/bank/questions/<int:pk>/remark/",
        bank.question_remark,
        name="bank_question_remark",
    ),
    path("lessons/<slug:slug>/bank/copy/", bank.lesson_copy_view, name="bank_lesson_copy"),
    path("lessons/<slug:slug>/bank/flashcards/new/", bank.flashcard_add, name="bank_flashcard_add"),
    path(
        "lessons/<slug:slug>/bank/flashcards/<int:pk>/edit/",
        bank.flashcard_edit,
        name="bank_flashcard_edit",
    ),
    path(
        "lessons/<slug:slug>/bank/flashcards/<int:pk>/status/",
        bank.flashcard_status,
        name="bank_flashcard_status",
    ),
]

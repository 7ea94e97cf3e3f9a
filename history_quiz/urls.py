from django.contrib import admin
from django.urls import include, path

from history_quiz import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers (and the admin's pages) still ask for /favicon.ico.
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/", include("history_quiz.accounts.urls")),
    path("jobs/", include("history_quiz.jobs.urls")),
    # Quizzes first: its paths under lessons/ ("lessons/<slug>/bank/") are more specific.
    path("", include("quizzes.urls")),
    path("lessons/", include("lessons.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "history_quiz.errors.bad_request"
handler403 = "history_quiz.errors.permission_denied"
handler404 = "history_quiz.errors.page_not_found"
handler500 = "history_quiz.errors.server_error"

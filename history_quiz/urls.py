from django.contrib import admin
from django.urls import include, path

from history_quiz import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("history_quiz.accounts.urls")),
    path("jobs/", include("history_quiz.jobs.urls")),
    # Quizzes first: its paths under lessons/ ("lessons/<slug>/bank/") are more specific.
    path("", include("quizzes.urls")),
    path("lessons/", include("lessons.urls")),
    path("admin/", admin.site.urls),
]

"""Quizzes' pages, a module per topic."""

from django.urls import include, path

app_name = "quizzes"

urlpatterns = [
    path("", include("quizzes.urls.bank")),
    path("", include("quizzes.urls.classes")),
    path("", include("quizzes.urls.attempts")),
    path("", include("quizzes.urls.study")),
    path("", include("quizzes.urls.live")),
]

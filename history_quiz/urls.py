from django.contrib import admin
from django.urls import include, path

from history_quiz import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("history_quiz.accounts.urls")),
    path("lessons/", include("lessons.urls")),
    path("admin/", admin.site.urls),
]

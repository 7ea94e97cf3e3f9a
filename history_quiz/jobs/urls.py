from django.urls import path

from history_quiz.jobs import views

app_name = "jobs"

urlpatterns = [
    path("<uuid:pk>/", views.job_detail, name="job_detail"),
    path("<uuid:pk>/retry/", views.job_retry_view, name="job_retry"),
]

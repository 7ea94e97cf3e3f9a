from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "history_quiz.jobs"
    label = "jobs"
    verbose_name = "Background jobs"

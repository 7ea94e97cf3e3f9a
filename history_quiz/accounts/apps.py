from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "history_quiz.accounts"
    label = "accounts"
    verbose_name = "Accounts"

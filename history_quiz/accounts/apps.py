from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "history_quiz.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from history_quiz.accounts import checks  # noqa: F401 - registers the checks

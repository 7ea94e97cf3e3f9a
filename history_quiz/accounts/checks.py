"""System checks for production settings this project needs beyond Django's own."""

from django.conf import settings
from django.core import checks

CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"


@checks.register(checks.Tags.security)
def email_backend_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Refuse the console e-mail backend when DEBUG is off: reset links would reach the log."""
    if settings.DEBUG or settings.EMAIL_BACKEND != CONSOLE_BACKEND:
        return []
    return [
        checks.Error(
            "The console e-mail backend writes password-reset links to the server log.",
            hint="Set EMAIL_BACKEND to django.core.mail.backends.smtp.EmailBackend (with "
            "EMAIL_HOST and friends) or django.core.mail.backends.filebased.EmailBackend "
            "(with EMAIL_FILE_PATH).",
            id="history_quiz.E001",
        )
    ]

"""The WSGI application, for gunicorn's sync workers."""

import os

from django.core.wsgi import get_wsgi_application

from history_quiz.startup import freeze_startup_objects

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "history_quiz.settings")

application = get_wsgi_application()
freeze_startup_objects()

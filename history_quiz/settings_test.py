"""Test settings: the real settings, made faster (cheap hashing, in-memory email)."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# Worker threads (the live games' sockets) close their connections after each use, so the
# test database can be dropped at the end.
os.environ.setdefault("CONN_MAX_AGE", "0")

from history_quiz.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The suite's threads (live sockets, the concurrency tests) close their own connections after
# each use, and some tests end connections on purpose: they run on plain connections, as
# before the pool. The pool the servers use is tested with the real settings in
# tests/test_db_pool.py.
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)  # noqa: F405

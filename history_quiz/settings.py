"""Settings for History Quiz, read from the environment with safe local defaults.

SQLite unless DATABASE_URL is set; DEBUG only when DEBUG=1; a development secret key only
while DEBUG is on.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY in the environment (or DEBUG=1 for development)."
        )
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "history_quiz.accounts",
    "history_quiz.jobs",
    "lessons",
    "quizzes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "history_quiz.middleware.IdsInRangeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "history_quiz.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "history_quiz.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "history_quiz.wsgi.application"
ASGI_APPLICATION = "history_quiz.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite in WAL mode lets readers run beside the one writer; wait instead of
    # failing with "database is locked" when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # uvicorn runs pages in threads (history_quiz/asgi.py) and the live games' database work
    # in threads of their own, and Django keeps a connection per thread: when each request
    # had a new thread, under load they kept so many open that PostgreSQL refused new
    # clients (server errors, lost autosaves). A pool in each process (psycopg_pool) lends
    # a request a connection and takes it back when the request ends; a request waits up
    # to DB_POOL_TIMEOUT seconds for one when all are lent.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DB_POOL_SIZE", "10")),
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "10")),
    }
# Threads serving pages in each uvicorn process (history_quiz/asgi.py): one per connection
# the pool lends, so a page seldom waits for a connection while a thread is free.
PAGE_THREADS = int(os.environ.get("PAGE_THREADS", os.environ.get("DB_POOL_SIZE", "10")))

# Throttling counters must be shared by every worker process: Redis when REDIS_URL is set
# (several app servers), else a table in the database (`manage.py createcachetable`), which
# every process on the machine, and every server on one PostgreSQL, sees.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}
    )
}

# Sessions: read from Redis when there is one (each page, an autosave too, reads the session:
# a Redis GET instead of a database query), written to both, so a Redis restart logs nobody
# out; only in the database without Redis (the database cache would be a query as well).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# Live games talk through a channel layer. One process keeps it in memory; several app
# servers (or several worker processes) share Redis, the same one as the cache.
CHANNEL_LAYERS = {
    "default": (
        {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # channels-redis waits up to 5 s for a message in one blocking read; the Redis
            # client's own read timeout (5 s by default) must be longer, or an idle socket's
            # consumer dies with a timeout. A class's sockets closing at once at the end of a
            # game need more than the client's default 100 connections per process.
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": 30, "max_connections": 1000}],
                "prefix": "hq-live",
            },
        }
        if REDIS_URL
        else {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    )
}

# Background work (lesson import, bank generation, GIFT import, roster accounts) is queued in
# the database and run by `manage.py run_worker` processes. A running job's worker beats
# every JOBS_HEARTBEAT_SECONDS; a job silent for JOBS_STALE_SECONDS lost its worker and is
# queued again.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
JOBS_HEARTBEAT_SECONDS = float(os.environ.get("JOBS_HEARTBEAT_SECONDS", "5"))
JOBS_STALE_SECONDS = float(os.environ.get("JOBS_STALE_SECONDS", "30"))
# A roster job's one-time passwords are wiped when its page is first shown, or by a worker's
# housekeeping this many hours after the job finished if nobody opened it (a teacher prints
# them the day the accounts are made).
ROSTER_PASSWORDS_KEPT_HOURS = float(os.environ.get("ROSTER_PASSWORDS_KEPT_HOURS", "24"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The console backend (the default) prints password-reset links to the log: fine while
# developing, refused by a system check in production (history_quiz/accounts/checks.py).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / ".cache" / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "History Quiz <noreply@localhost>")

# Login throttling (history_quiz/accounts/throttle.py): a username is locked only from the
# address that failed with it, an address after more failures whatever the usernames
# (password spraying), both for the cool-off. The records live in the database, so every
# app server sharing it counts the same failures.
AXES_HANDLER = "history_quiz.accounts.throttle.PerParameterLimitHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "30"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
LOGIN_FAILURE_LIMITS = [AXES_FAILURE_LIMIT, AXES_ADDRESS_FAILURE_LIMIT]
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "history_quiz.accounts.throttle.login_username"
# Behind reverse proxies, how many append to X-Forwarded-For (1 for the nginx below); the
# client's address is read through them only, so nobody can pick the address they fail from.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "history_quiz.accounts.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Scripts and styles only from our own static files: no inline scripts, no CDN. Inline
# style attributes stay allowed (Bootstrap's progress bars and Chart.js size elements so).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# A stale or missing CSRF token gets the site's own 403 page, saying to reload.
CSRF_FAILURE_VIEW = "history_quiz.errors.csrf_failure"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if env_flag("HTTPS"):
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    # A proxy's health check speaks plain HTTP and does not follow redirects.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LESSON_FIXTURES_DIR = BASE_DIR / "fixtures" / "lessons"

# Flashcard study: how many new cards a student meets per day.
STUDY_NEW_CARDS_PER_DAY = int(os.environ.get("STUDY_NEW_CARDS_PER_DAY", "20"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

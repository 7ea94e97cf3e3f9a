# History Quiz: `make run` sets everything up and serves; `make test` runs the suite.
PYTHON_BOOT ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install run run-prod setup test test-fast lint format bench bench-gradebook bench-generation bench-live clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# Migrate, import the bundled lessons, create the demo accounts and data.
setup: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py createcachetable
	DEBUG=1 $(PY) manage.py import_lessons fixtures/lessons
	DEBUG=1 $(PY) manage.py create_demo_accounts
	DEBUG=1 $(PY) manage.py create_demo_classes

# uvicorn serves the pages and the live games' WebSockets alike (history_quiz/asgi.py);
# frames over 4 KiB are refused before the app sees them.
ASGI := $(VENV)/bin/uvicorn history_quiz.asgi:application --ws-max-size 4096

# The web server (uvicorn, reloading on code changes) and one background worker (lesson
# imports, bank generation, GIFT imports, roster accounts); stopping the server (Ctrl+C) stops
# the worker too.
run: setup
	DEBUG=1 $(PY) manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	DEBUG=1 $(ASGI) --host $(HOST) --port $(PORT) --reload --reload-dir history_quiz \
		--reload-dir lessons --reload-dir quizzes --reload-dir templates

# Single-machine production: uvicorn on the embedded SQLite, static files from whitenoise,
# one background worker beside it (stopped with the server). Pages run in PAGE_THREADS
# threads of each uvicorn process (history_quiz/asgi.py). The secret key is made once and
# kept in .secret_key (ignored by git); password-reset e-mails go to files in .cache/mail
# unless EMAIL_BACKEND says otherwise (SMTP: see README). Without REDIS_URL the live games'
# channel layer lives in one process's memory, so one uvicorn process serves everything (its
# threads share one core for Python); with REDIS_URL, WEB_CONCURRENCY processes (default 3)
# share it through Redis.
PROD_ENV = SECRET_KEY="$$(cat .secret_key)" ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	EMAIL_BACKEND="$${EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend}"
run-prod: install
	test -s .secret_key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > .secret_key
	$(PROD_ENV) $(PY) manage.py migrate --noinput
	$(PROD_ENV) $(PY) manage.py createcachetable
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(PY) manage.py import_lessons fixtures/lessons
	$(PROD_ENV) $(PY) manage.py run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	if [ -n "$$REDIS_URL" ]; then workers=$${WEB_CONCURRENCY:-3}; else workers=1; \
		echo "No REDIS_URL: one uvicorn process (live games need one process without Redis;" \
			"set REDIS_URL for WEB_CONCURRENCY processes)"; fi; \
	$(PROD_ENV) $(ASGI) --host $(HOST) --port $(PORT) --workers $$workers --proxy-headers \
		--no-server-header --timeout-graceful-shutdown 10

# axe-core for the browser suite's accessibility checks, from the npm registry into a
# git-ignored folder (tests only; no package.json at the top level).
AXE_VERSION := 4.14.1
AXE := .cache/axe/node_modules/axe-core/axe.min.js
$(AXE):
	if command -v npm >/dev/null; then npm install --silent --no-audit --no-fund \
		--prefix .cache/axe axe-core@$(AXE_VERSION); \
	else echo "npm is missing: the accessibility tests will be skipped"; fi

# gift-pegjs, a GIFT parser from npm, for the export round-trip tests (tests only).
GIFT_PEGJS_VERSION := 1.0.2
GIFT_PEGJS := .cache/gift/node_modules/gift-pegjs/package.json
$(GIFT_PEGJS):
	if command -v npm >/dev/null; then npm install --silent --no-audit --no-fund \
		--prefix .cache/gift gift-pegjs@$(GIFT_PEGJS_VERSION); \
	else echo "npm is missing: the GIFT parser round-trip tests will be skipped"; fi

# The whole suite, in parallel; DATABASE_URL picks PostgreSQL instead of SQLite.
test: install $(AXE) $(GIFT_PEGJS)
	$(PY) -m pytest -n auto --dist loadgroup $(PYTEST_ARGS)

test-fast: install $(GIFT_PEGJS)
	$(PY) -m pytest -n auto -m "not e2e" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Load figures: its own PostgreSQL (127.0.0.1:54330), uvicorn as run-prod runs it
# (127.0.0.1:8006, with a Redis on a Unix socket for its workers), driven by Debian's wrk;
# about five minutes. Not part of `make test`.
bench: install
	command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq wrk; \
		else sudo apt-get install -y -qq wrk; fi; }
	$(PY) bench/load.py $(BENCH_ARGS)

# Gradebook and statistics render times for 200 students x 40 assignments (temp SQLite).
bench-gradebook: install
	$(PY) bench/bench_gradebook.py

# Parse time against whole generation time per bundled lesson (target: <= 2x).
bench-generation: install
	$(PY) bench/bench_generation.py

# Live game figures: 200 WebSocket players on uvicorn (127.0.0.1:8016) and its own
# PostgreSQL (127.0.0.1:54331); about two minutes. Not part of `make test`.
bench-live: install
	$(PY) bench/bench_live.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .cache

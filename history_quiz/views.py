import logging

import psycopg
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lessons.selectors import lesson_list

logger = logging.getLogger(__name__)


# How long the health check waits for a pooled connection: a database that is down shows
# as 503 this soon, where a page waits the pool's whole DB_POOL_TIMEOUT.
HEALTHZ_POOL_TIMEOUT = 2.0


def _database_round_trip() -> None:
    """SELECT 1 on the database; raises DatabaseError (or the pool's PoolTimeout, itself a
    psycopg error) when it does not answer."""
    pool = getattr(connection, "pool", None)  # psycopg's pool, when the settings ask for one
    if pool is not None and connection.connection is None:
        pool.open()  # as Django does before its first connection (a no-op once open)
        with pool.connection(timeout=HEALTHZ_POOL_TIMEOUT) as pooled:
            pooled.execute("SELECT 1").fetchone()
        return
    # A real round trip: a kept-open connection proves nothing once the server is gone.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Health: the process answers and the database answers a query (503 when it does not,
    within HEALTHZ_POOL_TIMEOUT on a pool), so a load balancer stops sending students to a
    server that cannot serve them."""
    try:
        _database_round_trip()
    except (DatabaseError, psycopg.Error) as error:
        logger.warning("Health check: the database did not answer (%s)", error)
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """The site's icon, for browsers that ask for /favicon.ico."""
    return redirect(static("favicon.svg"), permanent=True)


def home(request: HttpRequest) -> HttpResponse:
    """The front page: what the app does and the newest lessons. Signed-in students go to
    their dashboard and teachers to their classes."""
    if request.user.is_authenticated:
        if request.user.can_edit_content:
            return redirect("quizzes:classroom_index")
        return redirect("quizzes:dashboard")
    return render(request, "home.html", {"latest_lessons": lesson_list()[:6]})

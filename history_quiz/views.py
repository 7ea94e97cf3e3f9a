from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lessons.selectors import lesson_list


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers and the database accepts a connection."""
    connection.ensure_connection()
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

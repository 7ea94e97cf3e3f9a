"""The site's error pages: what happened in plain words and a way back, in the site's
layout. Django calls these for 400, 403, 404 and 500 (see handler* in urls.py) and for a
failed CSRF check; views answer a limit reached with `too_many_requests`."""

from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme


def _back_url(request: HttpRequest) -> str:
    """The page the visitor came from, if it is one of ours."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except Exception:  # a bad Host header is itself the reason for a 400
        return ""
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={host}):
        return referer
    return ""


def _render(request: HttpRequest, status: int, **context) -> HttpResponse:
    template = loader.get_template(f"{status}.html")
    context.setdefault("back_url", _back_url(request))
    return HttpResponse(template.render(context, request), status=status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    # Never echo the exception: it may be a tampered form or a hostile Host header.
    # The page is rendered without the request: a bad Host header would fail again there.
    template = loader.get_template("400.html")
    return HttpResponse(template.render({}), status=400)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    # Our PermissionDenied messages are written for people ("Only teachers manage classes.").
    reason = str(exception) if exception and str(exception) else ""
    return _render(request, 403, reason=reason)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _render(request, 403, csrf=True)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _render(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the database or the session may be what failed.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)


def too_many_requests(
    request: HttpRequest, *, message: str, retry_after_seconds: int | None = None
) -> HttpResponse:
    """A 429 page saying which limit was reached and when to try again."""
    response = _render(request, 429, message=message, retry_after=retry_after_seconds)
    if retry_after_seconds:
        response["Retry-After"] = str(retry_after_seconds)
    return response

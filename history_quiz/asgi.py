"""The ASGI application: Django's pages over HTTP and the live games' WebSockets, served
by one ASGI server (uvicorn) in `make run` and `make run-prod`.

Pages go through Django's WSGI handler in a pool of threads (a2wsgi), not through Django's
ASGI handler: every view and middleware here is synchronous, and the ASGI handler moves a
request between the event loop and threads a dozen times (its signals, each async-capable
middleware, the view), starting two threads per request. In one process that cost /healthz
2.3 ms of CPU against 0.4 ms through the WSGI handler, and an autosave 6.8 ms against 4.7
(bench figures in the README's "Performance"). One thread per pooled database connection.

WebSockets get the session and user from the same cookies as the pages, and only from
pages of an allowed host: a socket opened from another site is refused at the handshake.
"""

import os

from a2wsgi import WSGIMiddleware
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "history_quiz.settings")

# Django first: the routing below imports models.
pages = get_wsgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from history_quiz.startup import freeze_startup_objects  # noqa: E402
from quizzes.live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": WSGIMiddleware(pages, workers=settings.PAGE_THREADS),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
freeze_startup_objects()

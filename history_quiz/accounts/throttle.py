"""Login throttling with django-axes that nobody can turn against another user.

- A username is locked only from the address that failed with it (axes' username-and-address
  combination): a stranger elsewhere cannot lock a student out of their own account.
- An address is locked, whatever the usernames, after more failures (axes' address-alone
  combination, with a higher limit of its own): trying one password on many accounts
  (password spraying) stops there.
- Both end after the cool-off (settings.AXES_COOLOFF_TIME).
- The client's address comes from X-Forwarded-For only through the configured number of
  trusted proxies (settings.TRUSTED_PROXY_COUNT), so a client cannot choose its address.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.http import HttpRequest

from history_quiz.accounts.usernames import username_normalize


def client_address(request: HttpRequest) -> str | None:
    """The address the first trusted proxy saw the request come from (None for a request
    with no address, such as the test client's force_login).

    Each trusted proxy appends the address it was reached from to X-Forwarded-For, so with N
    proxies the N-th entry from the right is the client's as the outermost proxy saw it;
    whatever the client wrote in the header itself sits further left and is ignored."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        return remote


def login_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The username as accounts store it, so "Sara.Ahmed" and "sara.ahmed" count as one."""
    raw = (credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD)
    if raw is None:
        raw = request.POST.get(settings.AXES_USERNAME_FORM_FIELD)
    return username_normalize(raw) if raw is not None else None


class PerParameterLimitHandler(AxesDatabaseHandler):
    """axes' database handler with a failure limit for each lockout combination.

    settings.AXES_LOCKOUT_PARAMETERS lists the combinations and
    settings.LOGIN_FAILURE_LIMITS their limits, in the same order. axes compares one count
    with AXES_FAILURE_LIMIT, so each combination's count is scaled to that limit: a
    combination reaches it exactly when it reaches its own limit.
    """

    def get_failures(self, request, credentials=None) -> int:
        base = settings.AXES_FAILURE_LIMIT
        counts = [
            sum(attempts.values_list("failures_since_start", flat=True))
            for attempts in self.get_user_attempts(request, credentials)
        ]
        limits = settings.LOGIN_FAILURE_LIMITS
        return max(
            (count * base // limit for count, limit in zip(counts, limits, strict=True)),
            default=0,
        )

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful log-in clears that username's failures from that address only:
        a sprayer logging into their own account must not wipe the address's count."""
        first, *_ = self.filter_user_attempts(request, credentials)
        count, _ = first.delete()
        return count

"""The address of the client, for everything that keys on it (rate limits,
lockouts, logs)."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or the address X-Forwarded-For gives when the request came
    through TRUSTED_PROXY_COUNT proxies of ours.

    Each proxy appends the address it received the request from, so with N
    trusted proxies the client is the N-th entry from the right; anything to its
    left was written by the client and is not to be believed."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote

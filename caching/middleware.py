from django.conf import settings
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from security.middleware import fields_with_control_characters

from . import store
from .policy import CACHE_CONTROL, STORED_KINDS, VALIDATED_KINDS, kind_of


def _may_use_cache(request):
    # Only readers without a session: a session may hold a login or a page
    # password, and is what a shared cache in front passes on too.
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # Left to the control-character middleware's 400, even in a dropped tracking parameter.
        and not fields_with_control_characters(request.GET)
    )


def _not_modified_or(request, response):
    """A 304 when the reader's copy (If-None-Match, If-Modified-Since) is current."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


class PageCacheMiddleware:
    """Serves anonymous readers from the page cache, stores what may be stored,
    and gives every response the Cache-Control of its kind (caching.policy).

    Placed before the session and CSRF middleware, so that it sees the cookies
    they set and never stores a response that sets one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        use_cache = _may_use_cache(request)
        if use_cache:
            cached = store.fetch(request)
            if cached is not None:
                cached["X-Page-Cache"] = "hit"
                return _not_modified_or(request, cached)
        response = self.get_response(request)
        kind = kind_of(request, response)
        if kind is None:
            return response
        response["Cache-Control"] = CACHE_CONTROL[kind]
        if kind not in VALIDATED_KINDS or response.streaming:
            return response
        set_response_etag(response)
        response.setdefault("Last-Modified", http_date())
        if use_cache and kind in STORED_KINDS and request.method == "GET":
            store.store(request, response)
            response["X-Page-Cache"] = "miss"
        return _not_modified_or(request, response)

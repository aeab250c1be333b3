"""The page cache: whole anonymous responses in Django's cache, keyed by
host, path, normalised query string and language, stored with the versions of
the tags of what they show (`serving.tags`, sent to Varnish in `xkey`) and
current while those are: a tag's purge reaches every address of a page.
The HTML is kept deflated: a fifth of the memory (docs/scale.md), for
a fraction of a millisecond to inflate it on each hit."""

import hashlib
import zlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_request

from security.middleware import fields_with_control_characters

from . import tags
from .policy import CACHE_CONTROL, STORED_KINDS, VALIDATED_KINDS, kind_of

# Links from newsletters and social networks carry these; the page is the same.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
TAGS_HEADER = "xkey"
# zlib's level 6 deflates a page about as much as 9, in half the time.
ENTRY_COMPRESSION = 6


def normalised_query(query_string):
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if not name.startswith(TRACKING_PARAMETERS)
    ]
    return urlencode(sorted(pairs))


def _key(request):
    language = get_language_from_request(request, check_path=True)
    url = f"{request.get_host()}{request.path}?{normalised_query(request.META.get('QUERY_STRING', ''))}"
    return f"pagecache:{language}:{hashlib.sha256(url.encode()).hexdigest()}"


def fetch(request):
    """The stored response for this request while its tags are current, or None."""
    stored = tags.cache().get(_key(request))
    if stored is None:
        return None
    versions, content, headers = stored
    if tags.versions(list(versions)) != versions:
        return None
    try:
        content = zlib.decompress(content)
    except zlib.error:  # an entry stored whole, before entries were deflated
        return None
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def store(request, response):
    versions = tags.versions(response[TAGS_HEADER].split(), create=True)
    if None in versions.values():
        return
    entry = (versions, zlib.compress(response.content, ENTRY_COMPRESSION), list(response.items()))
    tags.cache().set(_key(request), entry, settings.PAGE_CACHE_TIMEOUT)


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
    and gives every response the Cache-Control of its kind (serving.policy).

    Placed before the session and CSRF middleware, so that it sees the cookies
    they set and never stores a response that sets one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A host outside ALLOWED_HOSTS gets Django's 400 before any cached page.
        request.get_host()
        use_cache = _may_use_cache(request)
        if use_cache:
            cached = fetch(request)
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
        if kind in STORED_KINDS:
            match = request.resolver_match
            if getattr(request, "page_cache_page", None) is None and match and match.url_name:
                tags.shows(tags.view_tag(match.url_name))
            response[TAGS_HEADER] = " ".join(tags.response_tags())
            if use_cache and request.method == "GET":
                store(request, response)
                response["X-Page-Cache"] = "miss"
        return _not_modified_or(request, response)

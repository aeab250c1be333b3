"""The page cache: whole anonymous responses in Django's cache (CACHES), keyed
by path, normalised query string and language.

Each path has a version number in the cache; an entry's key carries the
version it was stored under. Purging a path gives it a new version, which
drops at once every stored variant of that path (pages of a listing, filters,
languages negotiated for the sitemap) without knowing which were stored."""

import hashlib
import time
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.translation import get_language_from_request

# Links from newsletters and social networks carry these; the page is the same.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _version_key(path):
    return f"pagecache:path:{_digest(path)}"


def normalised_query(query_string):
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if not name.startswith(TRACKING_PARAMETERS)
    ]
    return urlencode(sorted(pairs))


def _entry_key(request, version):
    language = get_language_from_request(request, check_path=True)
    url = f"{request.path}?{normalised_query(request.META.get('QUERY_STRING', ''))}"
    return f"pagecache:entry:{version}:{language}:{_digest(url)}"


def _version(path, create=False):
    cache = _cache()
    key = _version_key(path)
    version = cache.get(key)
    if version is None and create:
        # From the clock, so that a version lost to eviction never comes back
        # and revives entries stored under it.
        cache.add(key, time.time_ns(), None)
        version = cache.get(key)
    return version


def fetch(request):
    """The stored response for this request, or None."""
    version = _version(request.path)
    if version is None:
        return None
    stored = _cache().get(_entry_key(request, version))
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def store(request, response):
    key = _entry_key(request, _version(request.path, create=True))
    _cache().set(key, (response.content, list(response.items())), settings.PAGE_CACHE_TIMEOUT)


def purge_paths(paths):
    """Drop every stored variant of each path."""
    version = time.time_ns()
    _cache().set_many({_version_key(path): version for path in paths}, None)


def path_of(url):
    return urlsplit(url).path or "/"

"""Cache tags, and what the request being served has read (docs/caching.md).

A tag has a version in the cache; what is stored under tags keeps the
versions it was computed under and is current while they are. Purging a tag
gives it a new version in every process's view and sends it to Varnish (a
`PURGE` with an `xkey-purge` header). Within a request, versions and site-wide
pieces are read once (`memo`) and the tags of what it shows gathered (`shows`):
each page, topic or person its render loads (`caching` connects their models),
the listings it shows (`list-<id>`: a page's children), and what each
site-wide piece it reads showed when computed (`recording`, `replayed`)."""

import time
import urllib.request

from asgiref.local import Local
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from background.retry import retried

from .registry import ENTRIES, MEDIA, PAGES, SITE, TAG_SOURCES

# The tags site-wide pieces depend on: read in one round trip per request.
DATA_TAGS = sorted({SITE, MEDIA, *TAG_SOURCES, *(tag for entry in ENTRIES.values() for tag in entry.tags)})
# A response showing more (the sitemap) carries `pages` instead of its pages' and snippets' tags.
MAX_SHOWN = 200

# Filled by each app in its AppConfig.ready(), connected by `caching`: the snippet
# models whose instances, once loaded, a response shows (as pages are); and the rows
# tying a page to what shows it elsewhere: {model: (path from a row to its page, ""
# for a page type's own field; the tags of a row)}, purged when the row or its page changes.
SHOWN_WHEN_LOADED = set()
TIES = {}


def tie(model, tags_of, page=""):
    TIES[model] = (page, tags_of)


_request = Local()


def start_request(**kwargs):
    # Images show without a hook to tell (Wagtail's `picture` and `image` tags): every response carries `media`.
    _request.tags, _request.versions, _request.memo = {SITE, MEDIA}, {}, {}


def end_request(**kwargs):
    _request.tags = _request.versions = _request.memo = None


def memo():
    """{key: value} of the site-wide pieces this request read (None outside one)."""
    return getattr(_request, "memo", None)


def shows(*tags):
    """The response being built shows what these tags name."""
    gathered = getattr(_request, "tags", None)
    if gathered is not None:
        gathered.update(tags)


def shows_instead(page_id, *tags):
    """A page's sub-page (a topic's, a person's) shows these, not the page's own listing."""
    gathered = getattr(_request, "tags", None)
    if gathered is not None:
        gathered.difference_update((page_tag(page_id), list_tag(page_id)))
        gathered.update(tags)


def loaded_with(instance):
    """The tags of the pages and snippets `instance` carries, joined or
    prefetched (a routed page's authors and topics): what a rendering reading
    them shows, though their loading was recorded before it."""
    found, seen, pending = set(), set(), [instance]
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, Page):
            found.add(page_tag(item.pk))
        elif type(item) in SHOWN_WHEN_LOADED:
            found.add(object_tag(type(item), item.pk))
        pending.extend(related for related in item._state.fields_cache.values() if related is not None)
        for rows in getattr(item, "_prefetched_objects_cache", {}).values():
            pending.extend(rows)
    return found


def recording(compute):
    """(compute(), the tags it showed): kept with a site-wide piece, shown again by each reader."""
    outer = getattr(_request, "tags", None)
    _request.tags = set()
    try:
        value = compute()
    finally:
        shown, _request.tags = _request.tags, outer
    return value, shown


def replayed(recorded):
    value, shown = recorded
    shows(*shown)
    return value


def response_tags():
    gathered = getattr(_request, "tags", None) or set()
    if len(gathered) > MAX_SHOWN:
        gathered = {PAGES, *(tag for tag in gathered if tag in DATA_TAGS or tag.startswith("view-"))}
    return sorted(gathered)


def page_tag(page_id):
    return f"page-{page_id}"


def list_tag(page_id):  # a listing of the page's children: a new one appears there
    return f"list-{page_id}"


def view_tag(url_name):  # a view that is not a page: `view-sitemap`
    return f"view-{url_name}"


def object_tag(model, pk):  # one snippet: `topic-3`, `person-8`
    return f"{model._meta.model_name}-{pk}"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _key(tag):
    return f"tag:{tag}"


def _read(tags):
    found = cache().get_many([_key(tag) for tag in tags]) if tags else {}
    return {tag: found.get(_key(tag)) for tag in tags}


def versions(tags, create=False):
    """{tag: version} of `tags`; `create` reads them again and gives a version
    to those without one (from the clock, so that a version lost to eviction
    never comes back). A request's first call reads every site-wide tag."""
    known = getattr(_request, "versions", None)
    if known is None:
        known = {}
    elif not known:
        known.update(_read(DATA_TAGS))
    known.update(_read([tag for tag in tags if create or tag not in known]))
    for tag in tags:
        if create and known[tag] is None:
            cache().add(_key(tag), time.time_ns(), None)
            known[tag] = cache().get(_key(tag))
    return {tag: known[tag] for tag in tags}


def _bump(tags):
    version = time.time_ns()
    cache().set_many({_key(tag): version for tag in tags}, None)
    if memo() is not None:
        _request.versions, _request.memo = {}, {}


def purge(tags):
    """Drops what is stored under `tags`: now, and again when the editor's
    transaction commits (a reader computing in between would keep what the
    database showed before it), when the front-end caches are purged too."""
    tags = sorted(set(tags))
    if not tags:
        return
    _bump(tags)

    def committed():
        _bump(tags)
        if settings.FRONTEND_CACHE_URLS:
            purge_frontends.enqueue(tags)

    transaction.on_commit(committed)


def purge_everything():
    """After a restore: nothing stored before it is served after it, by any
    server's page cache, the site-wide data or Varnish; at once."""
    _bump([SITE])
    if settings.FRONTEND_CACHE_URLS:
        purge_frontends.call([SITE])


@retried(_("Purge du cache HTTP (Varnish)"))
def purge_frontends(tags):
    for url in settings.FRONTEND_CACHE_URLS:
        request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": " ".join(tags)})  # noqa: S310 - as below
        with urllib.request.urlopen(request, timeout=5):  # noqa: S310 - the operator's own URL
            pass

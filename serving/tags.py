"""Cache tags, and what the request being served has read.

Each tag has a version in the cache (`tag:<name>`); what is stored under tags
(a site-wide piece, a whole response) keeps the versions it was computed under
and is current while they are. Purging a tag gives it a new version, which
drops at once everything stored under it in every process, and sends the tag
to the front-end caches (Varnish's xkey: one `PURGE` whose `xkey-purge` header
lists the tags, see deploy/varnish/default.vcl).

During a request, the tags' versions and the site-wide pieces are read once
(`memo`), and the tags of what the response shows are gathered (`shows`): the
page cache stores the response under them and sends them in its `xkey` header."""

import time
import urllib.request

from asgiref.local import Local
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from background.retry import retried

from .registry import ENTRIES, MEDIA, SITE, TAG_SOURCES

# The tags site-wide pieces depend on: read in one round trip per request.
DATA_TAGS = sorted({SITE, MEDIA, *TAG_SOURCES, *(tag for entry in ENTRIES.values() for tag in entry.tags)})

_request = Local()


def start_request(**kwargs):
    _request.tags, _request.versions, _request.memo = {SITE}, {}, {}


def end_request(**kwargs):
    _request.tags = _request.versions = _request.memo = None


def memo():
    """{key: value} of the site-wide pieces this request read, or None outside a request."""
    return getattr(_request, "memo", None)


def shows(*tags):
    """The response being built shows what these tags name."""
    gathered = getattr(_request, "tags", None)
    if gathered is not None:
        gathered.update(tags)


def response_tags():
    return sorted(getattr(_request, "tags", None) or ())


def page_tag(page_id):
    return f"page-{page_id}"


def view_tag(url_name):
    """A view that is not a page, such as `view-sitemap`."""
    return f"view-{url_name}"


def object_tag(model, pk):
    """`topic-3`, `person-8`: one snippet shown by a response."""
    return f"{model._meta.model_name}-{pk}"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _key(tag):
    return f"tag:{tag}"


def versions(tags, create=False):
    """{tag: version} of `tags`; `create` gives a version to those without one
    (from the clock, so that a version lost to eviction never comes back).
    Within a request, the first call reads every site-wide tag at once."""
    known = getattr(_request, "versions", None)
    in_request = known is not None
    if not in_request:
        known = {}
    wanted = [tag for tag in tags if create or tag not in known]
    if wanted:
        read = sorted({*wanted, *DATA_TAGS}) if in_request and not known else wanted
        found = cache().get_many([_key(tag) for tag in read])
        known.update({tag: found.get(_key(tag)) for tag in read})
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
        request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": " ".join(tags)})
        with urllib.request.urlopen(request, timeout=5):  # noqa: S310 - the operator's own URL
            pass

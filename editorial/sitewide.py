"""Site-wide data every page reads and only an editor's save changes: the site
of a host name, the locales, the view restrictions (which sections are
private), and what the chrome shows (menus, feeds; see `navigation`).

It is kept in Django's cache (the `CACHES` setting: shared by every worker on
Redis), never in a per-process dict, under keys carrying a generation number.
Any save or deletion that can change it (a page published, unpublished, moved
or deleted; a site, locale or view restriction saved or deleted; a menu saved,
through `invalidate_sitewide`; an image or a document, for the bodies rendered
under it, see `rendered_body`; a translation synchronised, for the translation
notices, see `roles.translation_status`) moves to a new generation, so every
worker reads fresh data on its next request.

Each piece is also written to the database (`SitewideSnapshot`) when computed:
with an empty cache, the first read of a request loads every piece of the
current generation in one query, where recomputing them would cost one or more
queries each."""

import logging
import pickle
import time

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.query import PageQuerySet
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "editorial:sitewide:generation"
# Signals keep the data exact; the timeout bounds how long the cache keeps
# what a change made behind the ORM's back (raw SQL) left stale. The snapshot
# in the database keeps it until the next save or `migrate`, which drop it.
TIMEOUT = 60 * 60 * 24


# Within a request, each value is read from the cache once: a page asks for the
# locales, menus and view restrictions dozens of times (36 reads of a summit
# page), each a round trip to Redis and an unpickling. Only during a request,
# so that a process serving none (a worker, a shell) never keeps a stale value.
_request_memo = Local()


def _start_memo(**kwargs):
    _request_memo.values = {}


# The names of the pieces the last two requests of this process both read
# (locales, menus, the footer...): a request asks the cache for all of them in
# one round trip, instead of one per piece. Names only, never values: the
# values always come from the cache, under the current generation.
_shared_names = frozenset()
_last_names = frozenset()


def _end_memo(**kwargs):
    global _shared_names, _last_names
    memo = _memo()
    if memo:
        names = frozenset(name for name in memo if isinstance(name, str))
        _shared_names, _last_names = names & _last_names, names
    _request_memo.values = None


def _memo():
    return getattr(_request_memo, "values", None)


# The request memo's keys for the snapshot read from the database, for the
# pieces computed during the request, not yet written, for the generation, and
# for the shared names the cache did not have.
_STORED = object()
_PENDING = object()
_GENERATION = object()
_PREFETCHED = object()


def _stored():
    """{name: value} of the database's snapshot, "generation" included: one query,
    once per request."""
    memo = _memo()
    if memo is not None and _STORED in memo:
        return memo[_STORED]
    from .models import SitewideSnapshot

    rows = list(SitewideSnapshot.objects.all())
    generation = next((row.generation for row in rows if row.name == SitewideSnapshot.GENERATION), None)
    stored = {
        row.name: pickle.loads(row.value)
        for row in rows
        if row.name != SitewideSnapshot.GENERATION and row.generation == generation
    }
    stored[SitewideSnapshot.GENERATION] = generation
    if memo is not None:
        memo[_STORED] = stored
    return stored


def _store(name, generation, value=None):
    """Writes a piece to the snapshot: at the end of the request (`save_pending`),
    with the request's other new pieces in one statement; at once outside a request."""
    from .models import SitewideSnapshot

    row = SitewideSnapshot(name=name, generation=generation, value=b"" if value is None else pickle.dumps(value))
    memo = _memo()
    if memo is not None and name != SitewideSnapshot.GENERATION:
        memo.setdefault(_PENDING, []).append(row)
    else:
        _write([row])


def _write(rows):
    from .models import SitewideSnapshot

    # A concurrent writer of the same piece is no error: the last one wins. The
    # snapshot only saves queries: a write that fails (SQLite busy) costs the
    # reader nothing, the next one writes it.
    try:
        with transaction.atomic():
            SitewideSnapshot.objects.bulk_create(
                rows, update_conflicts=True, unique_fields=["name"], update_fields=["generation", "value"]
            )
    except DatabaseError:
        logger.warning("Site-wide data: the snapshot could not be written.", exc_info=True)


def save_pending():
    """Writes the pieces the request computed (called once its response is ready)."""
    memo = _memo()
    rows = memo.pop(_PENDING, None) if memo is not None else None
    if rows:
        _write(rows)


def _generation():
    """The current generation, read from the cache once per request (with Redis,
    a round trip saved for every piece after the first)."""
    from .models import SitewideSnapshot

    memo = _memo()
    if memo is not None and _GENERATION in memo:
        return memo[_GENERATION]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = _stored()[SitewideSnapshot.GENERATION]
        if generation is None:
            generation = _new_generation()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY)
    if memo is not None:
        memo[_GENERATION] = generation
    return generation


def _new_generation():
    """From the clock, so that a generation lost to eviction never comes back."""
    from .models import SitewideSnapshot

    generation = time.time_ns()
    _store(SitewideSnapshot.GENERATION, generation)
    return generation


def sitewide(name, compute, persist=True):
    """The cached value of `name` (a key naming the data and what it depends on,
    such as the language), computed by `compute()` when missing.

    `persist=False` keeps it out of the database's snapshot: for names made from
    what a request says (a host name), which would let anyone add rows."""
    from .models import SitewideSnapshot

    memo = _memo()
    if memo is not None and name in memo:
        return memo[name]
    generation = _generation()
    if memo is not None and _PREFETCHED not in memo:
        _prefetch(memo, generation)
        if name in memo:
            return memo[name]
    key = _key(generation, name)
    missed = memo is not None and name in memo[_PREFETCHED]
    value = None if missed else cache.get(key)
    if value is None:
        stored = _stored()
        if persist and name in stored and stored[SitewideSnapshot.GENERATION] == generation:
            value = stored[name]
        else:
            value = compute()
            if persist:
                _store(name, generation, value)
        cache.set(key, value, TIMEOUT)
    if memo is not None:
        memo[name] = value
    return value


def _key(generation, name):
    return f"editorial:sitewide:{generation}:{name}"


def _prefetch(memo, generation):
    """Reads the pieces recent requests all read, in one round trip; remembers
    those the cache did not have, so as not to ask for them again."""
    names = [name for name in _shared_names if name not in memo]
    found = cache.get_many([_key(generation, name) for name in names]) if names else {}
    missed = set()
    for name in names:
        key = _key(generation, name)
        if key in found:
            memo[name] = found[key]
        else:
            missed.add(name)
    memo[_PREFETCHED] = missed


def invalidate_sitewide(**kwargs):
    """Signal receiver: every worker recomputes the site-wide data on its next read.

    Once now, and once more when the editor's transaction commits: a reader
    computing between the two would otherwise keep what the database showed
    before the commit."""
    if _memo() is not None:
        _start_memo()
    _bump()
    transaction.on_commit(_bump)


def _drop_after_migrate(**kwargs):
    try:
        invalidate_sitewide()
    except Exception:
        # A deployment may migrate before the cache server is up: the snapshot
        # is dropped all the same, and the cached pieces expire after TIMEOUT.
        logger.warning("Site-wide data: the cache could not be told of the migration.", exc_info=True)
        from .models import SitewideSnapshot

        SitewideSnapshot.objects.all().delete()


def _bump():
    from .models import SitewideSnapshot

    SitewideSnapshot.objects.exclude(name=SitewideSnapshot.GENERATION).delete()
    cache.set(GENERATION_KEY, _new_generation(), None)
    memo = _memo()
    if memo is not None:
        memo.pop(_GENERATION, None)


# Locales ------------------------------------------------------------------


def locale_for(language_code):
    """The Locale of `language_code`, or None."""
    locales = sitewide("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})
    return locales.get(language_code)


# View restrictions -------------------------------------------------------------


def view_restrictions():
    """Every view restriction, with the path of its page as `page_path`, shallowest first."""

    def compute():
        restrictions = list(PageViewRestriction.objects.select_related("page").order_by("page__path"))
        for restriction in restrictions:
            restriction.page_path = restriction.page.path
        return restrictions

    return sitewide("view-restrictions", compute)


def cached_public_q(queryset=None):
    """`PageQuerySet.public_q` from the cached restrictions: pages outside every private section."""
    q = Q()
    for restriction in view_restrictions():
        q &= ~Q(path__startswith=restriction.page_path)
    return q


def cached_private_q(queryset=None):
    q = Q()
    for restriction in view_restrictions():
        q |= Q(path__startswith=restriction.page_path)
    return q if q else Q(pk__in=[])


def _active_locale(cls):
    """`Locale.get_active()` from the cache, falling back to the default locale as Wagtail does."""
    try:
        locale = locale_for(get_supported_content_language_variant(get_language()))
    except LookupError:
        locale = None
    return locale or cls.get_default()


def connect_signals(app_config):
    request_started.connect(_start_memo, dispatch_uid="editorial_sitewide_request_started")
    request_finished.connect(_end_memo, dispatch_uid="editorial_sitewide_request_finished")
    # Wagtail reads the sites' root paths for every page URL it builds, from its own cache key.
    wagtail_root_paths = Site.get_site_root_paths
    Site.get_site_root_paths = staticmethod(lambda: sitewide("site-root-paths", wagtail_root_paths))
    # Wagtail looks up the reader's locale on every page (`Page.localized`).
    Locale.get_active = classmethod(_active_locale)
    # `.public()` everywhere (listings, menus, translations, Wagtail's own views)
    # reads the cached restrictions: one query per request at most, not one per call.
    PageQuerySet.public_q = cached_public_q
    PageQuerySet.private_q = cached_private_q
    # After a deployment's `migrate`, values pickled from the previous code are dropped.
    post_migrate.connect(_drop_after_migrate, sender=app_config, dispatch_uid="editorial_sitewide_migrated")
    for model in get_page_models():
        page_published.connect(invalidate_sitewide, sender=model, dispatch_uid="editorial_sitewide_published")
        page_unpublished.connect(invalidate_sitewide, sender=model, dispatch_uid="editorial_sitewide_unpublished")
        post_page_move.connect(invalidate_sitewide, sender=model, dispatch_uid="editorial_sitewide_moved")
    post_delete.connect(invalidate_sitewide, sender=Page, dispatch_uid="editorial_sitewide_page_deleted")
    for model in (Site, Locale, PageViewRestriction):
        post_save.connect(invalidate_sitewide, sender=model, dispatch_uid=f"editorial_sitewide_{model.__name__}_saved")
        post_delete.connect(
            invalidate_sitewide, sender=model, dispatch_uid=f"editorial_sitewide_{model.__name__}_deleted"
        )

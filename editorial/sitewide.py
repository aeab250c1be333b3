"""Site-wide data every page reads and only an editor's save changes: the site
of a host name, the locales, the view restrictions (which sections are
private), and what the chrome shows (menus, feeds; see `navigation`).

It is kept in Django's cache (the `CACHES` setting: shared by every worker on
Redis), never in a per-process dict, under keys carrying a generation number.
Any save or deletion that can change it (a page published, unpublished, moved
or deleted; a site, locale or view restriction saved or deleted; a menu saved,
through `invalidate_sitewide`) moves to a new generation, so every worker reads
fresh data on its next request."""

import time

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.query import PageQuerySet
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "editorial:sitewide:generation"
# Signals keep the data exact; the timeout only bounds what a change made
# behind the ORM's back (raw SQL, a restored dump) can leave stale.
TIMEOUT = 60 * 60 * 24


# Within a request, each value is read from the cache once: a page asks for the
# locales, menus and view restrictions dozens of times (36 reads of a summit
# page), each a round trip to Redis and an unpickling. Only during a request,
# so that a process serving none (a worker, a shell) never keeps a stale value.
_request_memo = Local()


def _start_memo(**kwargs):
    _request_memo.values = {}


def _end_memo(**kwargs):
    _request_memo.values = None


def _memo():
    return getattr(_request_memo, "values", None)


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # From the clock, so that a generation lost to eviction never comes back.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def sitewide(name, compute):
    """The cached value of `name` (a key naming the data and what it depends on,
    such as the language), computed by `compute()` when missing."""
    memo = _memo()
    if memo is not None and name in memo:
        return memo[name]
    key = f"editorial:sitewide:{_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    if memo is not None:
        memo[name] = value
    return value


def invalidate_sitewide(**kwargs):
    """Signal receiver: every worker recomputes the site-wide data on its next read."""
    if _memo() is not None:
        _start_memo()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


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


def connect_signals():
    request_started.connect(_start_memo, dispatch_uid="editorial_sitewide_request_started")
    request_finished.connect(_end_memo, dispatch_uid="editorial_sitewide_request_finished")
    # Wagtail looks up the reader's locale on every page (`Page.localized`).
    Locale.get_active = classmethod(_active_locale)
    # `.public()` everywhere (listings, menus, translations, Wagtail's own views)
    # reads the cached restrictions: one query per request at most, not one per call.
    PageQuerySet.public_q = cached_public_q
    PageQuerySet.private_q = cached_private_q
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

"""One "On the same subject" engine for every content type.

Editor-pinned items come first (shown in the reader's language), then the live,
public pages of the same language sharing the most topics with the page, ties
broken by date, newest first. The ordered page ids are cached; any publication,
unpublication, deletion, move or privacy change anywhere invalidates every
cached list at once (a generation number in the keys), because publishing one
page can change the related items of many others.

Each web process may have its own cache, which only hears of the changes made
in that process: so the lists expire after a few minutes, and the pages of a
cached list are loaded again as live and public, so an unpublished or private
page never shows, even from another process's stale list."""

import time
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, DateField, DateTimeField, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from .specific import specific_pages

GENERATION_KEY = "editorial:related:generation"
CACHE_TIMEOUT = 60 * 10

# The topic ranking runs in the database on fields every page has; the date a
# reader sees (`listing_date`: publication date, event start, ...) lives on each
# content type, so it only orders, in Python, this many best candidates.
CANDIDATE_POOL = 60


def _fresh_generation():
    # Started from the clock rather than 1, so that a generation number lost to
    # cache eviction never comes back and revives lists cached under it.
    return time.time_ns()


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate_related_cache(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), None)


def date_shown(page):
    """The date readers see for a page: its own (`listing_date`: publication date,
    event start, ...) as a date whatever its type, or its first publication; None without either."""
    value = getattr(page, "listing_date", None)
    if value is None and page.first_published_at:
        value = page.first_published_at
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def date_sort_key(page):
    """A number ordering pages by the date readers see; pages without one come last."""
    value = date_shown(page)
    return value.toordinal() if value else 0


def newest_first(pages):
    """`pages` (specific pages of any types) sorted by the date readers see, newest first."""
    return sorted(pages, key=lambda page: (date_sort_key(page), page.pk), reverse=True)


def _shown_date_expression():
    """The date readers see (`date_shown`) as an SQL expression over `Page`: each
    content type's `listing_date_field` (a datetime taken as a date in the site's
    time zone), else the first publication."""
    dates = []
    for model in get_page_models():
        name = getattr(model, "listing_date_field", None)
        if model._meta.abstract or not name or model._meta.get_parent_list() != [Page]:
            continue
        lookup = f"{model._meta.model_name}__{name}"
        field = model._meta.get_field(name)
        dates.append(TruncDate(lookup) if isinstance(field, DateTimeField) else F(lookup))
    return Coalesce(*dates, TruncDate("first_published_at"), output_field=DateField())


def newest_first_in_database(queryset):
    """`queryset` (of `Page`) ordered in the database as `newest_first` orders a list."""
    return queryset.annotate(shown_date=_shown_date_expression()).order_by(F("shown_date").desc(nulls_last=True), "-pk")


def _pinned_ids(page):
    """Ids of the pinned pages in the page's language, in editor order (one query).
    Pins of a translation point to the French source, so they are matched by translation key."""
    from editorial.models import RelatedPin

    pins = RelatedPin.objects.filter(page_id=page.pk, target__translation_key=OuterRef("translation_key")).order_by(
        F("sort_order").asc(nulls_last=True), "pk"
    )
    return list(
        Page.objects.live()
        .public()
        .filter(Exists(pins), locale_id=page.locale_id)
        .annotate(pin_order=Subquery(pins.values("sort_order")[:1]), pin=Subquery(pins.values("pk")[:1]))
        .exclude(pk=page.pk)
        .order_by(F("pin_order").asc(nulls_last=True), "pin")
        .values_list("pk", flat=True)
    )


def _visible_specific(ids):
    from editorial.models import EditorialPage

    return {
        p.pk: p
        for p in specific_pages(
            Page.objects.live().public().filter(pk__in=ids), EditorialPage.page_types(), defer_streamfields=True
        )
    }


def _compute(page, limit):
    """(ids, {id: specific page}) of the related items of `page`."""
    from editorial.models import PageTopic

    ids = _pinned_ids(page)[:limit]
    topic_ids = PageTopic.objects.filter(page_id=page.pk).values("topic_id")
    candidates = []
    if len(ids) < limit:
        candidates = list(
            Page.objects.live()
            .public()
            .filter(locale_id=page.locale_id, page_topics__topic_id__in=topic_ids)
            .exclude(pk__in=[page.pk, *ids])
            .annotate(shared=Count("page_topics", filter=Q(page_topics__topic_id__in=topic_ids), distinct=True))
            .order_by("-shared", "-first_published_at", "-pk")
            .values_list("pk", "shared")[: max(CANDIDATE_POOL, limit)]
        )
    shared = dict(candidates)
    pages = _visible_specific([*ids, *shared])
    ranked = sorted(
        (pages[pk] for pk in shared if pk in pages), key=lambda p: (-shared[p.pk], -date_sort_key(p), -p.pk)
    )
    ids = ids + [p.pk for p in ranked[: limit - len(ids)]]
    return ids, pages


def related_items(page, limit=None):
    """The pages to show as "On the same subject" for `page`, most relevant first."""
    if limit is None:
        limit = settings.RELATED_ITEMS_LIMIT
    if not page.pk or limit <= 0:
        return []
    key = f"editorial:related:{_generation()}:{page.pk}:{page.locale_id}:{limit}"
    ids = cache.get(key)
    if ids is None:
        ids, pages = _compute(page, limit)
        cache.set(key, ids, CACHE_TIMEOUT)
    else:
        pages = _visible_specific(ids) if ids else {}
    return [pages[pk] for pk in ids if pk in pages]


def connect_signals():
    """Invalidate the lists on what changes which pages readers see: publication,
    unpublication and moves of any page type, deletion of a page (a page's rows
    are always deleted as `Page` rows too) and privacy changes."""
    for model in get_page_models():
        page_published.connect(invalidate_related_cache, sender=model, dispatch_uid="editorial_related_published")
        page_unpublished.connect(invalidate_related_cache, sender=model, dispatch_uid="editorial_related_unpublished")
        post_page_move.connect(invalidate_related_cache, sender=model, dispatch_uid="editorial_related_moved")
    post_delete.connect(invalidate_related_cache, sender=Page, dispatch_uid="editorial_related_deleted")
    post_save.connect(invalidate_related_cache, sender=PageViewRestriction, dispatch_uid="editorial_related_restricted")
    post_delete.connect(
        invalidate_related_cache, sender=PageViewRestriction, dispatch_uid="editorial_related_unrestricted"
    )

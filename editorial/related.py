"""One "On the same subject" engine for every content type.

Editor-pinned items come first (shown in the reader's language), then the live,
public pages of the same language sharing the most topics with the page, ties
broken by date, newest first. The list, pages included, is kept with the
site-wide data (`serving.sitewide`, entries `related` and `related-block`):
any publication, unpublication, deletion, move or privacy change anywhere
drops it (the `pages` tag), because publishing one page can change the
related items of many others."""

from datetime import datetime

from django.conf import settings
from django.db.models import Count, DateField, DateTimeField, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page, Site, get_page_models

from serving.pages import served_pages
from serving.sitewide import sitewide
from serving.specific import specific_pages

# The topic ranking runs in the database on fields every page has; the date a
# reader sees (`listing_date`: publication date, event start, ...) lives on each
# content type, so it only orders, in Python, this many best candidates.
CANDIDATE_POOL = 60


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
        served_pages()
        .live()
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
            served_pages().live().public().filter(pk__in=ids), EditorialPage.page_types(), defer_streamfields=True
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
            served_pages()
            .live()
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

    def compute():
        ids, pages = _compute(page, limit)
        return [pages[pk] for pk in ids if pk in pages]

    return sitewide("related", compute, page.pk, page.locale_id, limit)


def related_block(page, request):
    """The "On the same subject" block of `page` as HTML
    (`editorial/includes/related.html`), rendered once per generation of the
    site-wide data and language: it shows only other pages' titles, types,
    dates and URLs, which publishing or moving them renews."""
    if not page.pk:
        return ""
    site = Site.find_for_request(request)

    def render():
        return render_to_string(
            "editorial/includes/related.html", {"related_items": related_items(page), "request": request}
        )

    return sitewide("related-block", render, page.pk, get_language(), site.pk if site else 0)

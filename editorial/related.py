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
from django.db.models import Count, DateField, DateTimeField, Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page, Site, get_page_models

from serving.pages import served_pages
from serving.sitewide import sitewide
from serving.specific import specific_pages


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


def shown_date_expression():
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
    return queryset.annotate(shown_date=shown_date_expression()).order_by(F("shown_date").desc(nulls_last=True), "-pk")


def _compute(page, limit):
    """The related items of `page` as specific pages, in one query: its pins in
    editor order, then the pages sharing the most topics with it, newest first.
    Pins of a translation point to the French source, so they are matched by translation key."""
    from editorial.models import EditorialPage, PageTopic, RelatedPin

    pins = RelatedPin.objects.filter(page_id=page.pk, target__translation_key=OuterRef("translation_key")).order_by(
        F("sort_order").asc(nulls_last=True), "pk"
    )
    topic_ids = PageTopic.objects.filter(page_id=page.pk).values("topic_id")
    sharing = PageTopic.objects.filter(page_id=OuterRef("pk"), topic_id__in=topic_ids)
    shared = sharing.values("page_id").annotate(count=Count("topic_id", distinct=True)).values("count")
    candidates = (
        served_pages()
        .live()
        .public()
        .filter(Exists(pins) | Exists(sharing), locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .annotate(
            pinned=Exists(pins),
            pin_order=Subquery(pins.values("sort_order")[:1]),
            pin=Subquery(pins.values("pk")[:1]),
            shared=Subquery(shared),
            shown_date=shown_date_expression(),
        )
        .order_by(
            F("pinned").desc(),
            F("pin_order").asc(nulls_last=True),
            "pin",
            F("shared").desc(nulls_last=True),
            F("shown_date").desc(nulls_last=True),
            "-pk",
        )
    )
    return specific_pages(candidates[:limit], EditorialPage.page_types(), defer_streamfields=True)


def related_items(page, limit=None):
    """The pages to show as "On the same subject" for `page`, most relevant first."""
    if limit is None:
        limit = settings.RELATED_ITEMS_LIMIT
    if not page.pk or limit <= 0:
        return []

    return sitewide("related", lambda: _compute(page, limit), page.pk, page.locale_id, limit)


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

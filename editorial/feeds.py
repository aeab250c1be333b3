"""RSS and Atom feeds of the latest pages of one content type, in the language
of an index page.

An index page (a `editorial.url_words.LocalizedRoutesMixin` page) serves them as routes and announces
them in its head::

    from editorial.feeds import feed_response

    @localized_path("{feed}/rss/", name="rss")
    def rss(self, request):
        return feed_response(request, self, ArticlePage, "rss", order_by="-date")

    # template, in {% block head_extra %}:
    {% include "editorial/includes/feed_links.html" with index=page %}

The index is a `editorial.models.SectionIndexPage`: its introduction describes
the feed. Only live, public pages of the index's locale under the index are
listed, without their StreamFields (a feed never renders a body).
Items carry the page's summary, its listing date, its topics as categories and,
when the page type has `author_names`, its authors (pass what they read as
`prefetch=[...]`, so that a feed costs the same number of queries whatever its
length).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .models import PageTopic

FEED_LENGTH = 20
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class PageFeed(Feed):
    def __init__(self, index, model, kind="rss", order_by="-first_published_at", length=FEED_LENGTH, prefetch=()):
        super().__init__()
        self.index = index
        self.model = model
        self.prefetch = prefetch
        self.feed_type = FEED_TYPES[kind]
        self.order_by = order_by
        self.length = length
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Titles and dates are written in the index's language, whatever the reader's browser.
        with translation.override(self.index.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index.title} · {_('Institut du numérique responsable')}"

    def link(self):
        return self.index.get_url(self.request)

    def description(self):
        return self.index.intro or self.index.search_description or self.index.title

    def subtitle(self):
        return self.description()

    def items(self):
        return (
            self.model.objects.live()
            .public()
            .descendant_of(self.index)
            .filter(locale_id=self.index.locale_id)
            .defer_streamfields()
            .prefetch_related(
                Prefetch("page_topics", queryset=PageTopic.objects.select_related("topic")), *self.prefetch
            )
            .order_by(self.order_by, "-pk")[: self.length]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        date = getattr(item, "listing_date", None)
        if isinstance(date, datetime.datetime):
            return date
        if isinstance(date, datetime.date):
            return timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        """Pages with authors expose `author_names` (prefetch what it reads)."""
        names = getattr(item, "author_names", None)
        return ", ".join(names) if names else None

    def item_categories(self, item):
        return [topic.name for topic in item.topics]


def feed_response(request, index, model, kind, **options):
    return PageFeed(index, model, kind=kind, **options)(request)

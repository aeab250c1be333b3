"""The reports of a language: the index page, its filters and its feeds."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from editorial.feeds import feed_response
from editorial.listing import Listing, choice_filter, mark_empty_options, topic_filter, year_filter
from editorial.models import PageTopic, SectionIndexPage
from editorial.url_words import LocalizedRoutesMixin, localized_path

from .authors import ReportAuthor
from .page import ReportPage, ReportType
from .series import series_filter


class ReportIndexPage(LocalizedRoutesMixin, SectionIndexPage):
    """The list of reports of one language, with filters and feeds."""

    subpage_types = ["reports.ReportPage"]

    PER_PAGE = 12

    class Meta:
        verbose_name = _("liste des rapports")
        verbose_name_plural = _("listes des rapports")

    def reports(self):
        """Live, public reports of this index's language, newest first."""
        return (
            ReportPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-publication_date", "-pk")
        )

    def filters(self):
        reports = self.reports()
        return [
            topic_filter(reports, self.locale_id),
            choice_filter("type", _("Type de publication"), "report_type", ReportType.choices, reports),
            # Shown only when some report carries a series: filters.html hides a filter without choices.
            series_filter(reports, self.locale_id),
            year_filter(reports, "publication_date"),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = (
            self.reports()
            .select_related("series__locale", "cover_image")
            .prefetch_related(
                Prefetch("page_topics", queryset=PageTopic.objects.select_related("topic")),
                Prefetch("authors", queryset=ReportAuthor.objects.select_related("person").order_by("sort_order")),
                "cover_image__renditions",
            )
        )
        listing = mark_empty_options(
            Listing(request, reports, filters=self.filters(), per_page=self.PER_PAGE, cache_key=f"page-{self.pk}"),
            reports,
        )
        context["listing"] = listing
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    def feed(self, request, kind):
        authors = Prefetch("authors", queryset=ReportAuthor.objects.select_related("person").order_by("sort_order"))
        return feed_response(request, self, ReportPage, kind, order_by="-publication_date", prefetch=[authors])

    @localized_path("{feed}/rss/", name="rss")
    def rss(self, request):
        return self.feed(request, "rss")

    @localized_path("{feed}/atom/", name="atom")
    def atom(self, request):
        return self.feed(request, "atom")

"""What reports bring to the pages that list every content type
(editorial.content_types), declared in `ReportsConfig.ready()`."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from editorial.content_types import Contribution, HomeSection, register
from editorial.models import PageTopic
from editorial.related import newest_first_in_database
from people.models import Person
from serving.specific import specific_pages
from serving.tags import object_tag

from .models import ReportAuthor, ReportIndexPage, ReportPage


def latest_reports(page, request, count=4):
    """The latest live, public reports of `page`'s language: the first as the
    lead feature (with its PDF), the others as cards."""
    reports = list(
        ReportPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .select_related("locale", "pdf", "pdf_english", "series__locale")
        .prefetch_related(
            Prefetch("page_topics", queryset=PageTopic.objects.select_related("topic")),
            "cover_image__renditions",
            Prefetch("authors", queryset=ReportAuthor.objects.select_related("person").order_by("sort_order")),
        )
        .defer_streamfields()
        .order_by("-publication_date", "-pk")[:count]
    )
    return {
        "request": request,
        "lead": reports[0] if reports else None,
        "lead_pdf": reports[0].reader_pdf[0] if reports else None,
        "reports": reports[1:],
        "index_url": ReportIndexPage.url_for_locale(page.locale_id),
    }


def authored(person, visible):
    return newest_first_in_database(visible.filter(pk__in=person.report_authorships.values("page_id")))


def load_reports(rows):
    return specific_pages(rows, [ReportPage], defer_streamfields=True)


def register_reports():
    register(
        "reports",
        home_sections=[
            HomeSection(
                "reports", _("Dernières publications"), "reports/includes/latest_reports.html", latest_reports, order=10
            )
        ],
        contributions=[Contribution("reports", _("Rapports"), _("Pages des rapports"), authored, load_reports)],
        # An author's page lists their reports.
        ties=[(ReportAuthor, lambda author: {object_tag(Person, author.person_id)}, "page")],
    )

from django import template
from django.db.models import Prefetch

from editorial.models import PageTopic
from reports.models import ReportAuthor, ReportIndexPage, ReportPage

register = template.Library()


@register.inclusion_tag("reports/includes/latest_reports.html", takes_context=True)
def latest_reports(context, page, count=4):
    """The latest live, public reports of `page`'s language, for the home page:
    the first as the lead feature (with its PDF), the others as cards."""
    reports = (
        ReportPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .select_related("locale", "pdf", "pdf_english", "series__locale")
        .prefetch_related(
            Prefetch("page_topics", queryset=PageTopic.objects.select_related("topic")),
            "cover_image__renditions",
            Prefetch("authors", queryset=ReportAuthor.objects.select_related("person").order_by("sort_order")),
        )
        .order_by("-publication_date", "-pk")[:count]
    )
    reports = list(reports)
    return {
        "request": context.get("request"),
        "lead": reports[0] if reports else None,
        "lead_pdf": reports[0].reader_pdf[0] if reports else None,
        "reports": reports[1:],
        "index_url": ReportIndexPage.url_for_locale(page.locale_id),
    }

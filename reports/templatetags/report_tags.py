from django import template
from django.db.models import Prefetch

from reports.models import ReportAuthor, ReportIndexPage, ReportPage

register = template.Library()


@register.inclusion_tag("reports/includes/latest_reports.html", takes_context=True)
def latest_reports(context, page, count=3):
    """The latest live, public reports of `page`'s language, for the home page."""
    reports = (
        ReportPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .prefetch_related(
            "page_topics__topic",
            Prefetch("authors", queryset=ReportAuthor.objects.select_related("person").order_by("sort_order")),
        )
        .order_by("-publication_date", "-pk")[:count]
    )
    return {
        "request": context.get("request"),
        "reports": list(reports),
        "index": ReportIndexPage.objects.live().public().filter(locale_id=page.locale_id).first(),
    }

"""The admin report of searches that found nothing, beside Wagtail's search terms report."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportFilterSet, SearchTermsReportView


class NoResultTermsReportFilterSet(SearchTermsReportFilterSet):
    hit_date = DateFromToRangeFilter(label=_("Date"), field_name="no_result_hits__date", widget=DateRangePickerWidget)


class NoResultTermsReportView(SearchTermsReportView):
    """Queries readers typed that found nothing: where a synonym or a promotion helps."""

    page_title = _("Recherches sans résultat")
    filterset_class = NoResultTermsReportFilterSet
    default_ordering = "-_misses"
    index_url_name = "search_terms_no_result"
    index_results_url_name = "search_terms_no_result_results"
    columns = [
        Column("query_string", label=_("Recherche"), sort_key="query_string"),
        NumberColumn("_misses", label=_("Recherches sans résultat"), sort_key="_misses"),
    ]
    export_headings = {"query_string": _("Recherche"), "_misses": _("Recherches sans résultat")}
    list_export = ["query_string", "_misses"]

    def get_base_queryset(self):
        return (
            Query.objects.filter(no_result_hits__isnull=False)
            .annotate(_misses=Sum("no_result_hits__hits"))
            .order_by("-_misses")
        )

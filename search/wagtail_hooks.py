from datetime import timedelta

from django.db.models import Sum
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchTermStat, Synonym

REPORT_ROWS = 50


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonymes de recherche")
    list_display = ["terms", "locale"]
    search_fields = ["terms"]
    add_to_admin_menu = False


register_snippet(SynonymViewSet)


def search_terms_report(request):
    """Editors' view of what readers search for: the most frequent queries and
    the ones that found nothing, per language."""
    stats = SearchTermStat.objects.all()
    language = request.GET.get("language", "")
    if language in ("fr", "en"):
        stats = stats.filter(language=language)
    since = timezone.now() - timedelta(days=90)
    recent = stats.filter(last_searched_at__gte=since)
    context = {
        "header_title": _("Recherches des lecteurs"),
        "page_title": _("Recherches des lecteurs"),
        "header_icon": "search",
        "language": language,
        "top": recent.order_by("-hits", "query_string")[:REPORT_ROWS],
        "zero": recent.filter(zero_result_hits__gt=0).order_by("-zero_result_hits", "query_string")[:REPORT_ROWS],
        "total": recent.aggregate(total=Sum("hits"))["total"] or 0,
    }
    return render(request, "search/admin/search_terms_report.html", context)


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/search-terms-by-language/", search_terms_report, name="search_terms_by_language")]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Recherches des lecteurs"),
        reverse("search_terms_by_language"),
        icon_name="search",
        order=900,
    )


class SynonymsMenuItem(MenuItem):
    """Shown to those who may manage synonyms, not to every member of the staff."""

    def is_shown(self, request):
        return any(request.user.has_perm(f"search.{action}_synonym") for action in ("add", "change", "delete", "view"))


@hooks.register("register_settings_menu_item")
def register_synonyms_menu_item():
    return SynonymsMenuItem(
        _("Synonymes de recherche"),
        reverse("wagtailsnippets_search_synonym:list"),
        icon_name="search",
        order=900,
    )

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ExternalPromotion, Synonym
from .reports import NoResultTermsReportView


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonymes de recherche")
    list_display = ["terms", "locale"]
    search_fields = ["terms"]
    add_to_admin_menu = False


register_snippet(SynonymViewSet)


class ExternalPromotionViewSet(SnippetViewSet):
    model = ExternalPromotion
    icon = "link-external"
    menu_label = _("Liens externes recommandés")
    list_display = ["query", "text", "url", "locale"]
    search_fields = ["query", "text"]
    add_to_admin_menu = False


register_snippet(ExternalPromotionViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/search-terms-without-results/", NoResultTermsReportView.as_view(), name="search_terms_no_result"),
        path(
            "reports/search-terms-without-results/results/",
            NoResultTermsReportView.as_view(results_only=True),
            name="search_terms_no_result_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return AdminOnlyMenuItem(
        _("Recherches sans résultat"), reverse("search_terms_no_result"), icon_name="search", order=901
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


@hooks.register("register_settings_menu_item")
def register_external_promotions_menu_item():
    return MenuItem(
        _("Liens externes recommandés"),
        reverse("wagtailsnippets_search_externalpromotion:list"),
        icon_name="link-external",
        order=901,
    )

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from editorial.snippet_admin import LanguageSnippetViewSet

from . import notes
from .documents import pdf_accessibility_gaps
from .models import ReportSeries
from .views import import_word


@hooks.register("insert_editor_js")
def recommendation_numbers():
    return format_html(
        '<script src="{}" data-label="{}"></script>',
        static("reports/recommendation_numbers.js"),
        _("Recommandation %(number)s"),
    )


@hooks.register("register_rich_text_features")
def footnote_feature(features):
    notes.register_feature(features)


@hooks.register("register_admin_urls")
def import_urls():
    return [path("reports/import-word/", import_word, name="reports_import_word")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from .views import import_parent

        return import_parent(request.user) is not None


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        gettext_lazy("Importer un rapport Word"),
        reverse("reports_import_word"),
        icon_name="doc-full",
        order=250,
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def uploaded_pdf_accessibility(request, page):
    """Tell the editor what an uploaded PDF lacks for readers with assistive technologies (PDF/UA)."""
    for field_name in ("pdf", "pdf_english"):
        document = getattr(page.specific, field_name, None)
        gaps = pdf_accessibility_gaps(document) if document is not None else []
        if gaps:
            messages.warning(
                request,
                _(
                    "Le PDF « %(title)s » n'est pas accessible : %(gaps)s. Exportez-le en PDF balisé (PDF/UA) depuis votre traitement de texte, ou retirez-le : le site imprime alors un PDF accessible depuis la page."
                )
                % {"title": document.title, "gaps": " ; ".join(str(gap) for gap in gaps)},
            )


class ReportSeriesViewSet(LanguageSnippetViewSet):
    model = ReportSeries
    icon = "list-ol"
    menu_label = gettext_lazy("Collections de publications")
    add_to_admin_menu = True
    menu_order = 215
    list_display = ["name", "slug", "locale"]


register_snippet(ReportSeriesViewSet)

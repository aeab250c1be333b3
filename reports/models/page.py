"""The report page: summary, authors, topics, a structured body with numbered
recommendations, a PDF, citation downloads and JSON-LD."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Page, Revision
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.blocks import reading_minutes, word_count
from editorial.cards import Card
from editorial.models import EditorialPage, choice_label
from editorial.url_words import LocalizedRoutesMixin, localized_path, word

from .. import citation
from ..blocks import ReportBodyBlock, audience_labels, recommendation_anchor
from ..documents import pdf_error, pdf_page_count
from ..forms import report_requirements
from ..jsonld import report_json_ld
from ..notes import number_notes
from ..pdf import report_pdf_response
from ..versions import corrections_with_versions, earlier_version
from .authors import ReportAuthor


class ReportType(models.TextChoices):
    REPORT = "report", _("Rapport")
    POLICY_BRIEF = "policy_brief", _("Note de synthèse")
    NOTE = "note", _("Note")
    CONSULTATION = "consultation", _("Contribution à une consultation")


class ReportPage(LocalizedRoutesMixin, EditorialPage):
    """A publication: summary, authors, topics, structured body with
    recommendations, PDF and how to cite it."""

    subtitle = models.CharField(
        _("sous-titre"), max_length=255, blank=True, help_text=_("Affiché sous le titre et dans « Comment citer ».")
    )
    # Indexed: the latest reports come from a walk down the index, not a sort of every report.
    publication_date = models.DateField(
        _("date de publication"),
        default=timezone.localdate,
        db_index=True,
        help_text=_(
            "La date imprimée sur le rapport ; elle ordonne les publications et figure dans « Comment citer »."
        ),
    )
    report_type = models.CharField(
        _("type de publication"),
        max_length=20,
        choices=ReportType.choices,
        default=ReportType.REPORT,
        help_text=_("Sert au filtre des publications et à l'étiquette affichée sur la page."),
    )
    body = StreamField(ReportBodyBlock(), verbose_name=_("corps du texte"), blank=True)
    body_field = "body"
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("version PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le rapport complet au format PDF (dans la langue source)."),
    )
    pdf_english = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("version PDF en anglais"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif : proposée à la place du PDF français sur la version anglaise de la page."),
    )
    doi = models.CharField(_("DOI"), max_length=100, blank=True, help_text=_("Par exemple 10.1234/abcd."))
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, help_text=_("Pour une publication imprimée."))
    series = models.ForeignKey(
        "reports.ReportSeries",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif : la collection à laquelle appartient la publication (« Note », « Étude »)."),
    )
    series_number = models.CharField(
        _("numéro dans la collection"),
        max_length=20,
        blank=True,
        help_text=_("Par exemple 12 : affiché « Note n° 12 » sur la page, les vignettes et dans « Comment citer »."),
    )
    last_reviewed = models.DateField(
        _("relu le"),
        null=True,
        blank=True,
        help_text=_(
            "Facultatif : la date à laquelle l'équipe a vérifié que le rapport reste exact ; affichée sous le titre."
        ),
    )

    # Figures and tables carry "Figure 1", "Tableau 1" in page and PDF (editorial.blocks.Outline).
    numbered_captions = ("figure", "table")

    def publish_requirements(self, data, topics):
        return report_requirements(data, topics)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("subtitle"),
            FieldRowPanel([FieldPanel("publication_date"), FieldPanel("report_type")]),
            FieldRowPanel([FieldPanel("series"), FieldPanel("series_number")]),
        ]
        + EditorialPage.editorial_panels
        + [
            InlinePanel("authors", heading=_("Auteurs et autrices"), label=_("Auteur ou autrice")),
            FieldPanel("body"),
            MultiFieldPanel(
                [
                    FieldPanel("pdf"),
                    FieldPanel("pdf_english"),
                    FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn")]),
                ],
                heading=_("Version PDF et identifiants"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("last_reviewed"),
                    InlinePanel("corrections", label=_("Correction")),
                ],
                heading=_("Corrections et relecture"),
                help_text=_(
                    "Après publication, notez chaque correction (date, ce qui a changé) : la page l'affiche avec un "
                    "lien vers la version qu'elle remplace. La correction passe par la relecture comme toute modification."
                ),
            ),
        ]
        + EditorialPage.related_panels
    )

    translatable_fields = EditorialPage.translatable_fields + [
        TranslatableField("subtitle"),
        SynchronizedField("publication_date"),
        SynchronizedField("report_type"),
        TranslatableField("series"),
        SynchronizedField("series_number"),
        TranslatableField("body"),
        TranslatableField("authors"),
        SynchronizedField("pdf"),
        SynchronizedField("pdf_english"),
        SynchronizedField("doi"),
        SynchronizedField("isbn"),
        SynchronizedField("last_reviewed"),
        TranslatableField("corrections"),
    ]

    search_fields = EditorialPage.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("report_type"),
    ]

    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapports")

    def clean(self):
        super().clean()
        errors = {}
        for field_name in ("pdf", "pdf_english"):
            document = getattr(self, field_name)
            message = pdf_error(document) if document else None
            if message:
                errors[field_name] = message
        if errors:
            raise ValidationError(errors)

    listing_date_field = "publication_date"
    view_related = EditorialPage.view_related + ("pdf", "pdf_english", "series__locale")
    view_prefetched = EditorialPage.view_prefetched + (
        Prefetch(
            "authors",
            queryset=ReportAuthor.objects.select_related("person", "person__organisation").order_by("sort_order"),
        ),
        "corrections",
    )

    @property
    def listing_date(self):
        return self.publication_date

    @property
    def type_label(self):
        return choice_label(ReportType, self.report_type)

    @property
    def series_label(self):
        """ "Note n° 12" in the page's language: the series as it is named there,
        or, untranslated, its source name marked with its language."""
        series = self.series
        if series is None:
            return ""
        name = series.name
        if series.locale_id != self.locale_id:
            name = format_html('<span lang="{}">{}</span>', series.locale.language_code, series.name)
        if not self.series_number:
            return format_html("{}", name)
        # In the active language, the page's on its page and on its index: `self.locale` would cost a query per card.
        return format_html(str(_("{series} n° {number}")), series=name, number=self.series_number)

    # Body ------------------------------------------------------------------

    @cached_property
    def recommendation_numbers(self):
        """{list item id: number}: recommendations are numbered across the whole report."""
        numbers = {}
        # By name: the other blocks (a figure's image: a query) are not built.
        for child in self.body.blocks_by_name("recommendations"):
            for item in child.value["recommendations"].bound_blocks:
                numbers[item.id] = len(numbers) + 1
        return numbers

    def recommendation_entries(self):
        """Recommendations in page order, for search and other pages:
        [{"number", "anchor", "title", "text", "audiences", "audience_codes"}];
        `text` is plain text, `audiences` labels in the page's language."""
        entries = []
        with translation.override(self.locale.language_code):
            for child in self.body.blocks_by_name("recommendations"):
                for item in child.value["recommendations"].bound_blocks:
                    number = self.recommendation_numbers[item.id]
                    entries.append(
                        {
                            "number": number,
                            "anchor": recommendation_anchor(number),
                            "title": item.value["title"],
                            # Block ends become spaces so that paragraphs do not run together.
                            "text": " ".join(
                                strip_tags(re.sub(r"</(p|li|h\d)>", " ", item.value["body"].source)).split()
                            ),
                            "audiences": [str(label) for label in audience_labels(item.value["audiences"])],
                            "audience_codes": list(item.value["audiences"]),
                        }
                    )
        return entries

    @property
    def updated_on(self):
        """The date of the last revision published after the first publication, if any."""
        first, last = self.first_published_at, self.last_published_at
        if not first or not last or (last - first).days < 1:
            return None
        updated = timezone.localdate(last)
        return updated if updated > self.publication_date else None

    # Authors, PDF, citation ----------------------------------------------------

    def author_links(self):
        """Authors in editor order with their person (prefetched in listings and
        by the route, `view_prefetched`; else one query)."""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("authors")
        if prefetched is not None:
            return list(prefetched)
        if not hasattr(self, "_author_links"):
            self._author_links = list(
                self.authors.select_related("person", "person__organisation").order_by("sort_order")
            )
        return self._author_links

    @property
    def author_names(self):
        return [link.person.name for link in self.author_links()]

    def card_meta(self, request):
        return Card(
            title=self.title,
            url=self.get_url(request),
            eyebrow=(self.type_label,),
            series=self.series_label if self.series else "",
            day=self.publication_date,
            byline=(", ".join(self.author_names),) if self.author_names else (),
            summary=self.summary,
            topics=tuple(topic.name for topic in self.topics),
            cover=self.cover_image,
            modifier="report-card",
        )

    @cached_property
    def reader_pdf(self):
        """(document, language code) of the PDF offered on this page."""
        if self.locale.language_code == "en" and self.pdf_english_id:
            return self.pdf_english, "en"
        if self.pdf_id:
            return self.pdf, settings.LANGUAGE_CODE
        return None, None

    def pdf_info(self):
        document, language = self.reader_pdf
        if document is None:
            # No uploaded PDF: the one printed from this page (reports/pdf.py).
            return {"url": self.url + self.reverse_subpage("pdf"), "language": self.locale.language_code}
        return {
            "document": document,
            "url": document.url,
            "size": document.get_file_size(),
            "pages": pdf_page_count(document),
            "language": language,
            "other_language": language != self.locale.language_code,
            # Readers of the source language may prefer the English edition.
            "english": self.pdf_english if language != "en" and self.pdf_english_id else None,
        }

    def citation(self, request):
        return citation.Citation(self, request)

    def ld_entity(self, context):
        return report_json_ld(self, context["request"], context["corrections"])

    def _load_pdfs(self):
        """Both PDFs in one query (the page offers one and may point to the other),
        unless the route joined them (`view_related`)."""
        fields = [name for name in ("pdf", "pdf_english") if getattr(self, f"{name}_id")]
        missing = [name for name in fields if not self._meta.get_field(name).is_cached(self)]
        if not missing:
            return
        documents = get_document_model().objects.in_bulk([getattr(self, f"{name}_id") for name in missing])
        for field in missing:
            document = documents.get(getattr(self, f"{field}_id"))
            if document is not None:
                setattr(self, field, document)

    def get_context(self, request, *args, **kwargs):
        self._load_pdfs()
        context = super().get_context(request, *args, **kwargs)
        context["body_html"], context["notes"] = number_notes(context["body"].html)
        context["toc_extra"] = [{"anchor": "notes-title", "text": _("Notes")}] if context["notes"] else []
        context["toc_extra"].append(
            {"anchor": word("cite", self.locale.language_code), "text": _("Comment citer ce rapport")}
        )
        context["reading_minutes"] = reading_minutes(context["body"].words + word_count(self.summary))
        context["authors"] = self.author_links()
        context["topics"] = self.topics
        context["pdf"] = self.pdf_info()
        context["citation"] = self.citation(request)
        context["corrections"] = corrections_with_versions(self)
        return context

    # Routes -----------------------------------------------------------------

    @path("")
    def report(self, request):
        return self.render(request)

    # "pdf/" reads the same in both languages.
    @path("pdf/", name="pdf")
    def pdf_route(self, request):
        """The editors' uploaded PDF when there is one, otherwise the PDF printed from this page."""
        document, _language = self.reader_pdf
        if document is not None:
            return redirect(document.url)
        return report_pdf_response(self, request)

    # "version/" reads the same in both languages.
    @path("version/<int:revision_id>/", name="version")
    def version(self, request, revision_id):
        """The version a correction replaced: read-only, marked as superseded, not indexed."""
        earlier = earlier_version(self, revision_id)
        if earlier is None:
            raise Http404
        revision = Revision.objects.get(pk=revision_id)
        old = revision.as_object()
        if "corrections" not in revision.content:
            # A revision saved before corrections existed: without this, the live rows would show.
            old.corrections = []
        context = old.get_context(request)
        context.update(superseded=earlier, current_url=self.get_url(request), robots="noindex, follow")
        response = TemplateResponse(request, self.get_template(request), context)
        response["X-Robots-Tag"] = "noindex"
        return response

    @localized_path("{cite}/bibtex/", name="bibtex")
    def bibtex(self, request):
        return self.citation(request).bibtex_response()

    @localized_path("{cite}/datacite/", name="datacite")
    def datacite(self, request):
        return self.citation(request).datacite_response()

    @localized_path("{cite}/ris/", name="ris")
    def ris(self, request):
        return self.citation(request).ris_response()

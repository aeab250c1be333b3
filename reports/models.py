"""Reports: structured publications with numbered recommendations, authors,
a PDF version, citation downloads and feeds."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.blocks import outline, reading_time
from editorial.feeds import feed_response
from editorial.listing import LinkFilter, Listing
from editorial.models import EditorialPage, SectionIndexPage
from people.models import PeopleIndexPage
from topics.models import Topic

from . import citation
from .blocks import ReportBodyBlock, audience_labels, recommendation_anchor
from .documents import pdf_error, pdf_page_count


class ReportType(models.TextChoices):
    REPORT = "report", _("Rapport")
    POLICY_BRIEF = "policy_brief", _("Note de synthèse")
    NOTE = "note", _("Note")
    CONSULTATION = "consultation", _("Contribution à une consultation")


class ReportPageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing needs a summary and a topic, said plainly."""

    SUMMARY_MISSING = _(
        "Un rapport ne peut pas être publié sans résumé : il est repris dans les listes, les flux et les aperçus."
    )
    TOPIC_MISSING = _("Un rapport ne peut pas être publié sans au moins un thème : ajoutez-en un.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "summary" in self.fields:
            self.fields["summary"].error_messages["required"] = self.SUMMARY_MISSING

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        if "summary" not in self.errors and not (cleaned_data.get("summary") or "").strip():
            self.add_error("summary", self.SUMMARY_MISSING)
        topics = self.formsets.get("page_topics")
        if topics is not None:
            kept = [
                form
                for form in topics.forms
                if form.is_valid() and form.cleaned_data.get("topic") and not form.cleaned_data.get("DELETE")
            ]
            if not kept:
                self.add_error(None, self.TOPIC_MISSING)
        return cleaned_data


class ReportIndexPage(RoutablePageMixin, SectionIndexPage):
    """The list of reports of one language, with filters and feeds."""

    subpage_types = ["reports.ReportPage"]

    PER_PAGE = 12

    class Meta:
        verbose_name = _("liste des rapports")
        verbose_name_plural = _("listes des rapports")

    @property
    def intro_text(self):
        return self.intro

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
        topics = Topic.objects.filter(locale_id=self.locale_id, page_links__page__in=reports.values("pk")).distinct()
        years = reports.dates("publication_date", "year", order="DESC")
        used_types = set(reports.values_list("report_type", flat=True).distinct())
        return [
            LinkFilter(
                "theme",
                _("Thème"),
                [(topic.slug, topic.name, topic) for topic in topics],
                lambda qs, topic: qs.filter(page_topics__topic=topic),
            ),
            LinkFilter(
                "type",
                _("Type de publication"),
                [(value, label, value) for value, label in ReportType.choices if value in used_types],
                lambda qs, value: qs.filter(report_type=value),
            ),
            LinkFilter(
                "annee",
                _("Année"),
                [(date.year, str(date.year), date.year) for date in years],
                lambda qs, year: qs.filter(publication_date__year=year),
                all_label=_("Toutes"),
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = self.reports().prefetch_related(
            "page_topics__topic",
            Prefetch("authors", queryset=ReportAuthor.objects.select_related("person").order_by("sort_order")),
            Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions("fill-480x270")),
        )
        listing = Listing(request, reports, filters=self.filters(), per_page=self.PER_PAGE)
        context["listing"] = listing
        context["reports"] = listing.page.object_list
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    def feed(self, request, kind):
        authors = Prefetch("authors", queryset=ReportAuthor.objects.select_related("person").order_by("sort_order"))
        return feed_response(request, self, ReportPage, kind, order_by="-publication_date", prefetch=[authors])

    @path("flux/rss/", name="rss")
    def rss(self, request):
        return self.feed(request, "rss")

    @path("flux/atom/", name="atom")
    def atom(self, request):
        return self.feed(request, "atom")


class ReportPage(RoutablePageMixin, EditorialPage):
    """A publication: summary, authors, topics, structured body with
    recommendations, PDF and how to cite it."""

    subtitle = models.CharField(_("sous-titre"), max_length=255, blank=True)
    publication_date = models.DateField(_("date de publication"), default=timezone.localdate)
    report_type = models.CharField(
        _("type de publication"), max_length=20, choices=ReportType.choices, default=ReportType.REPORT
    )
    body = StreamField(ReportBodyBlock(), verbose_name=_("corps du texte"), blank=True)
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
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)

    base_form_class = ReportPageForm

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("subtitle"),
            FieldRowPanel([FieldPanel("publication_date"), FieldPanel("report_type")]),
        ]
        + EditorialPage.editorial_panels
        + [
            InlinePanel("authors", label=_("Auteurs et autrices")),
            FieldPanel("body"),
            MultiFieldPanel(
                [
                    FieldPanel("pdf"),
                    FieldPanel("pdf_english"),
                    FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn")]),
                ],
                heading=_("Version PDF et identifiants"),
            ),
        ]
        + EditorialPage.related_panels
    )

    translatable_fields = EditorialPage.translatable_fields + [
        TranslatableField("subtitle"),
        SynchronizedField("publication_date"),
        SynchronizedField("report_type"),
        TranslatableField("body"),
        TranslatableField("authors"),
        SynchronizedField("pdf"),
        SynchronizedField("pdf_english"),
        SynchronizedField("doi"),
        SynchronizedField("isbn"),
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

    @property
    def listing_date(self):
        return self.publication_date

    @property
    def type_label(self):
        return self.get_report_type_display()

    # Body ------------------------------------------------------------------

    @cached_property
    def outline(self):
        return outline(self.body)

    @cached_property
    def recommendation_numbers(self):
        """{list item id: number}: recommendations are numbered across the whole report."""
        numbers = {}
        for child in self.body:
            if child.block_type == "recommendations":
                for item in child.value["recommendations"].bound_blocks:
                    numbers[item.id] = len(numbers) + 1
        return numbers

    def recommendation_entries(self):
        """Recommendations in page order, for search and other pages:
        [{"number", "anchor", "title", "text", "audiences", "audience_codes"}];
        `text` is plain text, `audiences` labels in the page's language."""
        entries = []
        with translation.override(self.locale.language_code):
            for child in self.body:
                if child.block_type != "recommendations":
                    continue
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

    @cached_property
    def reading_minutes(self):
        return reading_time(self.body, self.summary)

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
        """Authors in editor order with their person (prefetched in listings, else one query)."""
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
            return None
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

    @staticmethod
    def _person_jsonld(person, request):
        data = {"@type": "Person", "name": person.name}
        if person.role:
            data["jobTitle"] = person.role
        url = PeopleIndexPage.snippet_url(person, request)
        if url:
            data["url"] = request.build_absolute_uri(url)
        return data

    def jsonld(self, request):
        index_page = self.get_parent()
        organisation = {
            "@type": "Organization",
            "name": settings.ORGANISATION_NAME,
            "url": request.build_absolute_uri("/"),
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Report",
            "headline": self.title,
            "name": self.title,
            "description": self.summary,
            "url": request.build_absolute_uri(self.get_url(request)),
            "datePublished": self.publication_date.isoformat(),
            "inLanguage": self.locale.language_code,
            "author": [self._person_jsonld(link.person, request) for link in self.author_links()],
            "publisher": organisation,
            "isPartOf": {
                "@type": "CreativeWorkSeries",
                "name": index_page.title,
                "url": request.build_absolute_uri(index_page.get_url(request)),
                "publisher": organisation,
            },
            "about": [topic.name for topic in self.topics],
            "genre": str(self.type_label),
        }
        if self.updated_on:
            data["dateModified"] = self.updated_on.isoformat()
        if self.doi:
            data["identifier"] = f"https://doi.org/{self.doi}"
        if self.isbn:
            data["isbn"] = self.isbn
        return data

    def get_context(self, request, *args, **kwargs):
        # Topics are read by the header, the JSON-LD and the RIS export: one query for all.
        prefetch_related_objects([self], "page_topics__topic")
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = self.outline
        context["authors"] = self.author_links()
        context["topics"] = self.topics
        context["pdf"] = self.pdf_info()
        context["citation"] = self.citation(request)
        context["jsonld"] = self.jsonld(request)
        return context

    # Routes -----------------------------------------------------------------

    @path("")
    def report(self, request):
        return self.render(request)

    @path("citer/bibtex/", name="bibtex")
    def bibtex(self, request):
        return self.citation(request).bibtex_response()

    @path("citer/ris/", name="ris")
    def ris(self, request):
        return self.citation(request).ris_response()


class ReportAuthor(TranslatableMixin, Orderable):
    """An author of a report, in order, with an optional role on this report."""

    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("personne"),
        on_delete=models.PROTECT,
        related_name="report_authorships",
    )
    role = models.CharField(
        _("rôle dans ce rapport"),
        max_length=100,
        blank=True,
        help_text=_("Facultatif, par exemple « coordination »."),
    )

    panels = [FieldPanel("person"), FieldPanel("role")]
    translatable_fields = [TranslatableField("person"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("auteur ou autrice")
        verbose_name_plural = _("auteurs et autrices")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.person.name

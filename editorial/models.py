"""The editorial layer shared by reports, events, news and initiatives: one
abstract page with summary, cover and topics, and the two page-level relations
(topics, editor-pinned related items) that every content type uses."""

from dataclasses import dataclass

from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from serving.pages import ServedPage
from serving.sitewide import is_public, sites, sitewide

from .cards import Card
from .forms import EditorialPageForm
from .inline_rows import merge_duplicate_rows
from .related import related_block, shown_date_expression
from .rendered_body import rendered_body
from .search_text import reader_text

# Wagtail's "Promotion" tab without "show in menus": the site's menus are
# snippets (navigation), so that box would do nothing.
PROMOTE_PANELS = [
    MultiFieldPanel(
        [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
        heading=_("Pour les moteurs de recherche"),
    )
]


class PageTopic(TranslatableMixin, Orderable):
    """Links any page to a topic. Kept on `wagtailcore.Page` so one query finds
    every page of a topic, whatever its type. On translation the topic is
    replaced by its translation in the target language."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_topics")
    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("thème"),
        on_delete=models.CASCADE,
        related_name="page_links",
        help_text=_("Au moins un thème pour soumettre la page à relecture ; le premier est le thème principal."),
    )

    # The date readers see for the page (`related.date_shown`), copied here by
    # `EditorialPage.save` (`copy_page_dates`): each content type keeps its date in its own table, so
    # only a copy beside the topic lets one index give a topic's pages newest first
    # (35 ms to sort a topic's 2,400 pages at 100,000 pages, against 0.2 ms).
    shown_date = models.DateField(null=True, editable=False)

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        unique_together = [("translation_key", "locale")]
        # What `inline_rows.merge_duplicate_rows` merges before a page is saved.
        constraints = [models.UniqueConstraint(fields=["page", "topic"], name="unique_topic_per_page")]
        indexes = [models.Index(fields=["topic", "-shown_date", "-page"], name="topic_newest_first")]


def copy_page_dates(topic_rows):
    """Gives each of `topic_rows` (a `PageTopic` queryset) its page's date as readers see it."""
    dates = Page.objects.filter(pk=OuterRef("page_id")).annotate(date=shown_date_expression()).values("date")[:1]
    topic_rows.update(shown_date=Subquery(dates))


class RelatedPin(TranslatableMixin, Orderable):
    """An item an editor pins to "On the same subject". The target is kept in
    sync with the source page and shown in the reader's language."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="related_pins")
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="pinned_by",
        help_text=_(
            "Affichée en premier dans « Sur le même sujet », avant les contenus choisis d'après les thèmes. "
            "Sa traduction est montrée aux lecteurs de l'autre langue."
        ),
    )

    panels = [FieldPanel("target")]
    translatable_fields = [SynchronizedField("target")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contenu lié épinglé")
        verbose_name_plural = _("contenus liés épinglés")
        unique_together = [("translation_key", "locale")]
        constraints = [models.UniqueConstraint(fields=["page", "target"], name="unique_pin_per_page")]


def choice_label(choices, value):
    """The label of `value` among `choices` (a `TextChoices`), else `value`. Unlike
    `get_FOO_display()`, which translates every label to find one (ten times slower,
    paid by each card of a listing), only that label is translated."""
    return choices(value).label if value in choices.values else value


class EditorialPage(ServedPage):
    """Abstract base of every content page readers browse."""

    promote_panels = PROMOTE_PANELS

    summary = models.TextField(
        _("résumé"),
        max_length=600,
        help_text=_(
            "Deux ou trois phrases, reprises dans les listes, les flux, les résultats de recherche et les aperçus sur les réseaux sociaux."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Affichée en tête de la page, dans les listes et sur les réseaux sociaux. Format paysage, "
            "1200 pixels de large au moins ; vide : une image aux couleurs de l'institut."
        ),
    )
    cover_alt = models.CharField(
        _("texte alternatif de l'image de couverture"),
        max_length=255,
        blank=True,
        help_text=_("Décrivez l'image pour les personnes qui ne la voient pas ; laissez vide si elle est décorative."),
    )

    editorial_panels = [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_alt")], heading=_("Couverture")),
        InlinePanel("page_topics", heading=_("Thèmes"), label=_("Thème")),
    ]
    related_panels = [InlinePanel("related_pins", heading=_("Contenus liés épinglés"), label=_("Contenu lié épinglé"))]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        SynchronizedField("cover_image"),
        TranslatableField("cover_alt"),
        TranslatableField("page_topics"),
        TranslatableField("related_pins"),
    ]

    # `search_reader_text`: what the search engine's documents add to the page's
    # fields (its date, organiser, sessions...), for Wagtail's database backend.
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("search_reader_text"),
    ]

    base_form_class = EditorialPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        merge_duplicate_rows(self)
        saved = super().save(*args, **kwargs)
        # After the topic rows are committed; from the saved row, which holds the
        # published version (a draft's date stays in its revision).
        copy_page_dates(PageTopic.objects.filter(page_id=self.pk))
        return saved

    def publish_requirements(self, data, topics):
        """(field name or None, message) for what the page lacks to be submitted
        for review or published; drafts are exempt. `data` is the form's cleaned
        data, `topics` its topic rows. Page types extend the list."""
        if not any(row.get("topic") for row in topics):
            return [(None, _("Ajoutez au moins un thème avant de soumettre cette page à relecture ou de la publier."))]
        return []

    @classmethod
    def page_types(cls):
        """The concrete page types deriving from this one."""
        return [model for model in get_page_models() if issubclass(model, cls) and not model._meta.abstract]

    # The field `listing_date` reads, for ordering in the database (`newest_first_in_database`).
    listing_date_field = None

    @property
    def listing_date(self):
        """The date shown in listings, feeds and search results; content types
        with a date of their own (publication, event start) override it, and
        name it in `listing_date_field`."""
        return self.first_published_at.date() if self.first_published_at else None

    def search_reader_text(self):
        return reader_text(self)

    @property
    def type_label(self):
        """The content type as readers call it, in their language."""
        return self._meta.verbose_name

    def brief_card_meta(self, request):
        """The card every page type can draw from its own row: type, title, date, summary."""
        return Card(
            title=self.title,
            url=self.get_url(request),
            eyebrow=(self.type_label,),
            day=self.listing_date,
            summary=self.summary,
        )

    def card_meta(self, request):
        """The card of this page in its own section's lists; types add their details."""
        return self.brief_card_meta(request)

    @property
    def topics(self):
        """Topics in editor order; uses prefetched links when present."""
        return [link.topic for link in self.page_topics.all()]

    # Joined to the page when a reader's URL is routed to it (`ServedPage`):
    # the cover comes with the page, its renditions from Wagtail's rendition cache.
    view_related = ("cover_image",)
    # Prefetched with it: the topics (chips, JSON-LD), read by the header and the head.
    view_prefetched = (
        Prefetch("page_topics", queryset=PageTopic.objects.select_related("topic").order_by("sort_order")),
    )

    # The StreamField of body blocks (`editorial.blocks.BodyBlock`) readers read
    # as the page's text; its HTML and outline are in the context as `body` and
    # `outline` (`editorial/includes/body.html`, `toc.html`). None: no such text.
    body_field = None

    def get_context(self, request, *args, **kwargs):
        # Unless the route prefetched them (a preview): one query whatever their number.
        prefetch_related_objects([self], *EditorialPage.view_prefetched)
        context = super().get_context(request, *args, **kwargs)
        context["related"] = related_block(self, request)
        if self.body_field:
            context["body"] = rendered_body(self, getattr(self, self.body_field), request)
            context["outline"] = context["body"].outline
        return context


class SectionIndexPage(ServedPage):
    """Abstract base of the indexes (reports, events, news, initiatives, and
    the snippet indexes of topics and people): an introduction, one index per
    language under its home page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = PROMOTE_PANELS
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def url_for_locale(cls, locale_id, request=None):
        """URL of the live, public index of this type in `locale_id`, or "" when
        there is none, from the site-wide cache (one query fills it for every
        index type and language)."""
        index = section_indexes().get((cls._meta.label_lower, locale_id))
        return index.url if index else ""


@dataclass(frozen=True)
class SectionIndex:
    path: str
    url: str
    title: str


def section_indexes():
    """{(model label, locale id): SectionIndex} of the live, public index pages
    (the first by tree order), from the site-wide cache."""
    return sitewide("section-indexes", _section_indexes)


def _section_indexes():
    # Index pages are children of the home pages: the site-wide sections, without a query.
    indexes = {}
    for page in sites().sections:
        model = page.specific_class
        if model and issubclass(model, SectionIndexPage) and page.live and is_public(page):
            indexes.setdefault(
                (model._meta.label_lower, page.locale_id), SectionIndex(page.path, page.url or "", page.title)
            )
    return indexes

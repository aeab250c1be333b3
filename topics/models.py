from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from editorial.cards import Card
from editorial.listing import Listing, page_type_filter
from editorial.models import EditorialPage
from editorial.ordering import alphabetical
from editorial.snippet_index import SnippetIndexPage, SourceReviewMixin, live_pages_of
from serving.sitewide import sitewide
from serving.specific import specific_pages


class Topic(
    SourceReviewMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A theme tying reports, events and news together. Each locale has its own
    name and slug, so topic URLs are localised. Readers see the published
    version only; a French change waits for review like a page."""

    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Utilisé dans l'adresse du thème ; unique dans chaque langue."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Une ou deux phrases, affichées en tête de la page du thème.")
    )

    panels = [TitleFieldPanel("name", placeholder=False, classname=""), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def card_meta(self, request):
        """A topic in the topic index; `item_count` comes from `topics_with_counts`."""
        count = ngettext("%(counter)s contenu", "%(counter)s contenus", self.item_count) % {"counter": self.item_count}
        return Card(
            title=self.name,
            url=TopicIndexPage.snippet_url(self, request),
            meta_text=count,
            summary=self.description,
            summary_words=40,
        )


def topics_with_counts(locale_id):
    """The live topics of `locale_id` by name, each with `item_count`, the number of
    live, public pages carrying it. Counting every page's topics takes 20 ms at
    5,000 pages a language: kept with the site-wide data, which a publication or
    a topic's change renews."""

    def count():
        visible = live_pages_of(locale_id).values("pk")
        topics = Topic.objects.filter(locale_id=locale_id, live=True)
        counted = Count("page_links__page", filter=Q(page_links__page__in=visible), distinct=True)
        return list(topics.annotate(item_count=counted).order_by(alphabetical("name"), "pk"))

    return sitewide("topics-with-counts", count, locale_id)


class TopicIndexPage(SnippetIndexPage):
    """The topics of a language (`/fr/themes/`, `/en/topics/`) and, below it,
    one page per topic gathering its reports, events and news."""

    snippet_model = Topic
    items_per_page = 20

    class Meta:
        verbose_name = _("index des thèmes")
        verbose_name_plural = pgettext_lazy("pluriel", "index des thèmes")

    @path("")
    def topic_list(self, request):
        return self.render(request, context_overrides={"topics": topics_with_counts(self.locale_id)})

    @path("<slug:slug>/")
    def topic_page(self, request, slug):
        topic = Topic.objects.filter(locale_id=self.locale_id, live=True, slug=slug).first()
        if topic is None:
            raise Http404
        # Filtered, ordered and paginated in the database, newest first along the
        # topic rows' index (`PageTopic.shown_date`); only the page shown is loaded.
        pages = (
            live_pages_of(self.locale_id)
            .filter(page_topics__topic=topic)
            .order_by(F("page_topics__shown_date").desc(), F("pk").desc())
        )
        listing = Listing(
            request,
            pages,
            filters=[page_type_filter(pages)],
            per_page=self.items_per_page,
            cache_key=f"topic-{topic.pk}",
        )
        rows = listing.page.object_list
        # Read when first used: a page of the list kept rendered (`kept_listing`) reads none.
        listing.page.object_list = SimpleLazyObject(
            lambda: specific_pages(rows, EditorialPage.page_types(), defer_streamfields=True)
        )
        context = {
            "topic": topic,
            "total_count": listing.total_count,
            "listing": listing,
            # What upper layers add to a topic page (the subscription form), named by the settings.
            "topic_page_includes": settings.TOPIC_PAGE_INCLUDES,
            **self.snippet_language_context(request, topic),
        }
        return self.render(request, template="topics/topic_page.html", context_overrides=context)

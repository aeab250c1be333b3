"""The editorial layer shared by reports, events, news and initiatives: one
abstract page with summary, cover and topics, and the two page-level relations
(topics, editor-pinned related items) that every content type uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PageTopic(TranslatableMixin, Orderable):
    """Links any page to a topic. Kept on `wagtailcore.Page` so one query finds
    every page of a topic, whatever its type. On translation the topic is
    replaced by its translation in the target language."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="page_topics"
    )
    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="page_links",
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale")]


class RelatedPin(TranslatableMixin, Orderable):
    """An item an editor pins to "On the same subject". The target is kept in
    sync with the source page and shown in the reader's language."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="related_pins"
    )
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="pinned_by",
    )

    panels = [FieldPanel("target")]
    translatable_fields = [SynchronizedField("target")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pinned related item")
        verbose_name_plural = _("pinned related items")
        unique_together = [("translation_key", "locale")]


class EditorialPage(Page):
    """Abstract base of every content page readers browse."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_(
            "Two or three sentences, shown in listings, feeds, search results and social previews."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(
        _("cover image alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe the image for readers who cannot see it; leave empty if it is decorative."
        ),
    )

    editorial_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt")], heading=_("Cover")
        ),
        InlinePanel("page_topics", label=_("Topics"), min_num=1),
    ]
    related_panels = [InlinePanel("related_pins", label=_("Pinned related items"))]

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

    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]

    class Meta:
        abstract = True

    @property
    def topics(self):
        """Topics in editor order; uses prefetched links when present."""
        return [link.topic for link in self.page_topics.all()]

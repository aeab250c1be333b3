from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.models import PROMOTE_PANELS
from serving.pages import ServedPage


class HomePage(ServedPage):
    """The root of each language's tree."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = PROMOTE_PANELS
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")


class StandardPage(ServedPage):
    """A plain content page: about, legal notice, privacy notice."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(label=_("Intertitre"), form_classname="title")),
            ("paragraph", blocks.RichTextBlock(label=_("Paragraphe"))),
        ],
        verbose_name=_("corps du texte"),
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = PROMOTE_PANELS
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")

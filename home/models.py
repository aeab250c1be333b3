from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.content_types import home_section_choices
from editorial.institute import institute_mission
from editorial.models import PROMOTE_PANELS
from serving.pages import ServedPage

from .jsonld import home_json_ld


class HomePage(ServedPage):
    """The root of each language's tree: its words, and the sections the
    content types offer (editorial.content_types) in the editors' order."""

    eyebrow = models.CharField(
        _("surtitre"), max_length=80, blank=True, help_text=_("Au-dessus de la devise : qui parle.")
    )
    tagline = models.CharField(
        _("devise"),
        max_length=160,
        blank=True,
        help_text=_("Le grand titre de la page d'accueil, repris dans le titre de l'onglet."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    sections = StreamField(
        [("section", blocks.ChoiceBlock(choices=home_section_choices, label=_("Rubrique")))],
        verbose_name=_("rubriques"),
        blank=True,
        help_text=_("Les rubriques de la page, dans cet ordre ; vide : toutes, dans l'ordre par défaut."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("eyebrow"), FieldPanel("tagline"), FieldPanel("intro")], heading=_("En-tête")),
        FieldPanel("sections"),
    ]
    promote_panels = PROMOTE_PANELS
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # The order of the sections is the site's: translations follow the French page's.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("eyebrow"),
        TranslatableField("tagline"),
        TranslatableField("intro"),
        SynchronizedField("sections"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    def ld_entity(self, context):
        return home_json_ld(self, context.get("request"), institute_mission(context))

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

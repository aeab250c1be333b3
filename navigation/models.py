from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Site, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .site_permissions import SubquerySitePermissionPolicy


class Menu(TranslatableMixin, ClusterableModel):
    """A translatable list of links shown in one slot of the page layout."""

    class Slot(models.TextChoices):
        MAIN = "main", _("Menu principal")
        FOOTER = "footer", _("Pied de page")

    slot = models.CharField(_("emplacement"), max_length=20, choices=Slot.choices)
    mission = models.TextField(
        _("mission"),
        blank=True,
        help_text=_("Pied de page : la phrase qui dit ce que fait l'institut, au-dessus des liens."),
    )
    footer_text = models.TextField(
        _("texte du pied de page"),
        blank=True,
        help_text=_("Affiché sous les liens du pied de page (adresse, licence…)."),
    )

    panels = [
        FieldPanel("slot"),
        FieldPanel("mission"),
        FieldPanel("footer_text"),
        InlinePanel("items", heading=_("Liens"), label=_("Lien")),
    ]
    translatable_fields = [
        SynchronizedField("slot", overridable=False),
        TranslatableField("mission"),
        TranslatableField("footer_text"),
        TranslatableField("items"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        constraints = [models.UniqueConstraint(fields=["locale", "slot"], name="unique_menu_slot_per_locale")]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale.language_code})"


class MenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(_("libellé"), max_length=80)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("adresse externe"), blank=True, help_text=_("Utilisée si aucune page n'est choisie."))

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]
    # The page is synchronised and shown in the reader's language at render time,
    # so a menu can be translated before every page it links to is.
    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("link_page"),
        SynchronizedField("link_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        unique_together = [("translation_key", "locale")]
        verbose_name = _("lien du menu")
        verbose_name_plural = _("liens du menu")

    def __str__(self):
        return self.label


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("réseau"), max_length=40, help_text=_("Par exemple : LinkedIn, Mastodon."))
    url = blocks.URLBlock(label=_("adresse"))

    class Meta:
        icon = "link"
        label = _("lien vers un réseau social")


@register_setting(icon="home")
class InstituteSettings(BaseSiteSetting):
    """Who publishes the site: shown in the footer, the citations of reports,
    the JSON-LD publisher and the e-mails, in the reader's language."""

    name = models.CharField(_("nom de l'institut"), max_length=120, default="Institut du numérique responsable")
    english_name = models.CharField(
        _("nom de l'institut en anglais"),
        max_length=120,
        default="Institute for Responsible Digital Policy",
        blank=True,
        help_text=_("Utilisé sur les pages en anglais ; vide : le nom français."),
    )
    address = models.TextField(
        _("adresse postale"),
        blank=True,
        help_text=_("Une ligne par ligne d'adresse, telle qu'on l'écrit sur une enveloppe."),
    )
    email = models.EmailField(_("e-mail de contact"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name=_("réseaux sociaux"),
        blank=True,
        help_text=_("Affichés dans le pied de page, dans l'ordre choisi ici."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("english_name"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("institut")

    @classmethod
    def get_permission_policy(cls):
        return SubquerySitePermissionPolicy(cls)

    @classmethod
    def cached_for_request(cls, request):
        """The settings of the request's site, joined to it in the site-wide
        data (every page shows them; an editor's save renews them)."""
        site = Site.find_for_request(request)
        if site is None:
            return cls()
        # Unlike `for_site`, a site without saved settings gets the defaults
        # without a row being written while a reader waits.
        try:
            return site.institutesettings
        except cls.DoesNotExist:
            return cls(site=site)

    def name_in(self, language):
        """The institute's name in `language` ("fr" or "en")."""
        if language == "en" and self.english_name:
            return self.english_name
        return self.name

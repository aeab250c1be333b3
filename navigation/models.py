from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Menu(TranslatableMixin, ClusterableModel):
    """A translatable list of links shown in one slot of the page layout."""

    class Slot(models.TextChoices):
        MAIN = "main", _("Menu principal")
        FOOTER = "footer", _("Pied de page")

    slot = models.CharField(_("emplacement"), max_length=20, choices=Slot.choices)
    footer_text = models.TextField(
        _("texte du pied de page"),
        blank=True,
        help_text=_("Affiché sous les liens du pied de page (adresse, licence…)."),
    )

    panels = [
        FieldPanel("slot"),
        FieldPanel("footer_text"),
        InlinePanel("items", heading=_("Liens"), label=_("Lien")),
    ]
    translatable_fields = [
        SynchronizedField("slot", overridable=False),
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

    def __str__(self):
        return self.label

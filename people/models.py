from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A body people belong to or events are organised by; entered once, reused."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("acronym"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return (
            f"{self.name} ({self.acronym})"
            if self.acronym and self.acronym != self.name
            else self.name
        )

    @property
    def short_name(self):
        return self.acronym or self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Anyone who writes, speaks or moderates: staff and external speakers alike."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"), max_length=150, help_text=_("Used in the person's address.")
    )
    role = models.CharField(
        _("role"),
        max_length=255,
        blank=True,
        help_text=_("For example « délégué général »."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True)
    is_staff_member = models.BooleanField(
        _("member of the think-tank"),
        default=False,
        help_text=_("Tick for our own staff and fellows."),
    )
    show_in_listings = models.BooleanField(
        _("show in listings"),
        default=True,
        help_text=_(
            "Untick to keep this person out of people listings (their page still exists)."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("role"),
                FieldPanel("organisation"),
                FieldPanel("is_staff_member"),
            ],
            heading=_("Role"),
        ),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("show_in_listings"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("photo"),
        TranslatableField("bio"),
        SynchronizedField("is_staff_member"),
        SynchronizedField("show_in_listings"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("show_in_listings"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_person_slug_per_locale"
            ),
        ]

    def __str__(self):
        return self.name

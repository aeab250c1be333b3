"""Series of reports ("Note", "Étude"): a translatable name and a slug for the
filter of the reports index; a report carries one and its number in it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from editorial.listing import LinkFilter


class ReportSeries(TranslatableMixin, models.Model):
    """A series of publications, named in each language; its slug is the value
    of the index's series filter (`?collection=` / `?series=`)."""

    name = models.CharField(_("nom"), max_length=120, help_text=_("Par exemple « Note » ou « Étude »."))
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Utilisé dans l'adresse du filtre des publications ; unique dans chaque langue."),
    )

    panels = [TitleFieldPanel("name", placeholder=False, classname=""), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), TranslatableField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_report_series_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


def series_filter(reports, locale_id):
    """`?collection=<slug>` (`?series=` in English): the series `reports` carry,
    named in the language of `locale_id` when translated. A report translated
    before its series keeps the source-language series: the filter matches every
    translation of a series, so both kinds are listed under one link."""

    def load_choices():
        # One query, the series carried and their translations (an empty cache renders the index in 25).
        carried = ReportSeries.objects.filter(pk__in=reports.order_by().values("series_id"))
        found = ReportSeries.objects.filter(
            Q(pk__in=carried.values("pk"))
            | Q(translation_key__in=carried.values("translation_key"), locale_id=locale_id)
        )
        keys = {}
        for series in found:
            if series.locale_id == locale_id or series.translation_key not in keys:
                keys[series.translation_key] = series
        shown = sorted(keys.values(), key=lambda series: (series.name.casefold(), series.pk))
        return [(series.slug, series.name, series) for series in shown]

    def parse(slug):
        # A link shared before the series was translated names it by its source slug.
        found = ReportSeries.objects.filter(slug=slug)
        return found.filter(locale_id=locale_id).first() or found.first()

    def value_in(series, language):
        translation = ReportSeries.objects.filter(
            translation_key=series.translation_key, locale__language_code=language
        ).first()
        return (translation or series).slug

    return LinkFilter(
        "series",
        _("Collection"),
        load_choices,
        lambda queryset, series: queryset.filter(series__translation_key=series.translation_key),
        parse=parse,
        value_in=value_in,
        all_label=_("Toutes"),
    )

"""Corrections of a published report: what changed and when, shown on the
page with the version it replaced (reports/versions.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ReportCorrection(TranslatableMixin, Orderable):
    """A correction note, published with the revision that makes the correction
    (so it goes through review like any change). Its `translation_key` is set
    when the editor adds it and stays in every later revision: the first
    published revision that carries it tells which version it replaced."""

    page = ParentalKey("reports.ReportPage", on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("date de la correction"), default=timezone.localdate)
    text = models.TextField(
        _("ce qui a été corrigé"),
        help_text=_("Par exemple « Le chiffre du tableau 2 était erroné : 12 % et non 21 %. »"),
    )

    panels = [FieldPanel("date"), FieldPanel("text")]
    translatable_fields = [SynchronizedField("date"), TranslatableField("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.text[:60]

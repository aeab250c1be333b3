"""The authors of a report, in editor order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import TranslatableField


class ReportAuthor(TranslatableMixin, Orderable):
    """An author of a report, in order, with an optional role on this report."""

    page = ParentalKey("reports.ReportPage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("personne"),
        on_delete=models.PROTECT,
        related_name="report_authorships",
        help_text=_("Choisissez une personne, ou créez-la depuis le sélecteur si elle n'existe pas encore."),
    )
    role = models.CharField(
        _("rôle dans ce rapport"),
        max_length=100,
        blank=True,
        help_text=_("Facultatif, par exemple « coordination »."),
    )

    panels = [FieldPanel("person"), FieldPanel("role")]
    translatable_fields = [TranslatableField("person"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("auteur ou autrice")
        verbose_name_plural = _("auteurs et autrices")
        unique_together = [("translation_key", "locale")]
        # Merged before the report is saved (`editorial.inline_rows`).
        constraints = [models.UniqueConstraint(fields=["page", "person"], name="unique_author_per_report")]

    def __str__(self):
        return self.person.name

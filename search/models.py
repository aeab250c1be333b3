from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Synonym(TranslatableMixin, models.Model):
    """Words readers use interchangeably ("IA" and "intelligence artificielle"),
    per language: the English version is a translation of the French one."""

    terms = models.CharField(
        _("termes équivalents"),
        max_length=500,
        help_text=_("Séparés par des virgules, par exemple « IA, intelligence artificielle »."),
    )

    panels = [FieldPanel("terms")]
    translatable_fields = [TranslatableField("terms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("synonyme de recherche")
        verbose_name_plural = _("synonymes de recherche")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Indiquez au moins deux termes séparés par une virgule.")})


class ExternalPromotion(TranslatableMixin, models.Model):
    """A link to another site pinned above the results of a query, in one
    language: the English version is a translation (its own words, and its own
    address if the translator overrides it), and a language without one shows
    nothing. Pages are pinned through Wagtail's search promotions, which give
    each reader the page of their language."""

    query = models.CharField(
        _("recherche"),
        max_length=255,
        help_text=_("Ce que tapent les lecteurs, avec ou sans accents ni majuscules."),
    )
    url = models.URLField(_("adresse du lien"))
    text = models.CharField(_("texte du lien"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("query"), FieldPanel("url"), FieldPanel("text"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("query"),
        SynchronizedField("url"),
        TranslatableField("text"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("lien externe recommandé")
        verbose_name_plural = _("liens externes recommandés")
        ordering = ["query", "text"]

    def __str__(self):
        return f"{self.query} → {self.text}"


class PendingIndexUpdate(models.Model):
    """An index change the engine could not take (down, timing out), replayed by
    `manage.py rebuild_search_index --pending`. Replaying re-reads the object, so
    one row per object is enough."""

    class Kind(models.TextChoices):
        PAGE = "page", _("page")
        PERSON = "person", _("personne")
        SYNONYMS = "synonyms", _("synonymes")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    object_id = models.CharField(_("identifiant"), max_length=64)
    language = models.CharField(_("langue"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("mise à jour d'index en attente")
        verbose_name_plural = _("mises à jour d'index en attente")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_pending_index_update")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class NoResultDailyHits(models.Model):
    """How many searches for a query found nothing on a day: what Wagtail's
    search terms (`QueryDailyHits`) do not tell editors."""

    query = models.ForeignKey("wagtailsearchpromotions.Query", on_delete=models.CASCADE, related_name="no_result_hits")
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("recherches sans résultat"), default=0)

    class Meta:
        verbose_name = _("recherches sans résultat du jour")
        verbose_name_plural = _("recherches sans résultat du jour")
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="unique_no_result_query_date")]

    def __str__(self):
        return f"{self.query} {self.date}"

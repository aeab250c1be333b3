"""Readers who asked for e-mail from the institute: the monthly newsletter and
alerts on the topics they follow, with the consent they gave."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

# What an issue's items may be (by name: the content apps sit beside this one).
NEWSLETTER_PAGE_TYPES = ["reports.ReportPage", "events.EventPage", "news.NewsArticlePage"]


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("En attente de confirmation")
    ACTIVE = "active", _("Abonné")
    UNSUBSCRIBED = "unsubscribed", _("Désabonné")


class AlertFrequency(models.TextChoices):
    EACH = "each", _("Un e-mail par publication")
    DAILY = "daily", _("Un résumé par jour")


class Subscriber(models.Model):
    """One address; what it receives is chosen on the manage page its signed
    link opens (`key`), without an account."""

    email = models.EmailField(_("adresse e-mail"), max_length=254, unique=True)
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("statut"), max_length=20, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING, db_index=True
    )
    newsletter = models.BooleanField(_("lettre d'information"), default=True)
    # Topics are followed in every language: alerts match their translation key.
    topics = models.ManyToManyField("topics.Topic", verbose_name=_("thèmes suivis"), blank=True, related_name="+")
    alert_frequency = models.CharField(
        _("fréquence des alertes"), max_length=10, choices=AlertFrequency.choices, default=AlertFrequency.EACH
    )
    # Renewed on erasure and unsubscription, so links already sent stop working.
    key = models.UUIDField(_("clé"), default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désabonné le"), null=True, blank=True, db_index=True)
    consent_text = models.TextField(_("texte du consentement"), blank=True)
    consent_page = models.CharField(_("page du consentement"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("abonné")
        verbose_name_plural = _("abonnés")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.status == SubscriberStatus.ACTIVE

    def followed_topic_keys(self):
        return {topic.translation_key for topic in self.topics.all()}


def purgeable_subscribers(days=None):
    """Never-confirmed requests older than a week, and unsubscribed addresses
    kept past the retention period (to honour an unsubscription, not to mail)."""
    now = timezone.now()
    days = settings.NEWSLETTERS_UNSUBSCRIBED_RETENTION_DAYS if days is None else days
    unconfirmed = models.Q(status=SubscriberStatus.PENDING, created_at__lt=now - timedelta(days=7))
    unsubscribed = models.Q(status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at__lt=now - timedelta(days=days))
    return Subscriber.objects.filter(unconfirmed | unsubscribed)


class NewsletterIssue(TranslatableMixin, ClusterableModel):
    """An issue of the newsletter, written in French and translated like any
    snippet (wagtail-localize); each language's version is sent to the
    subscribers of that language."""

    subject = models.CharField(_("objet"), max_length=200)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)

    panels = [
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("items", heading=_("Contenus"), label=_("Contenu"), min_num=1),
    ]
    translatable_fields = [TranslatableField("subject"), TranslatableField("intro"), TranslatableField("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("lettre d'information")
        verbose_name_plural = _("lettres d'information")
        ordering = ["-created_at"]
        permissions = [("send_newsletterissue", _("Peut envoyer une lettre d'information aux abonnés"))]

    def __str__(self):
        return self.subject

    def item_pages(self):
        """The pages picked, in the issue's language, live and public only (the
        other language's version when it is the one picked is left out)."""
        pages = []
        for item in self.items.select_related("page"):
            page = item.page.get_translations(inclusive=True).filter(locale_id=self.locale_id).first()
            if page is not None and page.live and not page.get_view_restrictions().exists():
                pages.append(page.specific)
        return pages


class NewsletterItem(TranslatableMixin, Orderable):
    issue = ParentalKey(NewsletterIssue, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Un rapport, un événement ou une actualité : sa couverture, sa date et son résumé sont repris."),
    )

    panels = [PageChooserPanel("page", page_type=NEWSLETTER_PAGE_TYPES)]
    translatable_fields = [SynchronizedField("page")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contenu")
        unique_together = [("translation_key", "locale")]


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("En file d'attente")
    SENDING = "sending", _("Envoi en cours")
    DONE = "done", _("Envoyée")


class Delivery(models.Model):
    """One send of an issue to its language's subscribers, with its progress."""

    issue = models.ForeignKey(
        NewsletterIssue, verbose_name=_("lettre"), on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(_("statut"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    total = models.PositiveIntegerField(_("destinataires"), default=0)
    # Done when every batch has run (whoever left meanwhile is skipped, not counted).
    batches_total = models.PositiveIntegerField(default=0)
    batches_done = models.PositiveIntegerField(default=0)
    started_by = models.CharField(_("lancée par"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("lancée le"), default=timezone.now)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi")
        verbose_name_plural = _("envois")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.issue} ({self.created_at:%Y-%m-%d %H:%M})"

    def counts(self):
        failed = self.messages.exclude(error="").count()
        sent = self.messages.filter(error="").count()
        return {"sent": sent, "failed": failed, "total": self.total}


class SentMessage(models.Model):
    """What one subscriber was sent by a delivery; unique, so a batch tried
    again after a failure never sends twice."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="messages")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="sent_messages")
    sent_at = models.DateTimeField(default=timezone.now)
    # Empty when the server took the message; else why it refused this address.
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["delivery", "subscriber"], name="one_message_per_delivery")]

    def __str__(self):
        return f"{self.delivery} → {self.subscriber_id}"


class Alert(models.Model):
    """A publication editors chose to announce, by translation key: each
    language's subscribers are told once, when the page exists in it."""

    translation_key = models.UUIDField(unique=True)
    languages_sent = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.translation_key} ({', '.join(self.languages_sent)})"


class PendingAlert(models.Model):
    """A page waiting for a subscriber's daily digest."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="pending_alerts")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "page"], name="one_pending_alert_per_page")]

    def __str__(self):
        return f"{self.subscriber_id} ← {self.page_id}"

"""Registrations readers make through an event page's built-in form, whether
an event takes them, and how long they are kept."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..choices import RegistrationMode, RegistrationStatus, SeatStatus

# The registrations that hold a seat (a seat offered from the waitlist is held until its deadline).
HOLDING_A_SEAT = (SeatStatus.REGISTERED, SeatStatus.OFFERED)


class Registration(models.Model):
    """A reader's registration for an event, through the built-in form.

    `event` is the page the reader registered on (French or English); every
    language version of an event shares its capacity, so registrations are
    counted and kept unique by `event_key`, the versions' translation key."""

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("événement"), on_delete=models.CASCADE, related_name="registrations"
    )
    event_key = models.UUIDField(_("clé de l'événement"), editable=False, db_index=True)
    name = models.CharField(_("nom"), max_length=200)
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    consent = models.BooleanField(_("consentement au traitement des données"), default=False)
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=SeatStatus.choices, default=SeatStatus.REGISTERED, db_index=True
    )
    offer_expires_at = models.DateTimeField(_("offre valable jusqu'au"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    # Signed into the links of the e-mails (cancel, accept a seat offered).
    key = models.UUIDField(_("clé"), default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event_key", "email"], name="unique_registration_per_event_email"),
        ]
        permissions = [("export_registration", _("Peut exporter les inscriptions"))]

    def __str__(self):
        return f"{self.name} <{self.email}>"


def registration_status(event, now=None):
    """Whether `event` takes registrations `now`."""
    return registration_state(event, now)[0]


def registration_state(event, now=None):
    """(whether `event` takes registrations `now`, the seats left while it does up
    to a capacity (0 when they are all taken: readers may join the waitlist),
    else None); the seats taken are counted (one query) only when they decide."""
    mode = event.registration_mode
    if mode == RegistrationMode.NONE:
        return RegistrationStatus.NOT_NEEDED, None
    if mode == RegistrationMode.CLOSED or event.cancelled:
        return RegistrationStatus.CLOSED, None
    if mode == RegistrationMode.FULL:
        return RegistrationStatus.FULL, None
    now = now or timezone.now()
    if now >= (event.registration_closes_at or event.starts_at):
        return RegistrationStatus.CLOSED, None
    if mode != RegistrationMode.FORM or event.capacity is None:
        return RegistrationStatus.OPEN, None
    seats_left = event.capacity - event.seats_taken()
    if seats_left <= 0:
        # Full by the count (not by the editors' choice): the waitlist is open.
        return RegistrationStatus.FULL, 0
    return RegistrationStatus.OPEN, seats_left


def seats_tag(event_key):
    """The tag of what shows the seats taken at an event (its page in each language)."""
    return f"seats-{event_key}"


def retention_cutoff(days=None):
    days = settings.EVENTS_REGISTRATION_RETENTION_DAYS if days is None else days
    return timezone.now() - timedelta(days=days)


def expired_registrations(days=None):
    """Registrations for events that ended more than the retention period ago."""
    return Registration.objects.annotate(event_ended_at=Coalesce("event__ends_at", "event__starts_at")).filter(
        event_ended_at__lt=retention_cutoff(days)
    )


def privacy_notice(event):
    """The privacy notice of `event`'s registration form, linked from
    the consent box, in the event's language (one query)."""
    privacy_id = event.index_page.privacy_page_id if event.index_page else None
    if privacy_id is None:
        return None
    # Its translation in the page's language, else the page chosen (as `Page.localized`), if live.
    chosen = Page.objects.filter(pk=privacy_id).values("translation_key")
    in_language = Q(translation_key=Subquery(chosen), locale_id=event.locale_id)
    localized = (
        Page.objects.filter(in_language | Q(pk=privacy_id)).order_by(Case(When(in_language, then=0), default=1)).first()
    )
    return localized if localized and localized.live else None

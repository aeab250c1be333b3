"""The choices editors make on an event and the registration states readers see."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    CONFERENCE = "conference", _("Conférence")
    SUMMIT = "summit", _("Sommet")
    ROUND_TABLE = "round_table", _("Table ronde")
    WORKSHOP = "workshop", _("Atelier")
    WEBINAR = "webinar", _("Webinaire")
    HEARING = "hearing", _("Audition")


class OurRole(models.TextChoices):
    ORGANISER = "organiser", _("Nous organisons")
    CO_ORGANISER = "co_organiser", _("Nous co-organisons")
    PARTICIPANT = "participant", _("Nous intervenons")


class RegistrationMode(models.TextChoices):
    FORM = "form", _("Formulaire du site")
    EXTERNAL = "external", _("Lien externe")
    FULL = "full", _("Complet")
    CLOSED = "closed", _("Fermées")
    NONE = "none", _("Pas d'inscription")


class RegistrationStatus(models.TextChoices):
    OPEN = "open", _("Inscriptions ouvertes")
    FULL = "full", _("Complet")
    CLOSED = "closed", _("Inscriptions closes")
    NOT_NEEDED = "not_needed", _("Entrée libre, sans inscription")


class SeatStatus(models.TextChoices):
    """Where a registration stands: a seat, a seat offered from the waitlist
    (held until its deadline), or a place in the waitlist."""

    REGISTERED = "registered", _("Inscrit")
    OFFERED = "offered", _("Place proposée")
    WAITING = "waiting", _("En liste d'attente")

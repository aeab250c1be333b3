"""Events: the index of a language's events and the event page (dates, venue,
programme, registration, calendars), the table of who speaks where, and the
registrations readers make through the built-in form."""

from ..choices import EventFormat, OurRole, RegistrationMode, RegistrationStatus
from ..schedule import UpcomingThenPast, not_ended, paris, with_end
from .index import EventIndexPage, upcoming_events
from .page import EventPage
from .programme import EventParticipation, Participant, Session, list_items, rebuild_participations
from .registration import Registration, expired_registrations, registration_status, retention_cutoff, seats_tag

__all__ = [
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventParticipation",
    "OurRole",
    "Participant",
    "Registration",
    "RegistrationMode",
    "RegistrationStatus",
    "Session",
    "UpcomingThenPast",
    "expired_registrations",
    "list_items",
    "not_ended",
    "paris",
    "rebuild_participations",
    "registration_status",
    "retention_cutoff",
    "seats_tag",
    "upcoming_events",
    "with_end",
]

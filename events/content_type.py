"""What events bring to the pages that list every content type
(editorial.content_types), declared in `EventsConfig.ready()`."""

from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from editorial.content_types import Contribution, HomeSection, SearchExtras, register
from people.models import Person
from serving.tags import object_tag

from .models import EventIndexPage, EventPage, EventParticipation, Registration, seats_tag, upcoming_events


def next_events(page, request, limit=3):
    """The next live, public events in the language of `page` (the home page)."""
    return {
        "request": request,
        "upcoming_events": list(upcoming_events(page.locale_id, limit=limit)),
        "index_url": EventIndexPage.url_for_locale(page.locale_id),
    }


def sessions_of(person, visible):
    """The sessions the person spoke at or moderated, their event with them (without its bodies)."""
    bodies = (field.name for field in EventPage._meta.concrete_fields if isinstance(field, StreamField))
    return (
        person.event_participations.filter(event__in=visible.values("pk"))
        .select_related("event")
        .defer(*(f"event__{name}" for name in bodies))
        .order_by("-starts_at", "sort_order", "pk")
    )


def register_events():
    register(
        "events",
        home_sections=[
            HomeSection(
                "events",
                _("Prochains événements"),
                "events/includes/upcoming.html",
                next_events,
                in_columns=True,
                order=20,
                changes_with_time=True,
            )
        ],
        contributions=[
            Contribution(
                "sessions",
                _("Interventions"),
                _("Pages des interventions"),
                sessions_of,
                # Rows of the programme, not pages: read as they are.
                load=list,
                template="events/includes/person_sessions.html",
            )
        ],
        search={EventPage: SearchExtras(related=("organiser",), prepare=EventPage.prefetch_sessions)},
        ties=[
            # A speaker's page lists their sessions; an event's page in each language shows the seats left.
            (EventParticipation, lambda link: {object_tag(Person, link.person_id)}, "event"),
            (Registration, lambda registration: {seats_tag(registration.event_key)}, None),
        ],
    )

"""Events for tests: an index and event pages with a programme."""

from datetime import datetime

from wagtail.models import Locale

from editorial.localize import translate
from events.blocks import session_data
from events.models import paris
from tests.kit.factories import OrganisationFactory, PersonFactory
from tests.kit.pages import EventIndexPageFactory, EventPageFactory


def at(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=paris())


def event_index(home, title="Événements", slug="evenements", **fields):
    return EventIndexPageFactory(parent=home, title=title, slug=slug, **fields)


def event_page(index, title="Sommet", slug=None, publish=True, topics=(), **fields):
    fields.setdefault("starts_at", at(2030, 2, 7, 10))
    page = EventPageFactory(
        parent=index, title=title, slug=slug or title.lower().replace(" ", "-"), live=publish, topics=topics, **fields
    )
    if publish:
        page.refresh_from_db()
    return page


def people(count, **fields):
    return [PersonFactory(**fields) for _ in range(count)]


def programme(sessions, speakers_per_session, start_hour=9):
    """`sessions` sessions of one hour, each with its own moderator and speakers."""
    blocks = []
    for number in range(sessions):
        hour = start_hour + number
        blocks.append(
            session_data(
                "panel",
                f"Séquence {number + 1}",
                f"{hour:02d}:00:00",
                f"{hour:02d}:50:00",
                description=f"Description {number + 1}",
                moderators=people(1),
                speakers=people(speakers_per_session),
            )
        )
    return blocks


def translate_people(persons):
    """English versions of people and their organisations (a translated programme points to them)."""
    english = Locale.objects.get(language_code="en")
    for person in persons:
        if person.organisation and not person.organisation.has_translation(english):
            translate(person.organisation, {person.organisation.name: f"{person.organisation.name} (EN)"})
        if not person.has_translation(english):
            translate(person, {"Chercheuse": "Researcher"})


def organisation(**fields):
    return OrganisationFactory(**fields)

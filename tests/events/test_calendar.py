from datetime import date, datetime

import pytest
from icalendar import Calendar

from editorial.localize import translate
from tests.kit.pages import make_private

from .factories import at, event_index, event_page

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def index(home_fr):
    return event_index(home_fr)


def test_event_ics_has_local_times_with_the_paris_time_zone(client, index):
    page = event_page(
        index,
        "Sommet",
        starts_at=at(2030, 2, 7, 10),
        ends_at=at(2030, 2, 7, 20, 30),
        venue_name="Digital Village",
        street_address="21 rue Albert Bayet",
        postcode="75013",
        city="Paris",
    )
    response = client.get(f"{page.url}calendrier/")
    assert response["Content-Disposition"] == 'attachment; filename="sommet.ics"'
    calendar = parse(response)
    [event] = calendar.walk("VEVENT")
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.hour, start.minute, str(start.tzinfo)) == (10, 0, "Europe/Paris")
    assert (end.hour, end.minute) == (20, 30)
    assert start == at(2030, 2, 7, 10)
    assert b"DTSTART;TZID=Europe/Paris:20300207T100000" in response.content
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    assert str(event["summary"]) == "Sommet"
    assert str(event["location"]) == "Digital Village, 21 rue Albert Bayet, 75013 Paris, France"
    assert str(event["url"]) == f"http://testserver{page.url}"


def test_uid_is_stable_across_edits_and_differs_per_language(client, homes):
    home_fr, _ = homes
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    page = event_page(index, "Sommet", slug="sommet")
    english = translate(page, {"Sommet": "Summit", "sommet": "summit"})

    def uid(url, segment="calendrier"):
        return str(parse(client.get(f"{url}{segment}/")).walk("VEVENT")[0]["uid"])

    before = uid(page.url)
    page.title = "Sommet renommé"
    page.slug = "sommet-renomme"
    page.save_revision().publish()
    page.refresh_from_db()
    assert uid(page.url) == before
    english_uid = uid(english.url, "calendar")
    assert english_uid != before and str(page.translation_key) in english_uid


def test_all_day_events_are_dates_with_an_exclusive_end(client, index):
    page = event_page(index, "Deux jours", starts_at=at(2030, 10, 28), ends_at=at(2030, 10, 29), all_day=True)
    [event] = parse(client.get(f"{page.url}calendrier/")).walk("VEVENT")
    assert event.decoded("dtstart") == date(2030, 10, 28)
    assert event.decoded("dtend") == date(2030, 10, 30)
    assert not isinstance(event.decoded("dtstart"), datetime)


def test_feed_lists_upcoming_live_public_events_of_the_language_only(client, homes):
    home_fr, _ = homes
    index = event_index(home_fr)
    english_index = translate(index, {"Événements": "Events", "evenements": "events"})
    later = event_page(index, "Plus tard", starts_at=at(2031, 5, 1, 9))
    sooner = event_page(index, "Bientôt", starts_at=at(2030, 5, 1, 9))
    event_page(index, "Passé", starts_at=at(2020, 5, 1, 9))
    event_page(index, "Brouillon", starts_at=at(2030, 6, 1, 9), publish=False)
    private = event_page(index, "Privé", starts_at=at(2030, 7, 1, 9))
    make_private(private)
    translate(later, {"Plus tard": "Later", "plus-tard": "later"})

    response = client.get(f"{index.url}calendrier/")
    assert response["Content-Disposition"].startswith("inline")
    events = parse(response).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Bientôt", "Plus tard"]
    assert sooner.pk

    english = parse(client.get(f"{english_index.url}calendar/")).walk("VEVENT")
    assert [str(event["summary"]) for event in english] == ["Later"]


def test_index_announces_the_feed_and_offers_webcal(client, index):
    html = client.get(index.url).text
    assert (
        f'<link rel="alternate" type="text/calendar" title="Événements (agenda)" href="http://testserver{index.url}calendrier/">'
        in html
    )
    assert f'href="webcal://testserver{index.url}calendrier/"' in html

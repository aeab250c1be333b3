"""Programme sessions in the admin: dated within the event, each day shown on a multi-day event."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial.localize import translate
from events.blocks import session_data
from events.models import EventPage
from tests.kit.factories import TopicFactory
from tests.kit.html import soup

from .factories import at, event_index, event_page

pytestmark = pytest.mark.django_db


def session_value(title, day):
    return {
        "day": day,
        "start_time": "18:00",
        "end_time": "19:00",
        "kind": "panel",
        "title": title,
        "description": "",
        "moderators": {"count": 0},
        "speakers": {"count": 0},
    }


def event_form(sessions, starts_at="2030-03-20 10:00", ends_at=""):
    data = nested_form_data(
        {
            "title": "Rencontre",
            "slug": "rencontre",
            "summary": "Une rencontre.",
            "cover_alt": "",
            "page_topics": inline_formset([{"topic": TopicFactory().pk}]),
            "starts_at": starts_at,
            "ends_at": ends_at,
            "event_format": "summit",
            "our_role": "organiser",
            "organiser": "",
            "venue_name": "",
            "street_address": "",
            "postcode": "",
            "city": "",
            "country": "France",
            "map_url": "",
            "online_url": "",
            "body": rich_text("<p>Présentation.</p>"),
            "programme": streamfield([("session", session_value(title, day)) for title, day in sessions]),
            "registration_mode": "none",
            "registration_url": "",
            "capacity": "",
            "registration_closes_at": "",
            "related_pins": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data["action-publish"] = "1"
    return data


@pytest.fixture
def index(homes):
    return event_index(homes[0])


def programme_in_form(response):
    """(the sessions, their errors) the programme's editor is built from."""
    stream = soup(response.content).select_one("#programme[data-w-block-arguments-value]")
    return json.loads(stream["data-w-block-arguments-value"])


def add(admin_client, index, data):
    return admin_client.post(reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk)), data)


@pytest.mark.parametrize(
    ("ends_at", "message"),
    [
        ("", "le jour de l'événement, le 20 mars 2030"),
        ("2030-03-21 18:00", "pendant l'événement, du 20 mars 2030 au 21 mars 2030"),
    ],
)
def test_a_session_outside_the_event_is_refused_and_the_form_keeps_it(admin_client, index, ends_at, message):
    response = add(
        admin_client, index, event_form([("Ouverture", "2030-03-20"), ("Hors date", "2030-03-25")], ends_at=ends_at)
    )
    assert response.status_code == 200
    assert not EventPage.objects.filter(title="Rencontre").exists()
    values, errors = programme_in_form(response)
    # The programme, as typed, comes back with the message on the faulty session's day.
    assert [(v["value"]["title"], v["value"]["day"]) for v in values] == [
        ("Ouverture", "2030-03-20"),
        ("Hors date", "2030-03-25"),
    ]
    assert list(errors["blockErrors"]) == ["1"]
    assert message in errors["blockErrors"]["1"]["blockErrors"]["day"]["messages"][0]


def test_a_draft_with_a_session_outside_the_event_is_refused_too(admin_client, index):
    data = event_form([("Hors date", "2030-03-19")])
    del data["action-publish"]
    response = add(admin_client, index, data)
    assert response.status_code == 200
    assert "le 20 mars 2030" in programme_in_form(response)[1]["blockErrors"]["0"]["blockErrors"]["day"]["messages"][0]
    assert not EventPage.objects.filter(title="Rencontre").exists()


def test_sessions_within_the_event_are_published(admin_client, index):
    response = add(
        admin_client,
        index,
        event_form([("Jour 1", "2030-03-20"), ("Jour 2", "2030-03-21"), ("Sans jour", "")], ends_at="2030-03-21 18:00"),
    )
    assert response.status_code == 302
    assert EventPage.objects.get(title="Rencontre").live


def days_shown(client, page):
    parsed = soup(client.get(page.get_url()).content)
    return [
        (s.select_one(".session__title").get_text(strip=True), s.select_one(".session__day"))
        for s in parsed.select(".session")
    ]


def test_a_multi_day_event_shows_each_sessions_day_in_both_languages(client, index, homes):
    first, second = (
        session_data("panel", "Ouverture", "10:00:00", "11:00:00"),
        session_data("panel", "Clôture", "16:00:00", "17:00:00"),
    )
    second["value"]["day"] = "2030-02-08"
    page = event_page(index, "Congrès", ends_at=at(2030, 2, 8, 18), programme=[first, second])
    french = {title: day.get_text(strip=True) for title, day in days_shown(client, page)}
    assert french == {"Ouverture": "jeudi 7 février", "Clôture": "vendredi 8 février"}

    translate(index, {"Événements": "Events", "evenements": "events"})
    english_page = translate(
        page, {"Congrès": "Congress", "congres": "congress", "Ouverture": "Opening", "Clôture": "Closing"}
    )
    with translation.override("en"):
        english = {title: day.get_text(strip=True) for title, day in days_shown(client, english_page)}
    assert english == {"Opening": "Thursday 7 February", "Closing": "Friday 8 February"}


def test_a_one_day_event_shows_no_day_on_its_sessions(client, index):
    page = event_page(index, "Atelier", programme=[session_data("panel", "Ouverture", "10:00:00", "11:00:00")])
    assert [day for _title, day in days_shown(client, page)] == [None]

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.localize import translate
from events.models import EventIndexPage, EventPage
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private

from .factories import at, event_index, event_page, organisation

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html)


@pytest.fixture
def index(home_fr):
    return event_index(home_fr)


def test_page_type_rules(home_fr, index):
    assert not EventIndexPage.can_create_at(home_fr)  # one per language, already there
    assert not EventIndexPage.can_create_at(index)
    assert EventPage.can_create_at(index)
    assert not EventPage.can_create_at(home_fr)


def test_upcoming_soonest_first_then_past_newest_first(client, index):
    event_page(index, "Passé ancien", starts_at=at(2019, 1, 1, 10))
    event_page(index, "Futur lointain", starts_at=at(2032, 1, 1, 10))
    event_page(index, "Passé récent", starts_at=at(2024, 1, 1, 10))
    event_page(index, "Futur proche", starts_at=at(2030, 1, 1, 10))
    html = client.get(index.url).text
    assert titles(html) == ["Futur proche", "Futur lointain", "Passé récent", "Passé ancien"]
    assert html.index("Événements à venir") < html.index("Futur proche") < html.index("Événements passés")
    assert html.index("Événements passés") < html.index("Passé récent")


@pytest.mark.parametrize("skipped_cheaply", [1000, 0], ids=["offset", "read-from-the-oldest-end"])
def test_pages_run_on_from_the_upcoming_events_into_the_past_ones(client, index, monkeypatch, skipped_cheaply):
    # With nothing skipped cheaply, every page past the middle of the archive is read from its oldest end.
    monkeypatch.setattr("events.schedule.SKIPPED_CHEAPLY", skipped_cheaply)
    for day in range(1, 6):
        event_page(index, f"À venir {day:02d}", slug=f"a-venir-{day}", starts_at=at(2031, 5, day, 9))
    for day in range(1, 21):
        event_page(index, f"Passé {day:02d}", slug=f"passe-{day}", starts_at=at(2021, 5, day, 9))
    pages = [titles(client.get(f"{index.url}?page={number}").text) for number in (1, 2, 3)]
    upcoming = [f"À venir {day:02d}" for day in range(1, 6)]
    past = [f"Passé {day:02d}" for day in range(20, 0, -1)]
    assert pages == [upcoming + past[:7], past[7:19], past[19:]]


def test_the_archive_read_from_its_oldest_end_counts_no_past_event(client, index, monkeypatch):
    """The kept count of the list, less the upcoming events, says where the past
    ones end: the last page read from there costs the queries of the same page
    read by skipping rows."""
    for day in range(1, 3):
        event_page(index, f"À venir {day:02d}", slug=f"a-venir-{day}", starts_at=at(2031, 5, day, 9))
    for day in range(1, 24):
        event_page(index, f"Passé {day:02d}", slug=f"passe-{day}", starts_at=at(2021, 5, day, 9))

    def last_page():
        client.get(f"{index.url}?page=3")
        with CaptureQueriesContext(connection) as context:
            html = client.get(f"{index.url}?page=3").text
        return len(context), titles(html)

    skipping = last_page()
    monkeypatch.setattr("events.schedule.SKIPPED_CHEAPLY", 0)
    assert last_page() == skipping == (skipping[0], ["Passé 01"])


def test_an_event_card_shows_its_day_in_one_element_and_says_the_date_in_its_text(client, index):
    """The date block is one element hidden from assistive technology (site.css draws its
    month and year from its attributes); the card's text gives the date in full."""
    event_page(index, "Atelier", starts_at=at(2030, 2, 5, 18), ends_at=at(2030, 2, 5, 20))
    card = soup(client.get(index.url)).select_one(".event-card")
    block = card.select_one(".date-block")
    assert (block["data-month"], block.text, block["data-year"]) == ("Fév", "5", "2030")
    assert block["aria-hidden"] == "true" and block.find() is None
    assert card.select_one("time").text.startswith("5 février 2030")


def test_drafts_private_and_other_language_events_are_not_listed(client, homes):
    home_fr, _ = homes
    index = event_index(home_fr)
    english_index = translate(index, {"Événements": "Events", "evenements": "events"})
    public = event_page(index, "Public")
    event_page(index, "Brouillon", publish=False)
    private = event_page(index, "Privé")
    make_private(private)
    translate(public, {"Public": "Public EN", "public": "public-en"})
    assert titles(client.get(index.url).text) == ["Public"]
    assert titles(client.get(english_index.url).text) == ["Public EN"]


def test_filters_by_topic_format_year_and_role(client, index):
    ai, rights = TopicFactory(name="IA", slug="ia"), TopicFactory(name="Droits", slug="droits")
    host = organisation(name="Autre organisateur")
    event_page(index, "Sommet IA", event_format="summit", starts_at=at(2030, 2, 1, 9), topics=[ai])
    event_page(index, "Atelier droits", event_format="workshop", starts_at=at(2031, 2, 1, 9), topics=[rights])
    event_page(
        index,
        "Table ronde ailleurs",
        event_format="round_table",
        starts_at=at(2030, 6, 1, 9),
        our_role="participant",
        organiser=host,
        topics=[ai],
    )
    html = client.get(index.url).text
    assert 'href="?theme=ia"' in html and 'href="?format=atelier"' in html
    assert 'href="?annee=2031"' in html and 'href="?role=intervenant"' in html
    assert 'href="?format=webinaire"' not in html  # only formats in use are offered

    assert titles(client.get(f"{index.url}?theme=ia").text) == ["Sommet IA", "Table ronde ailleurs"]
    assert titles(client.get(f"{index.url}?format=atelier").text) == ["Atelier droits"]
    assert titles(client.get(f"{index.url}?annee=2030").text) == ["Sommet IA", "Table ronde ailleurs"]
    assert titles(client.get(f"{index.url}?role=intervenant").text) == ["Table ronde ailleurs"]
    combined = client.get(f"{index.url}?theme=ia&role=organisateur").text
    assert titles(combined) == ["Sommet IA"]
    assert 'href="?theme=ia&amp;role=organisateur&amp;format=sommet"' in combined
    assert client.get(f"{index.url}?format=inconnu").status_code == 404
    assert client.get(f"{index.url}?annee=abc").status_code == 404


def test_pagination_and_bounded_queries(client, index):
    for day in range(1, 15):
        event_page(index, f"Événement {day:02d}", slug=f"evenement-{day}", starts_at=at(2030, 3, day, 9))
    first = client.get(index.url).text
    assert len(titles(first)) == 12 and titles(first)[0] == "Événement 01"
    assert 'href="?page=2"' in first
    second = client.get(f"{index.url}?page=2").text
    assert titles(second) == ["Événement 13", "Événement 14"]
    assert client.get(f"{index.url}?page=9").status_code == 200

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            client.get(url)
        return len(context)

    assert queries(f"{index.url}?page=2") == queries(index.url)


def test_home_page_shows_upcoming_events_of_its_language(client, homes):
    home_fr, _ = homes
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    coming = event_page(index, "Atelier à venir", starts_at=at(2030, 3, 1, 18))
    event_page(index, "Sommet passé", starts_at=at(2020, 3, 1, 18))
    event_page(index, "Brouillon à venir", starts_at=at(2030, 3, 2, 18), publish=False)
    html = client.get("/fr/").text
    assert "Prochains événements" in html
    assert f'href="{coming.url}"' in html and "Sommet passé" not in html and "Brouillon" not in html
    links = soup(html).find_all("a")
    assert index.url in [a["href"] for a in links if a.get_text(strip=True) == "Tous les événements"]
    assert "Atelier à venir" not in client.get("/en/").text

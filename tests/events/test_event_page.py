import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.localize import translate
from events.blocks import session_data
from events.models import EventPage, EventParticipation
from people.models import PeopleIndexPage
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private

from .factories import at, event_index, event_page, organisation, programme, translate_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_fr):
    return event_index(home_fr)


@pytest.fixture
def people_index(home_fr):
    page = PeopleIndexPage(title="Personnes", slug="personnes", locale=home_fr.locale)
    home_fr.add_child(instance=page)
    page.save_revision().publish()
    return page


def jsonld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_programme_shows_times_kinds_moderators_and_speakers_linked_to_their_pages(client, index, people_index):
    cormand = PersonFactory(name="David Cormand", slug="david-cormand", role="Député européen")
    breton = PersonFactory(name="Thierry Breton", slug="thierry-breton", role="Ancien commissaire")
    moderator = PersonFactory(name="Sophie Modératrice", slug="sophie", role="Consultante")
    page = event_page(
        index,
        "Réinventer l'IA",
        slug="reinventer",
        starts_at=at(2030, 2, 7, 10),
        ends_at=at(2030, 2, 7, 20, 30),
        venue_name="Digital Village",
        street_address="21 rue Albert Bayet",
        postcode="75013",
        city="Paris",
        programme=[
            session_data("introduction", "Ouverture", "10:00:00", speakers=[cormand]),
            session_data(
                "keynote",
                "La souveraineté numérique européenne",
                "10:10:00",
                "11:00:00",
                moderators=[moderator],
                speakers=[breton],
            ),
            session_data("plenary", "Quelle souveraineté ?", "18:30:00", "20:30:00", speakers=[cormand]),
        ],
    )
    response = client.get(page.url)
    html = response.text
    assert response.status_code == 200
    assert "7 février 2030, 10:00 – 20:30" in html
    assert "Digital Village" in html and "21 rue Albert Bayet, 75013 Paris, France" in html
    assert (
        '<time datetime="2030-02-07T10:10:00+01:00">10:10</time> – <time datetime="2030-02-07T11:00:00+01:00">11:00</time>'
        in html
    )
    assert "Grand témoin" in html and "Plénière" in html and "Introduction" in html
    assert "Modération :" in html
    assert 'href="/fr/personnes/sophie/">Sophie Modératrice</a>' in html
    # A speaker is shown with the role and the organisation of their record, in every session they speak in.
    assert html.count('href="/fr/personnes/david-cormand/">David Cormand</a>') == 2
    assert f"Député européen ({cormand.organisation.name})" in html
    anchors = re.findall(r'<li class="session[^"]*" id="(seance-[0-9a-f]{8})"', html)
    assert len(anchors) == 3 and len(set(anchors)) == 3
    assert f'href="#{anchors[1]}"' in html


def test_programme_participants_read_their_session_role_organisation_or_name_alone(client, index):
    # No people index in this language: names are not links.
    alone = PersonFactory(name="Anne Seule", role="", organisation=None)
    acronym = organisation(name="Commission nationale de l'informatique et des libertés", acronym="CNIL")
    expert = PersonFactory(name="Paul Expert", role="Juriste", organisation=acronym)
    panel = session_data("panel", "Table ronde", "14:00:00", moderators=[alone], speakers=[expert, alone])
    # The role given for this session replaces the one of the person's record.
    panel["value"]["speakers"][0]["value"]["role"] = "Rapporteur"
    page = event_page(index, "Atelier", programme=[panel])
    parsed = soup(client.get(page.url).content)

    moderators = parsed.select(".session__moderators .participant")
    speakers = parsed.select(".session__speakers > li.participant")
    assert [p.get_text() for p in moderators] == ["Anne Seule"]
    assert [p.get_text() for p in speakers] == ["Paul Expert, Rapporteur (CNIL)", "Anne Seule"]
    assert [p.get_text() for p in parsed.select(".programme .participant__role")] == [", Rapporteur (CNIL)"]
    assert parsed.select(".programme .participant a") == []


def test_session_entries_and_participations_follow_the_live_programme(index):
    speaker, moderator, other = PersonFactory(), PersonFactory(), PersonFactory()
    page = event_page(
        index,
        starts_at=at(2030, 2, 7, 10),
        programme=[session_data("panel", "Table ronde", "14:00:00", "15:30:00", "Un débat.", [moderator], [speaker])],
    )
    [entry] = page.session_entries()
    assert entry["title"] == "Table ronde"
    assert entry["kind"] == "panel"
    assert entry["anchor"].startswith("seance-")
    assert entry["starts_at"] == at(2030, 2, 7, 14) and entry["ends_at"] == at(2030, 2, 7, 15, 30)
    assert "Un débat." in entry["text"] and speaker.name in entry["text"]

    rows = list(speaker.event_participations.all())
    assert [(row.role, row.session_title, row.starts_at) for row in rows] == [
        ("speaker", "Table ronde", at(2030, 2, 7, 14))
    ]
    assert moderator.event_participations.get().role == "moderator"
    assert rows[0].session_anchor == entry["anchor"]

    # A new programme replaces the rows once published, not while in draft.
    page.programme = [session_data("panel", "Autre séquence", "16:00:00", speakers=[other])]
    revision = page.save_revision()
    assert not other.event_participations.exists()
    revision.publish()
    assert not speaker.event_participations.exists()
    assert other.event_participations.get().session_title == "Autre séquence"

    page.unpublish()
    assert not EventParticipation.objects.exists()
    page.save_revision().publish()
    assert EventParticipation.objects.count() == 1
    page.delete()
    assert not EventParticipation.objects.exists()


def test_participation_shows_the_other_organiser_and_our_speaker(client, index):
    host = organisation(name="Agence organisatrice", website="https://organisateur.example.org")
    ours = PersonFactory(name="Jean-François Lucas", is_staff_member=True)
    page = event_page(
        index,
        "Numérique en Commun[s] 2025",
        slug="nec",
        starts_at=at(2025, 10, 28),
        ends_at=at(2025, 10, 29),
        all_day=True,
        event_format="conference",
        our_role="participant",
        organiser=host,
        programme=[session_data("round_table", "Faut-il converger ?", speakers=[ours, PersonFactory()])],
    )
    html = client.get(page.url).text
    assert 'Organisé par <a href="https://organisateur.example.org">Agence organisatrice</a>' in html
    assert "Nous y participons" in html
    assert "du 28 octobre 2025 au 29 octobre 2025" in html
    # The session with our people is flagged even without the editor's tick.
    assert "session--ours" in html and "Avec notre équipe" in html
    assert "Jean-François Lucas" in html
    data = jsonld(html)
    assert data["startDate"] == "2025-10-28" and data["endDate"] == "2025-10-29"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Agence organisatrice",
        "url": "https://organisateur.example.org",
    }


def test_jsonld_event_is_built_from_the_page_fields(client, index):
    speaker = PersonFactory(name="Laurence Devillers", role="Professeure")
    page = event_page(
        index,
        "Sommet",
        starts_at=at(2030, 7, 1, 9, 30),
        ends_at=at(2030, 7, 1, 18),
        venue_name="Digital Village",
        city="Paris",
        postcode="75013",
        online_url="https://example.org/direct",
        programme=[session_data("plenary", "Plénière", "09:30:00", speakers=[speaker])],
    )
    data = jsonld(client.get(page.url).text)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-07-01T09:30:00+02:00"  # summer time in Paris
    assert data["endDate"] == "2030-07-01T18:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["address"]["addressLocality"] == "Paris"
    assert data["location"][1] == {"@type": "VirtualLocation", "url": "https://example.org/direct"}
    assert data["organizer"]["@type"] == "Organization"
    assert data["performer"] == [{"@type": "Person", "name": "Laurence Devillers", "jobTitle": "Professeure"}]
    assert data["url"] == f"http://testserver{page.url}"


def test_open_graph_and_calendar_links_in_the_head(client, index):
    page = event_page(index, "Sommet")
    html = client.get(page.url).text
    doc = soup(html)
    assert doc.select_one('meta[property="og:title"]')["content"] == "Sommet"
    calendar = doc.select_one('link[rel=alternate][type="text/calendar"]')
    assert calendar["title"] == "Événements (agenda)" and calendar["href"] == f"{index.url}calendrier/"
    assert f'href="{page.url}calendrier/"' in html and "Ajouter à mon agenda" in html


def test_all_day_events_cover_whole_days_and_dates_are_validated(index):
    page = EventPage(
        title="Deux jours",
        slug="deux-jours",
        summary="Résumé",
        event_format="conference",
        starts_at=at(2030, 10, 28, 15),
        ends_at=at(2030, 10, 29, 9),
        all_day=True,
    )
    page.clean()
    assert page.starts_at == at(2030, 10, 28, 0)
    assert page.ends_at.date() == at(2030, 10, 29).date() and page.local_end.hour == 23

    page.all_day = False
    page.ends_at = at(2030, 10, 27)
    page.our_role = "participant"
    page.registration_mode = "external"
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"ends_at", "organiser", "registration_url"}


def test_drafts_and_private_events_are_not_served(client, index):
    draft = event_page(index, "Brouillon", publish=False)
    assert client.get(f"{index.url}brouillon/").status_code == 404
    private = event_page(index, "Privé", summary="Sommet secret.")
    make_private(private)
    assert "Sommet" not in client.get(private.url).text
    ics = client.get(f"{private.url}calendrier/")
    assert "text/calendar" not in ics["Content-Type"]
    assert "BEGIN:VCALENDAR" not in ics.text
    assert not draft.live


def test_english_translation_translates_texts_and_maps_people(client, homes):
    home_fr, _home_en = homes
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    speaker = PersonFactory(name="Katia Roux", slug="katia-roux")
    moderator = PersonFactory(name="Modératrice", slug="moderatrice")
    translate_people([speaker, moderator])
    page = event_page(
        index,
        "Sommet",
        slug="sommet",
        starts_at=at(2030, 2, 7, 10),
        ends_at=at(2030, 2, 7, 18),
        capacity=40,
        venue_name="Village numérique",
        programme=[
            session_data(
                "panel", "IA et droits fondamentaux", "12:10:00", "13:00:00", "Un débat.", [moderator], [speaker]
            )
        ],
    )
    english = translate(
        page,
        {
            "Sommet": "Summit",
            "sommet": "summit",
            "Résumé de Sommet.": "Summary of the summit.",
            "IA et droits fondamentaux": "AI and fundamental rights",
            "Un débat.": "A debate.",
            "Village numérique": "Digital village",
        },
    )
    assert english.url == "/en/events/summit/"
    assert english.starts_at == page.starts_at and english.capacity == 40
    [english_session] = english.sessions
    assert english_session.title == "AI and fundamental rights"
    assert english_session.anchor == page.sessions[0].anchor
    assert english_session.speakers[0].person.locale.language_code == "en"
    assert english_session.speakers[0].person.translation_key == speaker.translation_key
    assert english_session.moderators[0].person.locale.language_code == "en"

    html = client.get(english.url).text
    assert soup(html).html["lang"] == "en"
    assert "AI and fundamental rights" in html and "Digital village" in html
    assert "Researcher" in html  # the English record of the speaker
    # The English page has its own participation rows, pointing to the English person.
    english_person = english_session.speakers[0].person
    assert english_person.event_participations.get().event_id == english.pk


def test_page_cost_does_not_grow_with_the_programme(client, index, people_index):
    topic = TopicFactory()
    small = event_page(
        index,
        "Petit",
        topics=[topic],
        programme=[session_data("panel", "Seule", "10:00:00", speakers=[PersonFactory()])],
    )
    # 8 sessions, 25 speakers in all (each session also has its moderator).
    big_programme = programme(8, 3)
    big_programme[0]["value"]["speakers"].append(big_programme[1]["value"]["speakers"][0])
    big = event_page(index, "Grand", topics=[topic], programme=big_programme)
    assert len(big.sessions) == 8
    assert sum(len(s.speakers) for s in big.sessions) == 25
    assert len(small.sessions) == 1 and len(small.people()) == 1

    def queries(page):
        client.get(page.url)  # warm the per-process caches (related items, site root paths)
        with CaptureQueriesContext(connection) as context:
            response = client.get(page.url)
        assert response.status_code == 200
        return len(context)

    assert queries(small) == queries(big)


def test_past_events_do_not_offer_to_add_them_to_a_calendar(client, index):
    past = event_page(index, "Sommet passé", starts_at=at(2020, 3, 1, 18))
    parsed = soup(client.get(past.url).content)
    assert parsed.select(f'a[href="{past.url}calendrier/"]') == []
    assert "Cet événement a eu lieu." in parsed.select_one("article header").get_text()

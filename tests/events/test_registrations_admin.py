"""The registrations officer's work in the admin, as the "Inscriptions" group:
filter one event, export its list (CSV, CSV for French Excel, XLSX) with Paris
times and readable values, and the dashboard panel of upcoming events."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from editorial.localize import translate
from events.models import Registration
from tests.kit.html import soup

from .factories import at, event_index, event_page

pytestmark = pytest.mark.django_db

# 13:05 UTC in January is 14:05 in Paris; 16:30 UTC in July is 18:30.
WINTER = datetime(2030, 1, 15, 13, 5, tzinfo=UTC)
SUMMER = datetime(2030, 7, 1, 16, 30, tzinfo=UTC)


def register(event, email, created_at, language="fr", **fields):
    return Registration.objects.create(
        event=event,
        event_key=event.translation_key,
        name=fields.pop("name", email.split("@")[0]),
        email=email,
        consent=True,
        language=language,
        created_at=created_at,
        **fields,
    )


@pytest.fixture
def events(homes):
    home_fr, _ = homes
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    workshop = event_page(
        index, "Atelier", slug="atelier", registration_mode="form", capacity=30, starts_at=at(2030, 9, 3, 18)
    )
    summit = event_page(index, "Sommet", slug="sommet", registration_mode="form", starts_at=at(2030, 10, 1, 9))
    english = translate(workshop, {"Atelier": "Workshop", "atelier": "workshop"})
    register(workshop, "ada@example.org", WINTER, name="Ada")
    register(english, "grace@example.org", SUMMER, language="en", name="Grace")
    register(summit, "linus@example.org", SUMMER, name="Linus")
    return workshop, summit


@pytest.fixture
def officer(client, registrations_manager):
    client.force_login(registrations_manager)
    return client


def listed_emails(response):
    parsed = soup(response.text)
    return sorted(cell.get_text(strip=True) for cell in parsed.select("table.listing tbody td") if "@" in cell.text)


def index_url(**params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("registrations:index") + (f"?{query}" if query else "")


def test_the_officer_filters_one_event_in_every_language(officer, events):
    workshop, summit = events
    response = officer.get(index_url())
    parsed = soup(response.text)
    choices = [option.get_text(strip=True) for option in parsed.select("select#id_event_key option")]
    assert choices == ["Tous", "Sommet (01/10/2030)", "Atelier (03/09/2030)"]
    assert listed_emails(officer.get(index_url(event_key=workshop.translation_key))) == [
        "ada@example.org",
        "grace@example.org",
    ]
    assert listed_emails(officer.get(index_url(event_key=summit.translation_key))) == ["linus@example.org"]


def test_the_officer_filters_by_registration_date_and_event_date(officer, events):
    by_registration = officer.get(index_url(created_at_from="2030-07-01", created_at_to="2030-07-02"))
    assert listed_emails(by_registration) == ["grace@example.org", "linus@example.org"]
    by_event = officer.get(index_url(event_date_from="2030-10-01", event_date_to="2030-10-01"))
    assert listed_emails(by_event) == ["linus@example.org"]


def test_csv_export_of_one_event_reads_paris_times_and_words(officer, events):
    workshop, _summit = events
    response = officer.get(index_url(event_key=workshop.translation_key, export="csv"))
    assert response["Content-Disposition"] == 'attachment; filename="inscriptions-atelier.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_email = {row["Adresse e-mail"]: row for row in rows}
    assert set(by_email) == {"ada@example.org", "grace@example.org"}
    assert by_email["ada@example.org"]["Inscrit le"] == "15/01/2030 14:05"
    assert by_email["grace@example.org"]["Inscrit le"] == "01/07/2030 18:30"
    assert by_email["ada@example.org"]["Date de l'événement"] == "03/09/2030 18:00"
    assert (by_email["ada@example.org"]["Langue"], by_email["grace@example.org"]["Langue"]) == ("Français", "English")
    assert {row["Consentement au traitement des données"] for row in rows} == {"Oui"}
    assert by_email["grace@example.org"]["Événement"] == "Workshop"


def test_csv_for_french_excel_has_a_bom_and_semicolons(officer, events):
    workshop, _summit = events
    html = officer.get(index_url(event_key=workshop.translation_key)).text
    links = {a.get_text(strip=True): a["href"] for a in soup(html).select("a[href*=export]")}
    excel = links["Télécharger CSV pour Excel"]
    assert f"event_key={workshop.translation_key}" in excel
    response = officer.get(excel)
    assert response["Content-Disposition"] == 'attachment; filename="inscriptions-atelier-excel.csv"'
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert sorted(row["Adresse e-mail"] for row in rows) == ["ada@example.org", "grace@example.org"]
    assert {row["Inscrit le"] for row in rows} == {"15/01/2030 14:05", "01/07/2030 18:30"}


def test_xlsx_export_keeps_working_with_paris_times(officer, events):
    workshop, _summit = events
    response = officer.get(index_url(event_key=workshop.translation_key, export="xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    rows = [dict(zip(header, row, strict=True)) for row in rows]
    ada = next(row for row in rows if row["Adresse e-mail"] == "ada@example.org")
    assert ada["Inscrit le"] == datetime(2030, 1, 15, 14, 5)
    assert ada["Langue"] == "Français" and ada["Consentement au traitement des données"] == "Oui"


def test_dashboard_lists_upcoming_events_with_seats_and_links(officer, events):
    workshop, _summit = events
    past = event_page(workshop.get_parent(), "Passé", registration_mode="form", starts_at=at(2020, 1, 1, 10))
    register(past, "old@example.org", WINTER)
    parsed = soup(officer.get(reverse("wagtailadmin_home")).text)
    rows = parsed.select("[data-upcoming-registrations] tbody tr")
    titles = [row.select_one(".title").get_text(strip=True) for row in rows]
    assert titles == ["Atelier", "Sommet"]
    seats = [row.select_one("[data-seats]").get_text(" ", strip=True) for row in rows]
    assert seats == ["2 / 30", "1 (sans limite)"]
    link = rows[0].select_one("a")["href"]
    assert listed_emails(officer.get(link)) == ["ada@example.org", "grace@example.org"]

"""Journey (3): the registrations officer, in Chromium, finds one event's list
from the dashboard, filters it, downloads its CSV (for French Excel) and XLSX,
and the files read Paris times and readable values."""

import csv
import io
import re
from datetime import UTC, datetime

from openpyxl import load_workbook
from playwright.sync_api import expect

from editorial.localize import translate
from events.models import Registration
from roles.setup import REGISTRATIONS
from tests.events.factories import at, event_index, event_page

from .admin import admin_login

# 13:05 UTC on 15 January is 14:05 in Paris (UTC+1); 16:30 UTC on 1 July is 18:30 (UTC+2).
WINTER = datetime(2030, 1, 15, 13, 5, tzinfo=UTC)
SUMMER = datetime(2030, 7, 1, 16, 30, tzinfo=UTC)


def registered(event, email, name, created_at, language="fr"):
    Registration.objects.create(
        event=event,
        event_key=event.translation_key,
        name=name,
        email=email,
        consent=True,
        language=language,
        created_at=created_at,
    )


def download(page, label):
    """Click a download link of the list's "Actions" menu and return the file."""
    # A download leaves the page as it was, menu open: start from a fresh one.
    page.reload()
    page.get_by_role("button", name="Actions", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("link", name=label, exact=True).click()
    return info.value.path().read_bytes(), info.value.suggested_filename


def test_registrations_officer_exports_one_event(page, roles, member):
    home_fr, _home_en = roles
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    workshop = event_page(
        index, "Atelier", slug="atelier", registration_mode="form", capacity=30, starts_at=at(2030, 9, 3, 18)
    )
    summit = event_page(
        index, "Sommet", slug="sommet", registration_mode="form", capacity=5, starts_at=at(2030, 10, 1, 9)
    )
    english = translate(workshop, {"Atelier": "Workshop", "atelier": "workshop"})
    registered(workshop, "ada@example.org", "Ada", WINTER)
    registered(english, "grace@example.org", "Grace", SUMMER, language="en")
    registered(summit, "linus@example.org", "Linus", SUMMER)
    member(REGISTRATIONS, "inscriptions")

    admin_login(page, "inscriptions")
    panel = page.locator("[data-upcoming-registrations]")
    expect(panel.locator("tbody tr")).to_have_count(2)
    row = panel.locator("tbody tr", has_text="Atelier")
    expect(row.locator("[data-seats]")).to_have_text("2 / 30")
    row.get_by_role("link", name="Voir la liste").click()

    expect(page).to_have_url(re.compile(r"/admin/registrations/\?event_key="))
    listing = page.locator("table.listing tbody")
    expect(listing).to_contain_text("ada@example.org")
    expect(listing).to_contain_text("grace@example.org")
    expect(listing).not_to_contain_text("linus@example.org")
    # From the whole list, the filters choose one event.
    page.goto("/admin/registrations/")
    expect(listing).to_contain_text("linus@example.org")
    page.get_by_role("button", name="Afficher les filtres").click()
    page.locator("[aria-controls=drilldown-id_event_key]").click()
    page.locator("select#id_event_key").select_option(label="Atelier (03/09/2030)")
    expect(page).to_have_url(re.compile(rf"event_key={workshop.translation_key}"))
    expect(listing).not_to_contain_text("linus@example.org")
    expect(listing).to_contain_text("grace@example.org")

    content, filename = download(page, "Télécharger CSV pour Excel")
    assert filename == "inscriptions-atelier-excel.csv"
    assert content.startswith(b"\xef\xbb\xbf")
    rows = {
        row["Adresse e-mail"]: row for row in csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    }
    assert set(rows) == {"ada@example.org", "grace@example.org"}
    assert rows["ada@example.org"]["Inscrit le"] == "15/01/2030 14:05"
    assert rows["grace@example.org"]["Inscrit le"] == "01/07/2030 18:30"
    assert rows["ada@example.org"]["Langue"] == "Français" and rows["grace@example.org"]["Langue"] == "English"
    assert {row["Consentement au traitement des données"] for row in rows.values()} == {"Oui"}

    content, filename = download(page, "Télécharger en XLSX")
    assert filename == "inscriptions-atelier.xlsx"
    header, *values = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    sheet = {row["Adresse e-mail"]: row for row in (dict(zip(header, value, strict=True)) for value in values)}
    assert set(sheet) == {"ada@example.org", "grace@example.org"}
    assert sheet["ada@example.org"]["Inscrit le"] == datetime(2030, 1, 15, 14, 5)
    assert sheet["grace@example.org"]["Inscrit le"] == datetime(2030, 7, 1, 18, 30)
    assert sheet["ada@example.org"]["Date de l'événement"] == datetime(2030, 9, 3, 18, 0)
    assert sheet["ada@example.org"]["Consentement au traitement des données"] == "Oui"
    assert sheet["grace@example.org"]["Langue"] == "English"

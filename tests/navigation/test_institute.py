"""The institute settings (Settings → Institut): names per language, address,
contact and social links, as the footer, citations and JSON-LD show them."""

import datetime
import json

import pytest

from editorial.localize import translate
from navigation.models import InstituteSettings
from tests.events.factories import event_index, event_page
from tests.kit.html import soup
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def institute(homes):
    settings = InstituteSettings.for_site(homes[0].get_site())
    settings.name = "Institut des essais"
    settings.english_name = "Institute of Trials"
    settings.address = "1, place du Test\n75001 Paris\n\nFrance"
    settings.email = "bonjour@example.org"
    settings.social_links = [("link", {"label": "Mastodon", "url": "https://mastodon.example/@essais"})]
    settings.save()
    return settings


def test_footer_shows_the_institute_in_the_reader_language(client, institute):
    for url, name, follow_url in (
        ("/fr/", "Institut des essais", "/fr/lettre/"),
        ("/en/", "Institute of Trials", "/en/newsletter/"),
    ):
        footer = soup(client.get(url)).select_one("footer")
        address = footer.select_one("address")
        assert " ".join(address.get_text().split()) == (
            f"{name}, 1, place du Test, 75001 Paris, France · bonjour@example.org"
        )
        assert address.select_one("a")["href"] == "mailto:bonjour@example.org"
        # The social links are on the follow page, which the footer links to.
        assert footer.select_one("a.site-footer__follow")["href"] == follow_url
        social = soup(client.get(follow_url)).select_one('main a[href="https://mastodon.example/@essais"]')
        assert social.get_text() == "Mastodon" and "me" in social["rel"]


def test_english_citations_and_json_ld_name_the_institute_in_english(client, homes, institute):
    page = report(report_index(homes[0]), "Le travail", date=datetime.date(2025, 10, 23))
    translate(page.get_parent(), {"Rapports": "Reports", "rapports": "reports"})
    english = translate(page, {"Le travail": "Work", "le-travail": "work"})
    html = soup(client.get(english.url))
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["publisher"]["name"] == "Institute of Trials"
    assert "institution = {Institute of Trials}" in client.get(f"{english.url}cite/bibtex/").content.decode()
    assert "PB  - Institute of Trials" in client.get(f"{english.url}cite/ris/").content.decode()
    assert "PB  - Institut des essais" in client.get(f"{page.url}citer/ris/").content.decode()


def test_an_empty_english_name_falls_back_to_the_french_one(institute):
    institute.english_name = ""
    assert institute.name_in("en") == "Institut des essais"


def test_the_header_the_titles_and_our_events_name_the_institute_as_set(client, homes, institute):
    event = event_page(event_index(homes[0]), "Sommet des essais", our_role="organiser")
    for url, name in (("/fr/", "Institut des essais"), ("/en/", "Institute of Trials")):
        home = soup(client.get(url))
        assert home.select_one("header .brand").get_text() == name
        assert home.title.string.startswith(f"{name} — ")
    html = soup(client.get(event.url))
    assert html.title.string == "Sommet des essais · Institut des essais"
    organisation = next(row for row in html.select("dl div") if row.dt.get_text() == "Organisation")
    assert organisation.dd.get_text(strip=True) == "Institut des essais"

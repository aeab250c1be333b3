"""hreflang alternates, the canonical link and the language switcher
(`navigation.templatetags.navigation_tags`), as a reader's browser reads them."""

import pytest

from editorial.localize import translate
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory

pytestmark = pytest.mark.django_db


def hreflangs(response):
    return {link["hreflang"]: link["href"] for link in soup(response).select("link[rel=alternate][hreflang]")}


def test_home_pages_render_in_both_languages_with_lang_and_alternates(client, homes):
    french = client.get("/fr/")
    english = client.get("/en/")
    assert french.status_code == english.status_code == 200
    assert soup(french).html["lang"] == "fr"
    assert soup(english).html["lang"] == "en"
    assert "Bienvenue." in french.text and "Welcome." in english.text
    assert hreflangs(french) == {
        "fr": "http://testserver/fr/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/fr/",
    }
    assert soup(english).select_one("link[rel=canonical]")["href"] == "http://testserver/en/"


def test_switcher_leads_to_the_translation_of_the_current_page(client, homes):
    home_fr, _ = homes
    page = StandardPageFactory(parent=home_fr, title="À propos", slug="a-propos")
    translate(page, {"À propos": "About us", "a-propos": "about"})
    switcher = soup(client.get("/en/about/")).select_one(".language-switcher a")
    assert switcher["href"] == "http://testserver/fr/a-propos/"
    assert switcher["hreflang"] == "fr"
    response = client.get(switcher["href"])
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "À propos"


def test_untranslated_page_has_no_english_alternate_and_says_so(client, homes):
    home_fr, _ = homes
    StandardPageFactory(parent=home_fr, title="Mentions légales", slug="mentions-legales")
    response = client.get("/fr/mentions-legales/")
    assert hreflangs(response) == {
        "fr": "http://testserver/fr/mentions-legales/",
        "x-default": "http://testserver/fr/mentions-legales/",
    }
    missing = soup(response).select_one(".language-switcher__missing")
    assert "Cette page n'existe pas en anglais." in " ".join(missing.text.split())
    assert missing.a["href"] == "/en/"


def test_english_only_page_and_english_404_say_so_in_english(client, homes):
    _, home_en = homes
    StandardPageFactory(parent=home_en, title="Visiting London", slug="visiting-london")
    for response in (client.get("/en/visiting-london/"), client.get("/en/no-such-page/")):
        missing = soup(response, status=None).select_one(".language-switcher__missing")
        assert " ".join(missing.text.split()) == "This page does not exist in French. Go to the home page in French"
        assert missing.a["href"] == "/fr/"


def test_draft_translation_is_not_announced(client, homes):
    home_fr, _ = homes
    page = StandardPageFactory(parent=home_fr, title="Équipe", slug="equipe")
    translate(page, {"Équipe": "Team", "equipe": "team"}, publish=False)
    response = client.get("/fr/equipe/")
    assert "en" not in hreflangs(response)
    assert client.get("/en/team/").status_code == 404


def test_switching_language_keeps_the_filters_in_the_other_languages_words(client, homes):
    from tests.events.factories import at, event_index, event_page
    from tests.kit.factories import TopicFactory

    home_fr, _ = homes
    topic = TopicFactory(name="Travail", slug="travail")
    translate(topic, {"Travail": "Work", "travail": "work"})
    index = event_index(home_fr)
    event = event_page(index, "Sommet", topics=[topic], starts_at=at(2030, 2, 7, 10), our_role="organiser")
    translate(index, {"Événements": "Events", "evenements": "events"})
    translate(event, {"Sommet": "Summit"})
    french = soup(client.get("/fr/evenements/?theme=travail&format=sommet&annee=2030&role=organisateur"))
    switcher = french.select_one(".language-switcher a")
    assert switcher["href"] == "http://testserver/en/events/?topic=work&format=summit&year=2030&role=organiser"
    # hreflang alternates name the unfiltered pages crawlers index.
    assert french.select_one('link[hreflang="en"]')["href"] == "http://testserver/en/events/"
    english = soup(client.get("/en/events/?topic=work&format=summit&year=2030&role=organiser"))
    back = english.select_one(".language-switcher a")["href"]
    assert back == "http://testserver/fr/evenements/?theme=travail&format=sommet&annee=2030&role=organisateur"
    assert [link.text for link in english.select('.filters a[aria-current="true"]')] == [
        "Work",
        "Summit",
        "2030",
        "We organise",
    ]

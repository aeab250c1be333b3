"""Editors own the home page's words and the order of its sections: written
in the admin in French, translated with wagtail-localize, in both languages
on the site; the footer's mission likewise, on the footer menu."""

import json

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.localize import translate
from home.models import HomePage
from navigation.models import Menu
from tests.fake_type.factories import note
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_reviewer(client, reviewer):
    """The test's client, logged in as a reviewer: the role that publishes
    (editors submit for review)."""
    client.force_login(reviewer)
    return reviewer


def home_form(**fields):
    data = nested_form_data(
        {
            "title": "Accueil",
            "slug": "accueil",
            "eyebrow": "",
            "tagline": "",
            "intro": rich_text("<p>Bienvenue.</p>"),
            "sections": streamfield([]),
            "seo_title": "",
            "search_description": "",
            **fields,
        }
    )
    data["action-publish"] = "1"
    return data


def page_of(client, url):
    return soup(client.get(url))


def test_the_editor_writes_the_words_and_orders_the_sections(client, as_reviewer, homes):
    home_fr, home_en = homes
    form = home_form(
        eyebrow="Un institut qui écoute",
        tagline="Des politiques numériques sobres",
        sections=streamfield([("section", "topics"), ("section", "reports")]),
    )
    response = client.post(f"/admin/pages/{home_fr.pk}/edit/", form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    french = page_of(client, "/fr/")
    assert french.select_one(".hero .eyebrow").get_text() == "Un institut qui écoute"
    assert french.select_one("h1").get_text() == "Des politiques numériques sobres"
    assert french.title.get_text().endswith("Des politiques numériques sobres")
    # The sections' order is the site's: the English page follows the French one once translated again.
    translate(
        HomePage.objects.get(pk=home_fr.pk),
        {
            "Un institut qui écoute": "An institute that listens",
            "Des politiques numériques sobres": "Frugal digital policies",
        },
    )
    english = page_of(client, "/en/")
    assert english.select_one(".hero .eyebrow").get_text() == "An institute that listens"
    assert english.select_one("h1").get_text() == "Frugal digital policies"
    home_en.refresh_from_db()
    assert [block.value for block in home_en.sections] == ["topics", "reports"]


def test_a_section_left_out_by_the_editor_is_not_shown(client, as_reviewer, homes):
    home_fr, _home_en = homes
    note(home_fr, "Carnet de Lisbonne", author=None)
    assert "Carnets" in [h2.get_text() for h2 in page_of(client, "/fr/").select("main h2")]
    response = client.post(
        f"/admin/pages/{home_fr.pk}/edit/", home_form(sections=streamfield([("section", "reports")]))
    )
    assert response.status_code == 302
    assert "Carnets" not in [h2.get_text() for h2 in page_of(client, "/fr/").select("main h2")]


def test_an_unknown_section_is_refused_with_a_message_and_keeps_the_words(client, as_reviewer, homes):
    home_fr, _home_en = homes
    form = home_form(tagline="Mes mots", sections=streamfield([("section", "nowhere")]))
    response = client.post(f"/admin/pages/{home_fr.pk}/edit/", form)
    assert response.status_code == 200
    assert response.context["form"]["tagline"].value() == "Mes mots"
    assert "sections" in response.context["form"].errors
    assert HomePage.objects.get(pk=home_fr.pk).tagline != "Mes mots"


def test_the_footer_mission_is_the_footer_menus_in_each_language(client, homes):
    footer = Menu.objects.create(locale=homes[0].locale, slot=Menu.Slot.FOOTER, mission="Penser le numérique.")
    translate(footer, {"Penser le numérique.": "Thinking digital."})
    assert page_of(client, "/fr/").select_one(".site-footer__mission").get_text() == "Penser le numérique."
    english = page_of(client, "/en/")
    assert english.select_one(".site-footer__mission").get_text() == "Thinking digital."
    # The institute's description in the home page's JSON-LD is the same sentence.
    graph = json.loads(english.select_one('script[type="application/ld+json"]').string)["@graph"]
    assert graph[0]["description"] == "Thinking digital."

"""Menus as readers meet them: each language's links, pages shown in the reader's
language, and nothing a reader may not open."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from editorial.localize import translate
from navigation.models import Menu, MenuItem
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory, make_private

pytestmark = pytest.mark.django_db


def links_in(response, landmark):
    """{text: href} of the links inside the page's `landmark` (header or footer)."""
    region = soup(response).select_one(landmark)
    return {link.get_text(strip=True): link["href"] for link in region.select("a[href]")}


def menu(locale, slot, *items, footer_text=""):
    created = Menu.objects.create(locale=locale, slot=slot, footer_text=footer_text)
    for order, (label, target) in enumerate(items):
        fields = {"link_page": target} if not isinstance(target, str) else {"link_url": target}
        MenuItem.objects.create(menu=created, locale=locale, label=label, sort_order=order, **fields)
    return created


@pytest.fixture
def about(homes):
    home_fr, _home_en = homes
    page = StandardPageFactory(parent=home_fr, title="À propos", slug="a-propos")
    translate(page, {"À propos": "About", "a-propos": "about", "Introduction": "Introduction"})
    return page


def test_main_menu_links_point_to_the_readers_language(client, homes, about):
    home_fr, home_en = homes
    french_menu = menu(home_fr.locale, Menu.Slot.MAIN, ("À propos", about))
    english_menu = translate(french_menu, {"À propos": "About"})

    assert english_menu.locale == home_en.locale
    assert links_in(client.get("/fr/"), "header")["À propos"] == "/fr/a-propos/"
    assert links_in(client.get("/en/"), "header")["About"] == "/en/about/"


def test_items_whose_page_is_a_draft_or_private_or_untranslated_are_left_out(client, homes):
    home_fr, _home_en = homes
    draft = StandardPageFactory(parent=home_fr, title="Brouillon", slug="brouillon", live=False)
    assert not draft.live
    private = StandardPageFactory(parent=home_fr, title="Réservé", slug="reserve")
    make_private(private, restriction_type=PageViewRestriction.LOGIN)
    untranslated = StandardPageFactory(parent=home_fr, title="Seulement en français", slug="seulement")
    french_menu = menu(
        home_fr.locale,
        Menu.Slot.MAIN,
        ("Brouillon", draft),
        ("Réservé", private),
        ("Seulement", untranslated),
        ("Ailleurs", "https://example.org/"),
    )
    translate(french_menu, {"Brouillon": "Draft", "Réservé": "Private", "Seulement": "Only", "Ailleurs": "Elsewhere"})

    french_links = links_in(client.get("/fr/"), "header")
    english_links = links_in(client.get("/en/"), "header")

    assert "Brouillon" not in french_links and "Réservé" not in french_links
    assert french_links["Seulement"] == "/fr/seulement/"
    assert "Only" not in english_links
    assert english_links["Elsewhere"] == "https://example.org/"


def test_footer_shows_its_links_and_text_in_the_readers_language(client, homes, about):
    home_fr, _home_en = homes
    french_footer = menu(home_fr.locale, Menu.Slot.FOOTER, ("À propos", about), footer_text="Paris, France")
    translate(french_footer, {"À propos": "About", "Paris, France": "Paris, France (EN)"})

    english = client.get("/en/")
    footer = soup(english.content).select_one("footer")

    assert links_in(english, "footer")["About"] == "/en/about/"
    assert "Paris, France (EN)" in footer.get_text()


def test_menu_costs_the_same_queries_with_one_or_ten_links(client, homes):
    home_fr, _home_en = homes
    pages = [StandardPageFactory(parent=home_fr, title=f"Rubrique {n}", slug=f"rubrique-{n}") for n in range(10)]
    main = menu(home_fr.locale, Menu.Slot.MAIN, ("Rubrique 0", pages[0]))

    def queries():
        # The menus are cached until an editor saves one: measure what computing them costs.
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/").status_code == 200
        return len(captured)

    client.get("/fr/")
    with_one = queries()
    for order, page in enumerate(pages[1:], start=1):
        MenuItem.objects.create(menu=main, locale=main.locale, label=page.title, link_page=page, sort_order=order)
    with_ten = queries()

    assert len(links_in(client.get("/fr/"), "header")) >= 10
    assert with_ten == with_one

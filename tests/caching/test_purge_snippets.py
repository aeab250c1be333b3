"""Menus, topics, people and settings: changing one shows on every page that
shows it, read by a reader before and after the editor saves it."""

import pytest

from navigation.models import Menu, MenuItem
from tests.caching.site import build, text_of, warm
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_fr):
    return build(home_fr)


def test_a_menu_change_shows_on_every_page_of_its_language(reader, editor_acts, home_fr, site):
    menu = Menu.objects.create(locale=home_fr.locale, slot=Menu.Slot.MAIN)
    MenuItem.objects.create(menu=menu, locale=home_fr.locale, label="Nos rapports", link_page=site["reports"])
    urls = ["/fr/", "/fr/rapports/", "/fr/rapports/le-rapport/", "/fr/themes/travail/", "/fr/personnes/ada-lovelace/"]
    warm(reader, urls)
    with editor_acts():
        item = menu.items.get()
        item.label = "Publications"
        item.save()
        menu.save()
    for url in urls:
        nav = soup(reader.read(url)).select_one("nav.site-nav")
        assert [link.get_text(strip=True) for link in nav.select("a")] == ["Publications"], url


def test_a_page_linked_from_a_menu_leaves_every_menu_when_unpublished(reader, editor_acts, home_fr, site):
    menu = Menu.objects.create(locale=home_fr.locale, slot=Menu.Slot.MAIN)
    MenuItem.objects.create(menu=menu, locale=home_fr.locale, label="Actualités", link_page=site["news"])
    warm(reader, ["/fr/rapports/le-rapport/"])
    with editor_acts():
        site["news"].unpublish()
    nav = soup(reader.read("/fr/rapports/le-rapport/")).select_one("nav.site-nav")
    assert nav.select("a") == []


def test_renaming_a_topic_shows_on_its_pages(reader, editor_acts, site):
    urls = ["/fr/rapports/le-rapport/", "/fr/themes/", "/fr/", "/fr/rapports/"]
    warm(reader, [*urls, "/fr/themes/travail/"])
    with editor_acts():
        topic = site["topic"]
        topic.name = "Emploi"
        topic.save()
    assert "Emploi" in soup(reader.read("/fr/themes/travail/")).h1.get_text()
    for url in urls:
        assert "Emploi" in text_of(reader, url), url


def test_renaming_a_person_shows_on_their_pages(reader, editor_acts, site):
    warm(reader, ["/fr/rapports/le-rapport/", "/fr/personnes/ada-lovelace/", "/fr/personnes/"])
    with editor_acts():
        author = site["author"]
        author.name = "Ada King"
        author.save()
    assert soup(reader.read("/fr/personnes/ada-lovelace/")).h1.get_text(strip=True) == "Ada King"
    for url in ["/fr/rapports/le-rapport/", "/fr/personnes/"]:
        assert "Ada King" in text_of(reader, url), url


def test_removing_a_topic_from_a_page_updates_the_topic_page(reader, editor_acts, site):
    warm(reader, ["/fr/themes/travail/"])
    page = site["report"]
    with editor_acts():
        page.page_topics = []
        page.save_revision().publish()
    assert "Le rapport" not in text_of(reader, "/fr/themes/travail/")

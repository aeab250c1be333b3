"""The site-wide data every page reads (menus, view restrictions, feeds, the
site and its locales) comes from Django's cache, and what an editor saves
shows on the reader's next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from navigation.models import Menu, MenuItem
from tests.kit.pages import StandardPageFactory

from .test_menus import links_in, menu

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(homes):
    home_fr, _home_en = homes
    about = StandardPageFactory(parent=home_fr, title="À propos", slug="a-propos")
    team = StandardPageFactory(parent=home_fr, title="Équipe", slug="equipe")
    return about, team


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_second_read_takes_the_chrome_from_the_cache(client, homes, pages):
    about, _team = pages
    menu(homes[0].locale, Menu.Slot.MAIN, ("À propos", about))
    first, _response = queries_of(client, "/fr/a-propos/")
    second, response = queries_of(client, "/fr/a-propos/")
    assert links_in(response, "header")["À propos"] == "/fr/a-propos/"
    # Site, locales, view restrictions, menus and feeds are read once.
    assert second <= first - 5


def test_menu_changes_show_on_the_next_read(client, homes, pages):
    about, team = pages
    main = menu(homes[0].locale, Menu.Slot.MAIN, ("À propos", about))
    assert "À propos" in links_in(client.get("/fr/"), "header")

    item = main.items.get()
    item.label = "Qui sommes-nous"
    item.save()
    assert set(links_in(client.get("/fr/"), "header")) >= {"Qui sommes-nous"}
    assert "À propos" not in links_in(client.get("/fr/"), "header")

    MenuItem.objects.create(menu=main, locale=main.locale, label="Équipe", link_page=team, sort_order=1)
    assert links_in(client.get("/fr/"), "header")["Équipe"] == "/fr/equipe/"

    main.items.filter(label="Équipe").delete()
    assert "Équipe" not in links_in(client.get("/fr/"), "header")

    footer = menu(homes[0].locale, Menu.Slot.FOOTER, footer_text="Licence CC BY")
    assert "Licence CC BY" in client.get("/fr/").content.decode()
    footer.delete()
    assert "Licence CC BY" not in client.get("/fr/").content.decode()


def test_unpublishing_or_restricting_a_page_drops_it_from_the_menu_at_once(client, homes, pages):
    about, team = pages
    menu(homes[0].locale, Menu.Slot.MAIN, ("À propos", about), ("Équipe", team))
    assert set(links_in(client.get("/fr/"), "header")) >= {"À propos", "Équipe"}

    team.unpublish()
    restriction = PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    links = links_in(client.get("/fr/"), "header")
    assert "Équipe" not in links and "À propos" not in links
    assert client.get("/fr/a-propos/").status_code == 302

    restriction.delete()
    assert "À propos" in links_in(client.get("/fr/"), "header")
    assert client.get("/fr/a-propos/").status_code == 200

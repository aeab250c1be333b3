"""The site-wide data (`serving.sitewide`) stays exact whether or not the cache
survives an editor's change (Redis restarted), every piece is an entry of the
registry (`serving.registry`) and docs/caching.md shows the registry as it is."""

import warnings
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import CacheKeyWarning

from navigation.models import Menu, MenuItem
from serving.registry import markdown_table
from serving.sitewide import sitewide
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory
from tests.navigation.test_menus import links_in, menu

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(homes):
    home_fr, _home_en = homes
    return StandardPageFactory(parent=home_fr, title="Le programme", slug="programme")


@pytest.mark.parametrize("cache_survives", [True, False])
def test_a_menu_change_reaches_readers_with_or_without_the_cache(client, homes, section, cache_survives):
    home_fr, _home_en = homes
    main = menu(home_fr.locale, Menu.Slot.MAIN, ("Programme", section))
    assert "Programme" in links_in(client.get("/fr/"), "header")

    item = MenuItem.objects.get(menu=main)
    item.label = "Le programme 2027"
    item.save()
    if not cache_survives:
        cache.clear()

    header = links_in(client.get("/fr/"), "header")
    assert "Le programme 2027" in header and "Programme" not in header


@pytest.mark.parametrize("cache_survives", [True, False])
def test_a_section_moved_to_a_new_address_is_routed_there(client, homes, section, cache_survives):
    assert client.get("/fr/programme/").status_code == 200

    section.slug = "programme-2027"
    section.save_revision().publish()
    if not cache_survives:
        cache.clear()

    assert client.get("/fr/programme/").status_code == 404
    response = client.get("/fr/programme-2027/")
    assert response.status_code == 200
    assert soup(response.content).h1.get_text(strip=True) == "Le programme"


def test_a_name_outside_the_registry_or_with_other_key_parts_is_refused():
    with pytest.raises(KeyError):
        sitewide("unlisted", lambda: 1)
    with pytest.raises(TypeError):
        sitewide("menus", lambda: 1, "fr", "one part too many")


def test_what_a_reader_types_in_a_url_keeps_every_key_within_memcacheds_limits(client, homes, section):
    # Django warns of a key memcached would refuse (over 250 characters, spaces, control characters).
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        assert client.get(f"/fr/{'é' * 200} x/").status_code == 404
        assert client.get(f"/fr/programme/{'long-slug-' * 30}/").status_code == 404
        assert client.get("/fr/programme/").status_code == 200


def test_the_documentation_shows_the_registry_as_it_is():
    assert markdown_table() in (Path(settings.BASE_DIR) / "docs" / "caching.md").read_text()

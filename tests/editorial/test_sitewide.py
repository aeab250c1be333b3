"""The site-wide data (`editorial.sitewide`) stays exact when the cache is
emptied (Redis restarted): it is read back from its snapshot in the database,
and an editor's change reaches readers whether or not the cache survived."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.models import SitewideSnapshot
from navigation.models import Menu, MenuItem
from tests.factories import StandardPageFactory
from tests.navigation.test_menus import links_in, menu

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(homes):
    home_fr, _home_en = homes
    return StandardPageFactory(parent=home_fr, title="Le programme", slug="programme")


def test_an_empty_cache_reads_the_site_wide_data_back_in_one_query(client, homes, section):
    home_fr, _home_en = homes
    menu(home_fr.locale, Menu.Slot.MAIN, ("Programme", section))
    assert links_in(client.get("/fr/programme/"), "header")["Programme"] == "/fr/programme/"

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/programme/")

    assert links_in(response, "header")["Programme"] == "/fr/programme/"
    snapshot_reads = [query for query in queries if "editorial_sitewidesnapshot" in query["sql"]]
    assert len(snapshot_reads) == 1
    assert not any(query["sql"].lstrip().startswith("INSERT") for query in queries)


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
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == "Le programme"


def test_host_names_from_requests_are_not_written_to_the_snapshot(client, homes, settings):
    settings.ALLOWED_HOSTS = [".example.org", "testserver"]
    for number in range(3):
        assert client.get("/fr/", HTTP_HOST=f"visitor-{number}.example.org").status_code == 200

    names = set(SitewideSnapshot.objects.values_list("name", flat=True))
    assert names and not any(name.startswith("site:") for name in names)


def test_a_page_read_again_asks_the_cache_for_its_site_wide_data_in_one_round_trip(client, homes, section, monkeypatch):
    home_fr, _home_en = homes
    menu(home_fr.locale, Menu.Slot.MAIN, ("Programme", section))
    for _ in range(3):  # the pieces both of the last two requests read are the ones asked for together
        client.get("/fr/programme/")

    reads = []
    # Local memory answers `get_many` with one `get` per key: those are not round trips.
    inside_get_many = []
    original_get, original_get_many = cache.get, cache.get_many

    def get(key, *args, **kwargs):
        if key.startswith("editorial:sitewide:") and not inside_get_many:
            reads.append(("get", 1))
        return original_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        keys = list(keys)
        if any(key.startswith("editorial:sitewide:") for key in keys):
            reads.append(("get_many", len(keys)))
        inside_get_many.append(True)
        try:
            return original_get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)

    response = client.get("/fr/programme/")

    assert links_in(response, "header")["Programme"] == "/fr/programme/"
    single = [read for read in reads if read[0] == "get"]
    batched = [read for read in reads if read[0] == "get_many"]
    assert single == [("get", 1)], "only the generation is read on its own"
    assert len(batched) == 1 and batched[0][1] >= 5, "locales, site, menus, footer... in one round trip"

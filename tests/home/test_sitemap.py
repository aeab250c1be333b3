import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from editorial.localize import translate
from news.models import NewsIndexPage
from people.models import PeopleIndexPage
from tests.events.factories import event_index
from tests.kit.factories import PersonFactory
from tests.kit.pages import StandardPageFactory, make_private
from tests.news.factories import add_child

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_live_public_pages_of_both_languages_only(client, homes):
    home_fr, _ = homes
    about = StandardPageFactory(parent=home_fr, title="À propos", slug="a-propos")
    translate(about, {"À propos": "About", "a-propos": "about"})
    draft = StandardPageFactory(parent=home_fr, title="Brouillon", slug="brouillon", live=False)
    private = StandardPageFactory(parent=home_fr, title="Interne", slug="interne")
    make_private(private, restriction_type=PageViewRestriction.LOGIN)
    draft_translation = StandardPageFactory(parent=home_fr, title="Équipe", slug="equipe")
    translate(draft_translation, {"Équipe": "Team", "equipe": "team"}, publish=False)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    locs = {
        loc.text for loc in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    expected = {f"http://testserver{url}" for url in ("/fr/", "/en/", "/fr/a-propos/", "/en/about/", "/fr/equipe/")}
    assert expected <= locs, expected - locs
    assert draft.slug not in body
    assert "/interne/" not in body
    assert "/en/team/" not in body


def test_sitemap_gives_the_host_the_site_is_served_at_and_a_lastmod_everywhere(client, homes):
    home_fr, _ = homes
    # The Site record still says what the demo wrote; readers come through another host.
    Site.objects.update(hostname="localhost", port=80)
    person = PersonFactory(name="Ada Lovelace", slug="ada-lovelace")
    people = PeopleIndexPage(title="Personnes", slug="personnes", locale=home_fr.locale)
    home_fr.add_child(instance=people)
    people.save_revision().publish()

    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000")
    entries = list(ET.fromstring(response.content).iter(f"{SITEMAP}url"))
    locs = [entry.find(f"{SITEMAP}loc").text for entry in entries]
    assert "http://127.0.0.1:8000/fr/personnes/ada-lovelace/" in locs
    assert all(loc.startswith("http://127.0.0.1:8000/") for loc in locs), locs
    assert all(entry.find(f"{SITEMAP}lastmod") is not None for entry in entries)
    assert person.slug in response.content.decode()


def sitemap_queries(client):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return len(queries), len(list(ET.fromstring(response.content).iter(f"{SITEMAP}url")))


def test_sitemap_costs_the_same_few_queries_as_content_grows(client, homes):
    home_fr, home_en = homes
    people = PeopleIndexPage(title="Personnes", slug="personnes", locale=home_fr.locale)
    home_fr.add_child(instance=people)
    people.save_revision().publish()
    add_child(home_fr, NewsIndexPage(title="Actualités", slug="actualites"))
    PersonFactory()
    small = sitemap_queries(client)
    for number in range(3):
        StandardPageFactory(parent=home_fr, title=f"Page {number}", slug=f"page-{number}")
        StandardPageFactory(parent=home_en, title=f"Page {number}", slug=f"page-{number}")
        PersonFactory()
    event_index(home_fr)
    large = sitemap_queries(client)
    assert large[1] == small[1] + 10
    assert large[0] == small[0] <= 14


def urls_and_index(client, path):
    """(the <loc> of a sitemap's URLs, the <loc> of an index's sitemaps) at `path`."""
    response = client.get(path)
    assert response.status_code == 200, path
    tree = ET.fromstring(response.content)
    return [loc.text for loc in tree.iter(f"{SITEMAP}loc") if tree.tag == f"{SITEMAP}urlset"], [
        loc.text for loc in tree.iter(f"{SITEMAP}loc") if tree.tag == f"{SITEMAP}sitemapindex"
    ]


def test_past_its_limit_the_sitemap_is_an_index_of_sitemap_pages_robots_txt_names(client, homes, settings):
    home_fr, _ = homes
    for number in range(4):
        page = StandardPageFactory(parent=home_fr, title=f"Page {number}", slug=f"page-{number}")
        translate(page, {f"Page {number}": f"Page {number} en", f"page-{number}": f"page-{number}-en"})
    StandardPageFactory(parent=home_fr, title="Brouillon", slug="brouillon", live=False)
    private = StandardPageFactory(parent=home_fr, title="Interne", slug="interne")
    make_private(private, restriction_type=PageViewRestriction.LOGIN)
    untranslated = StandardPageFactory(parent=home_fr, title="Équipe", slug="equipe")
    translate(untranslated, {"Équipe": "Team", "equipe": "team"}, publish=False)
    everything, index = urls_and_index(client, "/sitemap.xml")
    assert index == [] and len(everything) == 11

    settings.SITEMAP_URL_LIMIT = 4
    cache.clear()
    urls, index = urls_and_index(client, "/sitemap.xml")
    assert urls == []
    assert index == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    pages = [urls_and_index(client, sitemap.removeprefix("http://testserver"))[0] for sitemap in index]
    assert [len(urls) for urls in pages] == [4, 4, 3]
    assert sorted(url for urls in pages for url in urls) == sorted(everything)
    listed = " ".join(everything)
    assert "/fr/page-3/" in listed and "/en/page-3-en/" in listed and "/fr/equipe/" in listed
    assert "brouillon" not in listed and "interne" not in listed and "/en/team/" not in listed
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404
    assert "Sitemap: http://testserver/sitemap.xml\n" in client.get("/robots.txt").content.decode()


def test_the_sitemap_index_costs_the_same_few_queries_as_content_grows(client, homes, settings):
    home_fr, home_en = homes
    settings.SITEMAP_URL_LIMIT = 2
    for number in range(3):
        StandardPageFactory(parent=home_fr, title=f"Page {number}", slug=f"page-{number}")

    def index_queries():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            _urls, index = urls_and_index(client, "/sitemap.xml")
        return len(queries), len(index)

    small = index_queries()
    for number in range(3, 9):
        StandardPageFactory(parent=home_en, title=f"Page {number}", slug=f"page-{number}")
        PersonFactory()
    large = index_queries()
    assert large[1] == small[1] + 3
    assert large[0] == small[0] <= 14

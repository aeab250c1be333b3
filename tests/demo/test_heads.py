"""What search engines, social networks and feed readers read in the page heads
of the demo: every page of the sitemap, in both languages."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from events.choices import OurRole
from events.models import EventPage
from tests.kit.html import soup

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def meta(html, key):
    tag = html.select_one(f'meta[property="{key}"]') or html.select_one(f'meta[name="{key}"]')
    return tag["content"] if tag else None


def json_ld(html):
    return [json.loads(script.string) for script in html.select('script[type="application/ld+json"]')]


def types_of(data):
    items = data.get("@graph", [data])
    return {item["@type"] for item in items}


@pytest.fixture
def sitemap(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return list(ET.fromstring(response.content).iter(f"{SITEMAP}url"))


def test_every_page_of_the_sitemap_has_lastmod_description_and_open_graph(client, sitemap):
    assert len(sitemap) > 30
    for entry in sitemap:
        assert entry.find(f"{SITEMAP}loc").text.startswith("http://testserver/")
        assert entry.find(f"{SITEMAP}lastmod") is not None, entry.find(f"{SITEMAP}loc").text
    paths = [urlsplit(entry.find(f"{SITEMAP}loc").text).path for entry in sitemap]
    paths += ["/fr/recherche/?q=ia", "/en/search/?q=ai"]
    for path in paths:
        html = soup(client.get(path))
        language = path.split("/")[1]
        assert meta(html, "description"), path
        assert meta(html, "og:title") and meta(html, "og:description") and meta(html, "og:type"), path
        assert meta(html, "og:locale") == {"fr": "fr_FR", "en": "en_GB"}[language], path
        canonical = html.select_one('link[rel="canonical"]')["href"]
        assert meta(html, "og:url") == canonical and canonical.startswith("http://testserver/"), path
        if html.select('link[rel="alternate"][hreflang="en"]') and html.select('link[rel="alternate"][hreflang="fr"]'):
            assert meta(html, "og:locale:alternate") in ("fr_FR", "en_GB"), path
        image = meta(html, "og:image")
        assert image is None or image.startswith("http://testserver/"), path
        for data in json_ld(html):
            assert "http://localhost" not in json.dumps(data), path
    assert meta(soup(client.get("/fr/recherche/?q=ia")), "robots") == "noindex, follow"


def check_home_page(client):
    for language, search in (("fr", "/fr/recherche/"), ("en", "/en/search/")):
        html = soup(client.get(f"/{language}/"))
        assert (
            html.title.text.count("Institut du numérique responsable")
            + html.title.text.count("Institute for Responsible Digital Policy")
            == 1
        )
        (data,) = json_ld(html)
        assert types_of(data) == {"Organization", "WebSite"}
        website = next(item for item in data["@graph"] if item["@type"] == "WebSite")
        target = website["potentialAction"]["target"]["urlTemplate"]
        assert target == f"http://testserver{search}?q={{search_term_string}}"
        assert client.get(target.replace("{search_term_string}", "ia")).status_code == 200
        feeds = html.select('link[rel="alternate"][type="application/rss+xml"]')
        assert feeds and all(client.get(link["href"]).status_code == 200 for link in feeds)


def check_people_initiatives_and_events(client):
    person = soup(client.get("/fr/personnes/jean-francois-lucas/"))
    (data,) = json_ld(person)
    assert data["@type"] == "Person" and data["name"] == "Jean-François Lucas"
    assert meta(person, "og:type") == "profile"

    initiatives = soup(client.get("/en/initiatives/"))
    initiative_url = initiatives.select_one("main .card a")["href"]
    initiative = soup(client.get(initiative_url))
    (data,) = json_ld(initiative)
    assert data["@type"] == "CreativeWork" and data["publisher"]["@type"] == "Organization"
    assert initiative.select('link[rel="alternate"][type="application/rss+xml"]')

    for event in EventPage.objects.live().filter(our_role=OurRole.PARTICIPANT):
        (data,) = json_ld(soup(client.get(event.url)))
        assert data["location"]["address"]["addressLocality"], event.url


def check_filters(client):
    """Filter combinations are not for crawlers, and empty ones are not linked."""
    index = soup(client.get("/fr/evenements/"))
    assert meta(index, "robots") is None
    facets = index.select("nav.filters .filters__group a")
    assert facets and all(link.get("rel") == ["nofollow"] for link in facets)
    for link in [link for link in facets if "?" in link["href"]][:6]:
        filtered = soup(client.get(urljoin("/fr/evenements/", link["href"])))
        assert meta(filtered, "robots") == "noindex, follow"
        # Every combination still linked lists something.
        for combination in filtered.select("nav.filters .filters__group a:not([aria-current])"):
            result = soup(client.get(urljoin("/fr/evenements/", combination["href"])))
            assert result.select("main .card"), combination["href"]


def test_structured_data_feeds_and_filters(client, demo):
    """One demo load for the three (loading it takes a while)."""
    check_home_page(client)
    check_people_initiatives_and_events(client)
    check_filters(client)

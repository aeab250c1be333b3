"""What every public page shares: the header's search box, the footer, icons,
error pages, robots.txt and the web app manifest."""

import json

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from navigation.models import InstituteSettings
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


def test_header_search_box_is_a_get_form_to_the_language_search_page(client, homes):
    for language, action in (("fr", "/fr/recherche/"), ("en", "/en/search/")):
        html = soup(client.get(f"/{language}/"))
        form = html.select_one("header form[role=search]")
        assert form["action"] == action and form["method"] == "get"
        assert form.select_one("input[type=search][name=q]")
        assert form["data-suggest-url"].endswith(f"?locale={language}")
        assert [script["src"] for script in html.select("script[src]")] == ["/static/js/site.js"]
        assert [link["href"] for link in html.select("link[rel=stylesheet]")] == ["/static/css/site.css"]
        # The search page's own box is its only one (no second box in the header).
        search_page = soup(client.get(action))
        assert not search_page.select("header form[role=search]") and len(search_page.select("form[role=search]")) == 1
        assert [link["href"] for link in search_page.select("link[rel=stylesheet]")] == ["/static/css/site.css"]


def test_home_has_one_title_and_an_h1_that_is_not_the_brand(client, homes):
    html = soup(client.get("/en/"))
    title = html.title.get_text()
    assert title.count("Institute for Responsible Digital Policy") == 1
    assert [h1.get_text(strip=True) for h1 in html.select("h1")] == [
        "For digital technology that serves people and the planet"
    ]


def test_icons_theme_colour_and_manifest(client, homes):
    html = soup(client.get("/fr/"))
    # The head names the SVG only; the others are where browsers look for them unnamed.
    assert [link["type"] for link in html.select("link[rel=icon]")] == ["image/svg+xml"]
    assert not html.select("link[rel=apple-touch-icon]")
    for url, kind, magic in (
        ("/favicon.ico", "image/", b"\x00\x00\x01\x00"),
        ("/apple-touch-icon.png", "image/png", b"\x89PNG"),
    ):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith(kind), url
        assert b"".join(response.streaming_content).startswith(magic), url
        assert response["Cache-Control"] == "public, max-age=86400", url
    assert html.select_one("meta[name=theme-color]")["content"]
    manifest_url = html.select_one("link[rel=manifest]")["href"]
    manifest = json.loads(client.get(manifest_url).content)
    assert manifest["lang"] == "fr" and manifest["start_url"] == "/fr/"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    english = json.loads(client.get("/manifest.webmanifest?lang=en").content)
    assert english["name"] == "Institute for Responsible Digital Policy"
    assert json.loads(client.get("/manifest.webmanifest?lang=xx").content)["lang"] == "fr"
    assert client.get(manifest_url)["Cache-Control"] == "public, max-age=86400"


def test_robots_txt_points_to_the_sitemap(client, homes):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()
    assert "Disallow: /admin/" in response.text
    assert response["Cache-Control"] == "public, max-age=86400"


def test_robots_txt_and_the_manifest_are_one_copy_for_every_reader(client, homes):
    """No `Vary: Accept-Language, Cookie`: a shared cache keeps one copy, whoever asked."""
    client.get("/en/")  # a reader with a session and language cookie of their own
    for url in ("/robots.txt", "/manifest.webmanifest?lang=en", "/favicon.ico", "/apple-touch-icon.png"):
        for headers in ({"HTTP_ACCEPT_LANGUAGE": "en", "HTTP_ACCEPT_ENCODING": "gzip"}, {}):
            response = client.get(url, **headers)
            vary = {name.strip().lower() for name in response.get("Vary", "").split(",")}
            assert response.status_code == 200 and not vary & {"accept-language", "cookie"}, (url, vary)
    assert "Accept-Encoding" in client.get("/manifest.webmanifest?lang=en", HTTP_ACCEPT_ENCODING="gzip")["Vary"]
    # Pages still vary by reader: only these two files are marked.
    assert "Cookie" in client.get("/en/")["Vary"]


def test_footer_lists_legal_pages_and_feeds(client, homes):
    institute = InstituteSettings.for_site(homes[0].get_site())
    institute.email = "contact@example.org"
    institute.save()
    footer = soup(client.get("/fr/")).select_one("footer")
    assert footer.select_one("address a[href^=mailto]")["href"] == "mailto:contact@example.org"


def test_404_speaks_the_language_of_the_address_without_canonical(client, homes):
    for path, title in (("/en/nothing-here/", "Page not found"), ("/fr/rien-ici/", "Page introuvable")):
        response = client.get(path)
        html = soup(response, status=404)
        assert html.select_one("h1").get_text(strip=True) == title
        assert html.select("link[rel=canonical]") == []
        assert html.select_one("main form[role=search] input[name=q]")
        assert html.select_one(f'main a[href="{path[:4]}"]')


def test_500_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/en/boom/")
    with translation.override("en"), django_assert_num_queries(0):
        response = server_error(request)
    html = soup(response, status=500)
    assert html.html["lang"] == "en"
    assert html.select_one("h1").get_text(strip=True) == "The site has run into a problem"
    assert html.select_one("form[role=search]")["action"] == "/en/search/"

"""Language prefixes, the `/` redirect and interface strings per language."""

import pytest

from editorial.localize import translate
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("headers", "cookie", "expected"),
    [
        ({}, None, "/fr/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}, None, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9"}, None, "/fr/"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"}, "en", "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en"}, "fr", "/fr/"),
    ],
)
def test_root_redirects_to_reader_language(client, homes, headers, cookie, expected):
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_translated_page_is_served_at_its_english_url_with_english_text(client, homes):
    home_fr, _ = homes
    page = StandardPageFactory(parent=home_fr, title="À propos", slug="a-propos", intro="Qui nous sommes.")
    english = translate(page, {"À propos": "About us", "a-propos": "about", "Qui nous sommes.": "Who we are."})
    assert english.translation_key == page.translation_key
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "About us"
    assert "Who we are." in response.text
    assert "Qui nous sommes" not in response.text


def test_interface_strings_are_translated(client, homes):
    assert "Aller au contenu" in client.get("/fr/").text
    english = client.get("/en/").text
    assert "Skip to content" in english
    assert "Aller au contenu" not in english

"""NUL bytes and other control characters never reach the database: every
query parameter and form field is checked by one middleware (PostgreSQL
refuses NUL in text, which used to give a 500)."""

import pytest
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from events.models import Registration
from initiatives.models import InitiativeIndexPage
from tests.events.factories import at, event_index, event_page
from tests.initiatives.factories import initiative
from tests.kit.html import soup
from tests.news.factories import add_child

pytestmark = pytest.mark.django_db

MESSAGE = "Votre saisie contient des caractères de contrôle invisibles"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def assert_refused(response, message=MESSAGE):
    assert response.status_code == 400
    assert message in soup(response.content).select_one("p.error").text


@pytest.mark.parametrize("query", ["donn\x00ees", "a\x1bb", "\x7f"])
def test_search_with_control_characters_is_refused(client, homes, query):
    assert_refused(client.get("/fr/recherche/", {"q": query}))
    assert_refused(client.get("/api/search/", {"q": query, "locale": "fr"}))


def test_message_in_the_reader_language(client, homes):
    assert_refused(client.get("/en/search/", {"q": "x\x00"}), "Your input contains invisible control characters")


def test_search_with_ordinary_text_still_works(client, homes):
    assert client.get("/fr/recherche/", {"q": "données\tpubliques"}).status_code == 200


def test_registration_with_nul_is_refused_and_nothing_saved(client, home_fr):
    page = event_page(
        event_index(home_fr),
        "Atelier",
        slug="atelier",
        starts_at=at(2030, 3, 1, 18),
        ends_at=at(2030, 3, 1, 20),
        registration_mode="form",
        capacity=10,
    )
    data = {"name": "Ada\x00", "email": "ada@example.org", "organisation": "", "consent": "on"}
    assert_refused(client.post(f"{page.url}inscription/", data))
    assert not Registration.objects.exists()
    # Line breaks are ordinary input, not control characters to refuse.
    data["name"] = "Ada"
    data["organisation"] = "Institut\r\nParis"
    assert client.post(f"{page.url}inscription/", data).status_code == 302


def test_initiative_form_with_nul_is_refused_and_nothing_saved(client, home_fr):
    page = initiative(add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives")))
    data = {"name": "Alex", "email": "alex@example.org", "organisation": "", "message": "Bonjour\x00", "consent": "on"}
    assert_refused(client.post(page.url, data))
    assert not FormSubmission.objects.exists()


def test_admin_login_with_nul_is_refused(client, db):
    assert_refused(client.post("/admin/login/", {"username": "admin\x00", "password": "x"}))
    assert_refused(client.get("/admin/login/", {"next": "/admin/\x00"}))


def test_field_names_and_paths_are_checked_too(client, homes):
    assert_refused(client.get("/fr/recherche/", {"q\x00": "x"}))
    assert_refused(client.get("/fr/accueil%00/"))


def test_refusal_page_is_styled_says_what_to_fix_and_links_back(client, home_fr, django_assert_num_queries):
    page = event_page(event_index(home_fr), "Atelier", slug="atelier", registration_mode="form", capacity=10)
    data = {"name": "Ada\x00", "email": "ada@example.org", "organisation": "Pix\x1b", "consent": "on"}
    form_url = f"{page.url}inscription/"
    with django_assert_num_queries(0):
        response = client.post(form_url, data)
    assert_refused(response)
    parsed = soup(response.content)
    assert parsed.html["lang"] == "fr"
    assert any("css/site.css" in link["href"] for link in parsed.select("link[rel=stylesheet]"))
    assert parsed.select_one(".site-header .brand") is not None
    assert [code.get_text() for code in parsed.select("[data-fields] code")] == ["name", "organisation"]
    assert "rien n'a été enregistré" in parsed.select_one("main").get_text()
    back = parsed.select_one("a[data-back]")
    assert back["href"] == form_url and back.get_text(strip=True) == "Revenir au formulaire"
    # The form's address sends the reader back to the event's form.
    assert client.get(back["href"]).status_code == 302


def test_refused_search_names_the_parameter_in_english(client, homes):
    parsed = soup(client.get("/en/search/", {"q": "x\x00", "page": "1"}).content)
    assert parsed.html["lang"] == "en" and parsed.h1.get_text(strip=True) == "Request refused"
    assert [code.get_text() for code in parsed.select("[data-fields] code")] == ["q"]
    assert parsed.select_one("a[data-back]") is None and parsed.select_one("a[data-home]")["href"] == "/en/"


LATIN_1_FORM = "application/x-www-form-urlencoded; charset=latin-1"


def test_forms_sent_in_latin_1_are_refused_with_the_site_page(client, homes):
    """Django refuses to read a form that is not UTF-8; the error handlers
    read it again: a 500 with an empty body on gunicorn."""
    client.raise_request_exception = False
    event = event_page(event_index(homes[0]), "Atelier", slug="atelier", registration_mode="form", capacity=10)
    reply = initiative(add_child(homes[0], InitiativeIndexPage(title="Initiatives", slug="initiatives")))
    body = "name=Ad%E9&email=ada%40example.org&message=Bonjour&consent=on"
    for url in (f"{event.url}inscription/", reply.url):
        response = client.generic("POST", url, body, content_type=LATIN_1_FORM)
        assert_refused(response, "Le formulaire est arrivé dans un encodage de caractères que nous ne lisons pas")
        assert "rien n'a été enregistré" in soup(response.content).main.get_text()
    english = client.generic("POST", "/en/search/", "q=x", content_type=LATIN_1_FORM)
    assert_refused(english, "The form arrived in a character encoding we do not read")
    assert not Registration.objects.exists() and not FormSubmission.objects.exists()


@pytest.mark.parametrize("name", ["Ada\u202eecalevoL", "Ada\u2066Lovelace\u2069"])
def test_bidi_overrides_in_names_are_refused(client, homes, name):
    event = event_page(event_index(homes[0]), "Atelier", slug="atelier", registration_mode="form", capacity=10)
    data = {"name": name, "email": "ada@example.org", "organisation": "", "consent": "on"}
    assert_refused(client.post(f"{event.url}inscription/", data))
    assert not Registration.objects.exists()
    # Right-to-left marks belong to ordinary Arabic or Hebrew text.
    data["name"] = "\u200fסבתא"  # noqa: RUF001 - Hebrew letters, as written
    assert client.post(f"{event.url}inscription/", data).status_code == 302

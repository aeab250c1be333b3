"""PostgreSQL away: readers get a 503 maintenance page in their language with
Retry-After, built without the database; forms keep what was typed."""

import logging
import socket
from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import path

from config import urls as site_urls
from operations import outage
from operations.outage import server_error
from tests.kit.html import soup


@contextmanager
def stopped_database(django_db_blocker):
    """The app's connection pointed at a port nothing listens on, as when
    PostgreSQL is stopped; settings with the page cache off, so every
    request needs the database."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with django_db_blocker.unblock():
        connection.close()
        saved = dict(connection.settings_dict)
        connection.settings_dict.update(
            ENGINE="django.db.backends.postgresql", HOST="127.0.0.1", PORT=closed_port, NAME="absent"
        )
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.fixture
def database_down(django_db_blocker, monkeypatch):
    # No outage left over from another test: this one starts its own.
    monkeypatch.setattr(outage, "_outage", {"since": None})
    with stopped_database(django_db_blocker):
        yield


def maintenance_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    return soup(response.content)


def test_pages_answer_503_in_the_reader_language(client, database_down):
    client.raise_request_exception = False
    french = maintenance_page(client.get("/fr/evenements/"))
    assert french.html["lang"] == "fr"
    assert french.h1.get_text(strip=True) == "Le site est brièvement indisponible"
    assert french.select_one("a[data-home]")["href"] == "/fr/"
    english = maintenance_page(client.get("/en/events/", HTTP_ACCEPT_LANGUAGE="fr"))
    assert english.html["lang"] == "en" and english.h1.get_text(strip=True) == "The site is briefly unavailable"


def test_a_form_sent_meanwhile_keeps_what_was_typed(client, database_down):
    client.raise_request_exception = False
    typed = {"name": "Ada Lovelace", "email": "ada@example.org", "message": "Bonjour <b>!", "password": "secret"}
    page = maintenance_page(client.post("/fr/initiatives/concertations/", typed))
    assert "Votre envoi n'a pas pu être enregistré" in page.select_one("p.error").get_text()
    form = page.select_one("form[data-resend]")
    assert form["method"] == "post" and form["action"] == "/fr/initiatives/concertations/"
    kept = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert kept == {"name": "Ada Lovelace", "email": "ada@example.org", "message": "Bonjour <b>!"}


@pytest.mark.django_db(transaction=True)
def test_an_outage_is_logged_once_when_it_starts_and_once_when_it_ends(
    client, home_fr, django_db_blocker, monkeypatch, caplog
):
    client.raise_request_exception = False
    monkeypatch.setattr(outage, "_outage", {"since": None})
    caplog.set_level(logging.INFO)
    with stopped_database(django_db_blocker):
        answers = [client.get(url).status_code for url in ("/fr/evenements/", "/fr/actualites/", "/en/events/")]
        answers.append(client.post("/fr/initiatives/concertations/", {"name": "Ada"}).status_code)
        answers.append(client.get("/readyz").status_code)
    assert answers == [503] * 5
    assert [(record.name, record.levelname) for record in caplog.records] == [("operations.outage", "ERROR")]
    assert "does not answer" in caplog.records[0].getMessage()
    caplog.clear()
    # PostgreSQL back: the first connection says so, the next ones say nothing.
    assert client.get("/fr/").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert [(record.name, record.levelname) for record in caplog.records] == [("operations.outage", "WARNING")]
    assert "answers again" in caplog.records[0].getMessage()


def broken_view(request):
    raise ValueError("a bug, not an outage")


urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]
handler500 = server_error


def test_other_errors_keep_the_500_page(client, settings):
    client.raise_request_exception = False
    settings.ROOT_URLCONF = __name__
    response = client.get("/broken/")
    assert response.status_code == 500 and "Retry-After" not in response
    assert "Le site rencontre un problème" in response.content.decode()

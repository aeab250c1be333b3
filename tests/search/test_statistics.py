"""Readers' searches reach Wagtail's search terms report and our report of
searches without results, without a database write while the reader waits."""

import time
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search import stats
from tests.kit.html import soup

from .conftest import standard_page


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def report_terms(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = soup(response.content)
    return {
        row.select("td")[0].get_text(strip=True): row.select("td")[1].get_text(strip=True)
        for row in parsed.select("table.listing tbody tr")
    }


def statistics_writes(queries):
    """The writes among `queries`."""
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_a_search_writes_nothing_and_reaches_the_reports_after_the_flush(superuser, client, homes):
    standard_page(homes[0], "Le cloud européen", "Souveraineté et données.")
    for url in ("/fr/recherche/?q=Cloud", "/en/search/?q=licorne", "/api/search/?q=cloud&locale=fr"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert statistics_writes(queries) == []
    client.get("/fr/recherche/?q=cloud&page=2")  # paging is not a new search
    client.get("/fr/recherche/?q=cloud&type=home.standardpage")  # nor is filtering

    call_command("flush_search_stats")
    client.force_login(superuser)
    assert report_terms(client, reverse("wagtailsearchpromotions:search_terms")) == {"cloud": "2", "licorne": "1"}
    assert report_terms(client, reverse("search_terms_no_result")) == {"licorne": "1"}

    # Flushing again counts nothing twice.
    call_command("flush_search_stats")
    assert report_terms(client, reverse("wagtailsearchpromotions:search_terms")) == {"cloud": "2", "licorne": "1"}


def test_the_report_of_searches_without_results_is_for_administrators(client, homes):
    User.objects.create_user("reader", "reader@example.org", "pw", is_staff=True)
    client.login(username="reader", password="pw")
    response = client.get(reverse("search_terms_no_result"))
    assert response.status_code in (302, 403)


def later(monkeypatch, seconds):
    """Time as search.stats reads it, `seconds` from now."""
    now = time.time() + seconds
    monkeypatch.setattr("search.stats.time", SimpleNamespace(time=lambda: now))


def searches_writing(client, *urls):
    """The searches among `urls` whose request wrote to the database."""
    writing = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        if statistics_writes(queries):
            writing.append(url)
    return writing


@pytest.mark.parametrize(
    "cache_backend",
    [
        # `make run`: each process has its own cache, which no other process can flush.
        "django.core.cache.backends.locmem.LocMemCache",
        # A cache shared with a worker (Redis in production): the flush is a task.
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_searches_reach_the_reports_without_the_command(
    superuser, client, homes, settings, monkeypatch, tmp_path, cache_backend
):
    settings.CACHES = {"default": {"BACKEND": cache_backend, "LOCATION": str(tmp_path)}}
    standard_page(homes[0], "Le cloud européen", "Souveraineté et données.")
    assert searches_writing(client, "/fr/recherche/?q=cloud", "/en/search/?q=licorne") == []

    # The first search once the oldest one waiting is due flushes them all, once.
    later(monkeypatch, stats.FLUSH_INTERVAL)
    assert searches_writing(client, "/fr/recherche/?q=cloud", "/fr/recherche/?q=cloud") == ["/fr/recherche/?q=cloud"]

    client.force_login(superuser)
    assert report_terms(client, reverse("wagtailsearchpromotions:search_terms")) == {"cloud": "2", "licorne": "1"}
    assert report_terms(client, reverse("search_terms_no_result")) == {"licorne": "1"}

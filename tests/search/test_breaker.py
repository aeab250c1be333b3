"""A frozen engine (it accepts connections and never answers) costs readers one
short timeout per request for a few requests, then none: the breaker sends them
straight to the database backend, and tries the engine again after its cooldown."""

import logging
import socket
import threading
import time

import pytest

from search import indexing
from tests.kit.html import soup

from .conftest import standard_page

TIMEOUT = 0.5


@pytest.fixture
def frozen_node():
    """A server on loopback that accepts connections and never answers. Yields
    its URL and the list of connections it accepted."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    accepted, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            accepted.append(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


@pytest.fixture
def frozen_engine(settings, frozen_node, homes):
    url, accepted = frozen_node
    home_fr, _home_en = homes
    page = standard_page(home_fr, "La souveraineté numérique", "Le cloud européen.")
    settings.SEARCH_BREAKER_FAILURES = 3
    settings.SEARCH_BREAKER_COOLDOWN = 60
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "engine": {"BACKEND": "search.backends.opensearch2", "URLS": [url], "TIMEOUT": TIMEOUT, "AUTO_UPDATE": False},
    }
    engine = indexing.get_engine()
    engine.breaker.reset()
    yield engine, page, accepted
    engine.breaker.reset()


def timed_search(client):
    started = time.perf_counter()
    response = client.get("/fr/recherche/?q=cloud")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    parsed = soup(response.content)
    return elapsed, parsed


def test_a_frozen_engine_opens_the_breaker_and_readers_get_the_database_at_once(client, frozen_engine):
    engine, page, accepted = frozen_engine
    for _ in range(3):
        elapsed, soup = timed_search(client)
        assert TIMEOUT <= elapsed < TIMEOUT + 2
        assert "mode simplifié" in soup.select_one(".notice").text
        assert [a["href"] for a in soup.select(".search-main .search-results h3 a")] == [page.url]
    assert engine.breaker.is_open()
    asked = len(accepted)

    for _ in range(5):
        elapsed, soup = timed_search(client)
        assert elapsed < TIMEOUT
        assert [a["href"] for a in soup.select(".search-main .search-results h3 a")] == [page.url]
    data = client.get("/api/search/?q=cloud&locale=fr").json()
    assert data["degraded"] is True and data["total"] == 1
    assert len(accepted) == asked  # the frozen node was not asked again


def test_after_the_cooldown_one_request_tries_the_engine_again(client, frozen_engine, settings):
    engine, _page, accepted = frozen_engine
    settings.SEARCH_BREAKER_COOLDOWN = 1
    for _ in range(3):
        timed_search(client)
    asked = len(accepted)
    assert engine.breaker.is_open()
    time.sleep(1.1)

    elapsed, _soup = timed_search(client)
    assert elapsed >= TIMEOUT and len(accepted) == asked + 1
    assert engine.breaker.is_open()  # the trial failed: open again, for another cooldown
    elapsed, _soup = timed_search(client)
    assert elapsed < TIMEOUT and len(accepted) == asked + 1


def test_publishing_during_the_freeze_keeps_the_change_for_later(client, frozen_engine, index_now):
    from search.models import PendingIndexUpdate

    _engine, page, _accepted = frozen_engine
    for _ in range(3):
        timed_search(client)
    started = time.perf_counter()
    later = standard_page(page.get_parent(), "Publiée pendant le gel")
    assert time.perf_counter() - started < TIMEOUT
    assert PendingIndexUpdate.objects.filter(kind="page", object_id=str(later.pk)).exists()


def test_a_successful_trial_closes_the_breaker(settings):
    from search.breaker import Breaker, EngineUnavailable

    settings.SEARCH_BREAKER_FAILURES = 2
    settings.SEARCH_BREAKER_COOLDOWN = 0.2
    breaker = Breaker("test-trial")
    breaker.reset()

    def down():
        raise ConnectionError("no answer")

    for _ in range(2):
        with pytest.raises(ConnectionError):
            breaker.call(down)
    with pytest.raises(EngineUnavailable):
        breaker.call(lambda: "asked")
    time.sleep(0.25)
    assert breaker.call(lambda: "answered") == "answered"
    assert not breaker.is_open()
    # One failure after the recovery does not reopen it: failures count in a row.
    with pytest.raises(ConnectionError):
        breaker.call(down)
    assert breaker.call(lambda: "answered") == "answered"


def test_an_open_breaker_logs_its_opening_once_and_a_line_per_request(client, frozen_engine, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(6):
        timed_search(client)
    # The client logs each request that failed (three, before the breaker opened).
    ours = [record for record in caplog.records if record.name.startswith("search")]
    assert [record.getMessage() for record in ours if record.exc_info] == [
        "Search engine failed 3 times in a row: breaker open, the database answers for 60s"
    ]
    notices = [record.getMessage() for record in ours if record.name == "search.query"]
    assert len(notices) == 6
    assert all(len(notice.splitlines()) == 1 for notice in notices)
    assert "EngineUnavailable" in notices[-1]


def test_the_breaker_logs_its_closing(settings, caplog):
    from search.breaker import Breaker

    settings.SEARCH_BREAKER_FAILURES = 1
    settings.SEARCH_BREAKER_COOLDOWN = 0.1
    breaker = Breaker("test-closing")
    breaker.reset()
    with pytest.raises(ConnectionError):
        breaker.call(lambda: (_ for _ in ()).throw(ConnectionError("no answer")))
    time.sleep(0.15)
    caplog.clear()
    caplog.set_level(logging.INFO)
    breaker.call(lambda: "answered")
    breaker.call(lambda: "answered")
    assert [record.getMessage() for record in caplog.records] == ["Search engine answers again: breaker closed"]

"""/healthz and /readyz, as a load balancer reads them."""

import socket

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_readyz_reports_each_part_and_nothing_else(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "database": "ok", "cache": "ok", "search": "not configured"}
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def silent_port():
    """A port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_engine_that_is_down_is_reported_but_the_server_stays_ready(client, settings, silent_port):
    engine = {
        "BACKEND": "search.backends.opensearch2",
        "URLS": [f"http://127.0.0.1:{silent_port}"],
        "INDEX_PREFIX": "readyz_",
        "TIMEOUT": 1,
        "AUTO_UPDATE": False,
    }
    with override_settings(WAGTAILSEARCH_BACKENDS={**settings.WAGTAILSEARCH_BACKENDS, "engine": engine}):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["search"] == "unavailable"
    assert response.json()["ready"] is True


def test_a_database_that_does_not_answer_makes_the_server_unready(client, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert "refused" not in response.content.decode()


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$", r"^readyz$"])
def test_probes_over_plain_http_are_not_redirected_to_https(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/robots.txt").status_code == 301

"""The client address behind proxies: believed only through trusted proxies."""

import pytest
from django.core.cache import cache

from tests.events.factories import at, event_index, event_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def workshop(home_fr):
    return event_page(
        event_index(home_fr),
        "Atelier",
        slug="atelier",
        starts_at=at(2030, 3, 1, 18),
        ends_at=at(2030, 3, 1, 20),
        registration_mode="form",
        capacity=500,
    )


def register(client, page, number, forwarded_for):
    data = {"name": "Ada", "email": f"ada{number}@example.org", "organisation": "", "consent": "on"}
    return client.post(f"{page.url}inscription/", data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_without_trusted_proxy_a_forged_header_does_not_escape_the_rate_limit(client, workshop, settings):
    settings.EVENTS_REGISTRATION_RATE_LIMIT = (2, 600)
    statuses = [register(client, workshop, n, f"203.0.113.{n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]


def test_behind_one_trusted_proxy_each_client_has_its_own_limit(client, workshop, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.EVENTS_REGISTRATION_RATE_LIMIT = (2, 600)
    # The proxy appends the real client address; what the client wrote before it is ignored.
    statuses = [register(client, workshop, n, f"198.51.100.7, 203.0.113.{n}").status_code for n in range(3)]
    assert statuses == [302, 302, 302]
    same_client = [register(client, workshop, n, f"192.0.2.{n}, 203.0.113.9").status_code for n in range(3, 6)]
    assert same_client == [302, 302, 429]


def test_too_short_or_invalid_header_falls_back_on_the_connection(client, workshop, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    settings.EVENTS_REGISTRATION_RATE_LIMIT = (1, 600)
    assert register(client, workshop, 1, "203.0.113.1").status_code == 302
    assert register(client, workshop, 2, "not-an-address, 203.0.113.2").status_code == 429

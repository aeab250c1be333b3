"""A Redis outage degrades the site, never takes it down: with the cache
stopped, pages are rendered uncached, `/healthz` answers 200, `/readyz` a 503
saying `cache: unavailable`, forms are refused with a message (no count, no
rate limit) and the log says it once. A real Redis, started here and stopped."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.test import Client

from events.models import Registration
from serving import backends
from tests.caching.test_forms import workshop  # noqa: F401 - the page with a form
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis(settings, tmp_path):
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server not found (Debian's redis-server package)")
    port = free_port()
    server = subprocess.Popen(
        [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    local_memory = settings.CACHES
    settings.CACHES = {
        "default": {"BACKEND": "serving.backends.GuardedRedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"}
    }
    backends._state.update(down_since=None, next_try=0.0)
    yield server
    # Back on the local cache first: the settings' own restore, later, would
    # reach the stopped Redis once more and leave the process marked "down",
    # refusing every form of the tests that follow.
    settings.CACHES = local_memory
    server.kill()
    server.wait()
    backends._state.update(down_since=None, next_try=0.0)


def test_with_redis_stopped_the_site_answers_uncached_and_says_so_once(redis, workshop, caplog):  # noqa: F811
    reader = Client()
    reader.get("/fr/")
    assert reader.get("/fr/")["X-Page-Cache"] == "hit"
    assert reader.get("/readyz").json()["cache"] == "ok"

    redis.kill()
    redis.wait()
    caplog.set_level(logging.WARNING, logger="serving.backends")
    for _ in range(3):
        page = reader.get("/fr/")
        assert page.status_code == 200 and page["X-Page-Cache"] != "hit"
        assert workshop.title in reader.get(workshop.url).content.decode()
    assert reader.get("/healthz").status_code == 200
    ready = reader.get("/readyz")
    assert (ready.status_code, ready.json()["cache"], ready.json()["database"]) == (503, "unavailable", "ok")

    form = soup(reader.get(workshop.url).content).select_one("form.registration__form")
    data = {"name": "Ada", "email": "ada@example.org", "organisation": "", "consent": "on"}
    refused = reader.post(form["action"], data)
    assert refused.status_code < 500
    assert "momentanément indisponible" in refused.content.decode()
    assert 'value="ada@example.org"' in refused.content.decode()
    assert not Registration.objects.exists()

    assert len([record for record in caplog.records if record.name == "serving.backends"]) == 1

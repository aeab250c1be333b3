"""The registration rate limit is shared through Redis: two separate server
processes (gunicorn, as in production) on the same Redis and database count
one client's posts together. On those servers, a form sent in latin-1 gets the
site's 400 page, not the empty 500 gunicorn once answered."""

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
from django.conf import settings
from django.db import connection

from events.models import Registration
from security.config import redis_cache
from tests.events.factories import event_index, event_page

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_production_selects_redis_from_redis_url():
    """Production's cache is the guarded Redis cache on the server REDIS_URL names."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    environment.update(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="example.org", REDIS_URL="redis://h:1/2")
    code = (
        "import json, django; django.setup(); from django.core.cache import caches; cache = caches['default'];"
        "from django.core.cache.backends.redis import RedisCache;"
        "print(json.dumps([type(cache).__module__ + '.' + type(cache).__name__, isinstance(cache, RedisCache),"
        " cache._servers, cache.key_prefix]))"
    )
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    backend, is_redis, servers, key_prefix = json.loads(result.stdout.strip().splitlines()[-1])
    assert backend == "serving.backends.GuardedRedisCache"
    assert is_redis
    assert servers == ["redis://h:1/2"]
    assert key_prefix == redis_cache("redis://h:1/2")["default"]["KEY_PREFIX"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def servers():
    """Two gunicorn servers, each its own process, on one Redis and the test database."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.security.shared_cache_settings",
        "DATABASE_URL": database_url(),
        "CACHE_KEY_PREFIX": f"test-{secrets.token_hex(6)}",
    }
    ports = [free_port(), free_port()]
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    processes = [
        subprocess.Popen(
            [gunicorn, "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=str(settings.BASE_DIR),
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"the server on port {port} did not start")


class NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status_of(opener, request):
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except HTTPError as error:
        return error.code


def reader_on_the_form(server, page):
    """An opener keeping the reader's cookies, and the CSRF token of `page`'s form."""
    opener = build_opener(HTTPCookieProcessor(CookieJar()), NoRedirect)
    with opener.open(server + page.url, timeout=30) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
    return opener, token


def test_ten_registrations_across_two_servers_fill_one_limit(servers, home_fr):
    page = event_page(event_index(home_fr), "Atelier", slug="atelier", registration_mode="form", capacity=100)
    opener, token = reader_on_the_form(servers[0], page)

    def register(server, number):
        data = {"csrfmiddlewaretoken": token, "name": f"Lecteur {number}", "email": f"l{number}@example.org"}
        data["consent"] = "on"
        request = Request(f"{server}{page.url}inscription/", data=urlencode(data).encode(), method="POST")
        request.add_header("Referer", server + page.url)
        return status_of(opener, request)

    limit, _window = settings.EVENTS_REGISTRATION_RATE_LIMIT
    assert limit == 10
    answers = [register(servers[number % 2], number) for number in range(limit)]
    assert answers == [302] * limit
    assert Registration.objects.count() == limit
    # The eleventh is refused whichever server answers.
    assert [register(server, 10 + number) for number, server in enumerate(servers)] == [429, 429]
    assert Registration.objects.count() == limit


def test_a_form_sent_in_latin_1_gets_the_400_page_from_gunicorn(servers, home_fr):
    page = event_page(event_index(home_fr), "Atelier", slug="atelier", registration_mode="form", capacity=100)
    opener, token = reader_on_the_form(servers[0], page)
    body = f"csrfmiddlewaretoken={token}&name=Ad%E9&email=ada%40example.org&consent=on".encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded; charset=latin-1", "Referer": servers[0] + page.url}
    request = Request(f"{servers[0]}{page.url}inscription/", data=body, headers=headers, method="POST")
    with pytest.raises(HTTPError) as refused:
        opener.open(request, timeout=30)
    assert refused.value.code == 400
    assert (
        "Le formulaire est arrivé dans un encodage de caractères que nous ne lisons pas"
        in refused.value.read().decode()
    )
    assert not Registration.objects.exists()

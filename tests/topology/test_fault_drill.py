"""A bounded fault drill on the production topology, measured from the outside
as a reader: PostgreSQL stopped, then Redis stopped, each for a few seconds,
while readers read and register through Varnish. Every response is counted by
step and status and the table printed (docs/production.md, "Outages").

The drill stops services, so its app servers and worker run on a PostgreSQL
cluster and a Redis of its own (free ports, data under /var/tmp), never on the
shared ones: the demo content conftest loads into the test database is copied
there with pg_dump. It runs with the topology test (CI=true or TOPOLOGY_TEST=1).
LOAD_BENCHMARK=1 also runs `manage.py load_benchmark` on this topology after the drill."""

import collections
import glob
import os
import re
import shutil
import subprocess
import sys
import time
from urllib.parse import urlencode

import psycopg
import pytest
from django.utils import timezone

from events.models import EventPage
from serving.backends import RETRY_AFTER
from tests.kit.html import soup
from tests.kit.services import required

from .harness import ROOT, Process, free_port, get

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

OUTAGE_SECONDS = 8
RECOVERY_LIMIT_SECONDS = 30
MAINTENANCE = "Le site est brièvement indisponible"
FORM_REFUSED = "Le formulaire est momentanément indisponible"


def postgres_program(name):
    """A program of the PostgreSQL services/postgres.sh runs (Debian's layout)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PrivatePostgres:
    """services/postgres.sh on a port and a data folder of the drill's own."""

    def __init__(self):
        self.port = free_port()
        self.environment = {
            **os.environ,
            "POSTGRES_TEST_PORT": str(self.port),
            "POSTGRES_TEST_DIR": f"/var/tmp/thinktank-drill-postgres-{self.port}",
        }

    def script(self, action):
        result = subprocess.run(
            [str(ROOT / "services" / "postgres.sh"), action], env=self.environment, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout.strip()

    def start(self):
        return self.script("start").removeprefix("DATABASE_URL=")

    def stop(self):
        self.script("stop")

    def remove(self):
        self.stop()
        shutil.rmtree(self.environment["POSTGRES_TEST_DIR"], ignore_errors=True)


class PrivateRedis(Process):
    def __init__(self, tmp_path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        super().__init__(command, dict(os.environ), tmp_path / "redis.log")


@pytest.fixture
def drill_postgres():
    if postgres_program("pg_dump") is None or shutil.which("redis-server") is None:
        required("the fault drill needs PostgreSQL's programs and redis-server (services/postgres.sh, redis.sh)")
    postgres = PrivatePostgres()
    postgres.url = postgres.start()
    try:
        yield postgres
    finally:
        postgres.remove()


@pytest.fixture
def drill_redis(tmp_path):
    redis = PrivateRedis(tmp_path)
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


@pytest.fixture
def environment(environment, drill_postgres, drill_redis):
    """conftest's environment (the demo loaded, the search index built), moved
    onto the drill's PostgreSQL, holding a copy of the test database, and its Redis."""
    dump = subprocess.Popen(
        [postgres_program("pg_dump"), "--no-owner", "--no-privileges", "-d", environment["DATABASE_URL"]],
        stdout=subprocess.PIPE,
    )
    restore = subprocess.run(
        [postgres_program("psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", drill_postgres.url],
        stdin=dump.stdout,
        capture_output=True,
        text=True,
    )
    assert dump.wait() == 0 and restore.returncode == 0, restore.stderr[-2000:]
    return {**environment, "DATABASE_URL": drill_postgres.url, "REDIS_URL": drill_redis.url}


class Reader:
    """Reads through Varnish and counts every answer by step and status."""

    def __init__(self, varnish):
        self.varnish = varnish
        self.statuses = collections.Counter()

    def read(self, step, path, **kwargs):
        status, headers, body = get(self.varnish.url + path, **kwargs)
        self.statuses[(step, status)] += 1
        return status, headers, body

    def table(self):
        lines = ["[fault drill] responses by step and status"]
        lines += [f"  {step:<28} {status:>4}  {count:>5}" for (step, status), count in self.statuses.items()]
        lines.append(f"  {'in all':<28} {'':>4}  {sum(self.statuses.values()):>5}")
        return "\n".join(lines)

    def server_errors(self):
        """Answers of 500 and above but the deliberate 503s (maintenance, readiness)."""
        return {key: count for key, count in self.statuses.items() if key[1] >= 500 and key[1] != 503}


def pages_in_two_halves(reader):
    """French pages of the sitemap: half read before the outages (Varnish holds
    them), half never read (Varnish has nothing to serve instead)."""
    _status, _headers, body = get(reader.varnish.url + "/sitemap.xml")
    pages = sorted({re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", body)})
    pages = [page for page in pages if page.startswith("/fr/")][:30]
    cached = []
    for url in pages[::2]:
        assert reader.read("before", url)[0] == 200, url
        # Pages with a form (a CSRF cookie) are never stored: left out.
        if reader.read("before", url)[1]["X-Cache"] == "HIT":
            cached.append(url)
    assert len(cached) >= 5, cached
    return cached, pages[1::2]


class Registrant:
    """A reader registering for the next event with a form, through Varnish."""

    def __init__(self, reader):
        event = (
            EventPage.objects.live()
            .filter(locale__language_code="fr", registration_mode="form", starts_at__gt=timezone.now())
            .order_by("starts_at")
            .first()
        )
        self.reader, self.url = reader, event.url
        status, headers, body = reader.read("before", self.url)
        assert status == 200
        self.cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        self.token = soup(body).select_one("input[name=csrfmiddlewaretoken]")["value"]
        self.sent = 0

    def register(self, step):
        self.sent += 1
        data = {"csrfmiddlewaretoken": self.token, "name": f"Exercice {self.sent}", "consent": "on"}
        data["email"] = f"drill{self.sent}@example.org"
        headers = {"Cookie": f"csrftoken={self.cookie}", "Referer": self.reader.varnish.url + self.url}
        return self.reader.read(step, f"{self.url}inscription/", headers=headers, data=urlencode(data).encode())


def stored_registrations(database_url):
    with psycopg.connect(database_url) as connection:
        query = "SELECT name FROM events_registration WHERE email LIKE %s ORDER BY name"
        return [name for (name,) in connection.execute(query, ["drill%"])]


def until_answers(read, wanted, step):
    """Seconds until `read()` answers `wanted`, within the recovery limit."""
    started = time.monotonic()
    while read() != wanted:
        assert time.monotonic() - started < RECOVERY_LIMIT_SECONDS, f"{step}: not recovered"
        time.sleep(0.5)
    return time.monotonic() - started


def postgres_stopped(reader, registrant, postgres, cached, uncached):
    """Cached pages stay (Varnish), the others say maintenance; back within seconds."""
    postgres.stop()
    try:
        # Sent once: the registrations' rate limit counts every attempt.
        status, _headers, body = registrant.register("postgres stopped: form")
        assert status == 503 and MAINTENANCE in body and "Exercice 2" in body
        deadline = time.monotonic() + OUTAGE_SECONDS
        while time.monotonic() < deadline:
            for url in cached:
                assert reader.read("postgres stopped: cached", url)[0] == 200, url
            for url in uncached[:5]:
                status, headers, body = reader.read("postgres stopped: uncached", url)
                assert status == 503 and headers["Retry-After"] and MAINTENANCE in body, (url, status)
    finally:
        postgres.start()
    seconds = until_answers(lambda: reader.read("postgres restarted", uncached[-1])[0], 200, "PostgreSQL")
    assert registrant.register("postgres restarted")[0] == 302
    return seconds


def redis_stopped(reader, registrant, redis, app_servers, uncached):
    """Pages rendered uncached, forms refused, /readyz says so; back within seconds."""
    redis.stop()
    try:
        for url in uncached[:5]:
            assert reader.read("redis stopped", url)[0] == 200, url
        status, _headers, body = registrant.register("redis stopped: form")
        assert status < 500 and FORM_REFUSED in body and "Exercice 4" in body
        status, headers, body = reader.read("redis stopped", "/readyz")
        assert (
            status == 503
            and headers["Content-Type"].startswith("application/json")
            and '"cache": "unavailable"' in body
        )
        assert reader.read("redis stopped", "/healthz")[0] == 200
    finally:
        redis.start()
    readiness = [lambda url=server.url: get(url + "/readyz")[0] for server in app_servers]
    seconds = max(until_answers(ready, 200, "Redis") for ready in readiness)
    # A worker process that has not tried Redis since it came back tries within RETRY_AFTER (serving.backends).
    time.sleep(RETRY_AFTER)
    assert registrant.register("redis restarted")[0] == 302
    return seconds


def test_postgres_then_redis_stopped_readers_keep_a_working_site_and_nothing_is_lost(
    environment, drill_postgres, drill_redis, app_servers, varnish, worker
):
    reader = Reader(varnish)
    cached, uncached = pages_in_two_halves(reader)
    registrant = Registrant(reader)
    assert registrant.register("before")[0] == 302
    try:
        postgres_seconds = postgres_stopped(reader, registrant, drill_postgres, cached, uncached)
        redis_seconds = redis_stopped(reader, registrant, drill_redis, app_servers, uncached)
    finally:
        print(f"\n{reader.table()}")
    print(f"[fault drill] back after: PostgreSQL {postgres_seconds:.1f} s, Redis {redis_seconds:.1f} s")
    # Before, after PostgreSQL, after Redis; none of those sent during an outage.
    assert stored_registrations(drill_postgres.url) == ["Exercice 1", "Exercice 3", "Exercice 5"]
    assert reader.server_errors() == {}
    # Each outage is logged once per worker process, not once per reader.
    for server in app_servers:
        log = server.log.read_text()
        assert log.count("The database (PostgreSQL) does not answer") <= 2, log[-3000:]
        assert "Internal Server Error" not in log and "Service Unavailable" not in log, log[-3000:]
    if os.environ.get("LOAD_BENCHMARK") == "1":
        # After the outages (it reads every page, which would leave none uncached): figures, no assertion.
        command = [sys.executable, "manage.py", "load_benchmark", "--url", varnish.url]
        benchmark = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
        print(benchmark.stdout, benchmark.stderr[-2000:])
        # What Varnish's probes saw, and the app servers' worker timeouts, to explain Varnish's own 503s.
        print(varnish.script("adm", "backend.list", "-p"))
        for server in app_servers:
            print(f"app server {server.port}: {server.log.read_text().count('WORKER TIMEOUT')} worker timeouts")

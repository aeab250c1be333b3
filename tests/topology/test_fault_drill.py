"""A bounded fault drill on the production topology, measured from the outside
as a reader: PostgreSQL stopped, then Redis stopped, each for a few seconds,
while readers read and register through Varnish. Every response is counted by
status and the table printed (docs/production.md, "Outages").

The drill stops services, so it runs on its own PostgreSQL cluster and its own
Redis (free ports, data under /var/tmp), never on the shared ones; runs under
FAULT_DRILL=1 (with TOPOLOGY_TEST=1 and the two-node cluster): not yet in CI,
until it has passed once on the merged serving code (docs/production.md).
LOAD_BENCHMARK=1 also runs `manage.py load_benchmark` on this topology after the drill."""

import collections
import os
import re
import shutil
import subprocess
import sys
import time
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from tests.background.worker import Worker

from .harness import ROOT, AppServer, ManageCommand, Process, Varnish, free_port, get, manage, production_environment

pytestmark = pytest.mark.skipif(
    os.environ.get("FAULT_DRILL") != "1",
    reason="the fault drill runs under FAULT_DRILL=1 (not yet in CI)",
)

OUTAGE_SECONDS = 8
RECOVERY_LIMIT_SECONDS = 30
MAINTENANCE = "Le site est brièvement indisponible"
STATUSES = collections.Counter()


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
        subprocess.run(["rm", "-rf", self.environment["POSTGRES_TEST_DIR"]], check=False)


class PrivateRedis(Process):
    def __init__(self, tmp_path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        super().__init__(command, dict(os.environ), tmp_path / "redis.log")


@pytest.fixture(scope="module")
def drill(tmp_path_factory):
    if not os.environ.get("TOPOLOGY_SEARCH_URL"):
        pytest.skip("the fault drill needs the two-node cluster (services/opensearch/cluster.sh start)")
    if shutil.which("redis-server") is None:
        pytest.skip("the fault drill needs redis-server (services/redis.sh installs it)")
    tmp_path = tmp_path_factory.mktemp("drill")
    postgres, redis = PrivatePostgres(), PrivateRedis(tmp_path)
    redis.start()
    processes = []
    try:
        database_url = postgres.start()
        environment = production_environment(database_url, redis.url, os.environ["TOPOLOGY_SEARCH_URL"], tmp_path)
        environment["SEARCH_INDEX_PREFIX"] = "drill_"
        collecting = ManageCommand(environment, "collectstatic", "--noinput", "-v0")
        # Loaded as the tests load it (search indexing left to rebuild_search_index).
        loading = {**environment, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        manage(loading, "migrate", "-v0")
        manage(loading, "load_demo")
        collecting.wait()
        manage(environment, "rebuild_search_index")
        servers = [AppServer(number, environment, tmp_path) for number in (1, 2)]
        processes.extend(servers)
        for server in servers:
            server.start()
        varnish = Varnish(tmp_path)
        varnish.script("start", *(f"127.0.0.1:{server.port}" for server in servers))
        worker = Worker(environment, tmp_path / "worker.log")
        worker.start()
        processes.append(worker)
        yield {"postgres": postgres, "redis": redis, "varnish": varnish, "environment": environment}
        if os.environ.get("LOAD_BENCHMARK") == "1":
            # After the outages (it reads every page, which would leave none uncached): figures, no assertion.
            command = [sys.executable, "manage.py", "load_benchmark", "--url", varnish.url]
            benchmark = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
            print(benchmark.stdout, benchmark.stderr[-2000:])
        varnish.script("stop")
    finally:
        for process in processes:
            process.stop()
        redis.stop()
        postgres.remove()
        print_table()


def print_table():
    print("\n[fault drill] responses by step and status")
    for (step, status), count in sorted(STATUSES.items()):
        print(f"  {step:<28} {status:>4}  {count:>5}")


def read(step, url, **kwargs):
    status, headers, body = get(url, **kwargs)
    STATUSES[(step, status)] += 1
    return status, headers, body


def shell(environment, code):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def urls(drill):
    """French pages in the sitemap: half read before the outages (Varnish holds
    them), half never read (Varnish has nothing to serve instead)."""
    _status, _headers, body = get(drill["varnish"].url + "/sitemap.xml")
    pages = sorted({re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", body)})
    pages = [page for page in pages if page.startswith("/fr/")][:30]
    cached = []
    for url in pages[::2]:
        assert read("before", drill["varnish"].url + url)[0] == 200
        # Pages with a form (a CSRF cookie) are never stored: left out.
        if read("before", drill["varnish"].url + url)[1]["X-Cache"] == "HIT":
            cached.append(url)
    assert len(cached) >= 5, cached
    return cached, pages[1::2]


@pytest.fixture(scope="module")
def event(drill):
    code = (
        "from events.models import EventPage; from django.utils import timezone;"
        "print(EventPage.objects.live().filter(locale__language_code='fr', registration_mode='form',"
        " starts_at__gt=timezone.now()).order_by('starts_at').first().url)"
    )
    url = shell(drill["environment"], code)
    status, headers, body = get(drill["varnish"].url + url)
    assert status == 200
    cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    token = BeautifulSoup(body, "html.parser").select_one("input[name=csrfmiddlewaretoken]")["value"]
    return {"url": url, "cookie": cookie, "token": token}


def register(drill, event, step, number):
    data = {"csrfmiddlewaretoken": event["token"], "name": f"Exercice {number}", "email": f"drill{number}@example.org"}
    data["consent"] = "on"
    headers = {"Cookie": f"csrftoken={event['cookie']}", "Referer": drill["varnish"].url + event["url"]}
    return read(
        step, f"{drill['varnish'].url}{event['url']}inscription/", headers=headers, data=urlencode(data).encode()
    )


def test_postgres_stopped_cached_pages_stay_and_the_rest_says_maintenance(drill, urls, event):
    cached, uncached = urls
    assert register(drill, event, "before", 1)[0] == 302
    varnish = drill["varnish"].url
    drill["postgres"].stop()
    try:
        # Sent once: the registrations' rate limit counts every attempt.
        status, _headers, body = register(drill, event, "postgres stopped: form", 2)
        assert status == 503 and MAINTENANCE in body and "Exercice 2" in body
        deadline = time.monotonic() + OUTAGE_SECONDS
        while time.monotonic() < deadline:
            for url in cached:
                assert read("postgres stopped: cached", varnish + url)[0] == 200, url
            for url in uncached[:5]:
                status, headers, body = read("postgres stopped: uncached", varnish + url)
                assert status == 503 and headers["Retry-After"] and MAINTENANCE in body, (url, status)
    finally:
        drill["postgres"].start()
    started = time.monotonic()
    while read("postgres restarted", varnish + uncached[-1])[0] != 200:
        assert time.monotonic() - started < RECOVERY_LIMIT_SECONDS, "the site did not recover"
        time.sleep(0.5)
    print(f"\n[fault drill] PostgreSQL back: pages served again after {time.monotonic() - started:.1f} s")
    assert register(drill, event, "postgres restarted", 3)[0] == 302


@pytest.mark.xfail(
    reason="needs h23's Redis-outage guard (pages rendered uncached, /readyz 503 JSON): flip once merged",
    strict=False,
)
def test_redis_stopped_pages_are_rendered_uncached(drill, urls):
    cached, uncached = urls
    varnish = drill["varnish"].url
    drill["redis"].stop()
    try:
        for url in uncached[:5]:
            assert read("redis stopped", varnish + url)[0] == 200, url
        status, headers, _body = read("redis stopped", varnish + "/readyz")
        assert status == 503 and headers["Content-Type"].startswith("application/json")
        assert read("redis stopped", varnish + "/healthz")[0] == 200
    finally:
        drill["redis"].start()


def test_every_registration_is_stored_and_nothing_answered_a_500(drill, event):
    code = (
        "from events.models import Registration; print(Registration.objects.filter(email__startswith='drill').count())"
    )
    assert shell(drill["environment"], code) == "2"
    # The Redis step's answers are its own test's (xfail until h23's guard is merged: then drop this filter).
    errors = {
        key: count for key, count in STATUSES.items() if key[1] >= 500 and key[1] != 503 and key[0] != "redis stopped"
    }
    assert errors == {}

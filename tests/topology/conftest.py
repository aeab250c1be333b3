"""The topology test's processes: skipped unless CI=true or TOPOLOGY_TEST=1
(services/run-tests.sh then starts the two-node OpenSearch cluster)."""

import io
import os
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from django.core.management import call_command
from django.db import connection

from tests.background.worker import Worker
from tests.kit.services import required

from .harness import AppServer, ManageCommand, Varnish, manage, production_environment

REDIS_DATABASE = 7
TOPOLOGY_TESTS = ("tests/topology/test_topology.py", "tests/topology/test_fault_drill.py")


def pytest_collection_modifyitems(items):
    wanted = os.environ.get("CI") == "true" or os.environ.get("TOPOLOGY_TEST") == "1"
    for item in items:
        if str(item.fspath).endswith(TOPOLOGY_TESTS) and not wanted:
            item.add_marker(pytest.mark.skip(reason="the topology tests run under CI=true or TOPOLOGY_TEST=1"))


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _redis_url():
    """A Redis database of the topology's own, emptied: no page or counter of another run."""
    parts = urlsplit(os.environ["REDIS_URL"])
    url = urlunsplit(parts._replace(path=f"/{REDIS_DATABASE}"))
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def environment(wagtail_roots, tmp_path):
    """The demo content in the test database, and the environment every process shares."""
    if connection.vendor != "postgresql":
        required("the topology test needs PostgreSQL (DATABASE_URL): the app servers share the test database")
    if not os.environ.get("REDIS_URL"):
        required("the topology test needs Redis (services/redis.sh start, then export REDIS_URL)")
    if not os.environ.get("TOPOLOGY_SEARCH_URL"):
        required("the topology test needs the two-node cluster (services/opensearch/cluster.sh start)")
    environment = production_environment(_database_url(), _redis_url(), os.environ["TOPOLOGY_SEARCH_URL"], tmp_path)
    # WhiteNoise's manifest is built while the demo loads: a minute less.
    collecting = ManageCommand(environment, "collectstatic", "--noinput", "-v0")
    call_command("load_demo", stdout=io.StringIO())
    collecting.wait()
    manage(environment, "rebuild_search_index")
    return environment


@pytest.fixture
def app_servers(environment, tmp_path):
    servers = [AppServer(number, environment, tmp_path) for number in (1, 2)]
    try:
        for server in servers:
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def varnish(app_servers, tmp_path):
    cache = Varnish(tmp_path)
    cache.script("start", *(f"127.0.0.1:{server.port}" for server in app_servers))
    try:
        # services/varnish.sh waits for its probes: a sick backend would answer the first reader 503.
        assert cache.healthy_backends() == len(app_servers), cache.script("adm", "backend.list")
        yield cache
    finally:
        cache.script("stop")


@pytest.fixture
def worker(environment, tmp_path):
    """The task worker (`manage.py db_worker`): in production, Varnish purges,
    search updates and e-mails wait for it in the database queue."""
    process = Worker(environment, tmp_path / "worker.log")
    process.start()
    try:
        yield process
    finally:
        process.stop()

"""The processes of the production topology, started for one test: two
gunicorn servers under production settings and Varnish in front of them (the
task worker is tests/background/worker.py's). PostgreSQL, Redis and the two-node OpenSearch cluster are
services/run-tests.sh's (services/opensearch/cluster.sh)."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import HTTPRedirectHandler, Request, build_opener, urlopen

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
VARNISH_PORT = int(os.environ.get("TOPOLOGY_VARNISH_PORT", "6189"))
VARNISH_ADMIN_PORT = VARNISH_PORT - 1


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds}s")


class NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, headers=None, data=None):
    """(status, headers, body) of one request, without following redirects."""
    request = Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    try:
        with build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except HTTPError as error:
        return error.code, error.headers, error.read().decode()


def production_environment(database_url, redis_url, search_url, tmp_path):
    """What every process of the topology runs with (docs/production.md)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "FRONTEND_CACHE_URLS": f"http://127.0.0.1:{VARNISH_PORT}",
        "TRUSTED_PROXY_COUNT": "1",
        "SEARCH_URL": search_url,
        "SEARCH_BACKEND": "opensearch3",
        "SEARCH_REPLICAS": "1",
        "SEARCH_INDEX_PREFIX": "topology_",
        "SEARCH_TIMEOUT": "5",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        # Plain HTTP on the loopback: TLS ends in front of Varnish in production.
        "SECURE_SSL_REDIRECT": "false",
        "REQUIRE_2FA_FOR_ADMINS": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def manage(environment, *arguments):
    ManageCommand(environment, *arguments).wait()


class ManageCommand:
    """A management command running beside the test until wait() checks it succeeded."""

    def __init__(self, environment, *arguments):
        self.arguments = arguments
        command = [sys.executable, "manage.py", *arguments]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )

    def wait(self):
        _output, errors = self.process.communicate()
        assert self.process.returncode == 0, f"manage.py {' '.join(self.arguments)}: {errors[-2000:]}"


def session_of(username, environment):
    """The session cookie of a login of `username`, made under the servers'
    SECRET_KEY (sessions live in the database every server reads)."""
    code = (
        "from django.contrib.auth import get_user_model; from django.test import Client; "
        "from django.conf import settings; client = Client(); "
        f"client.force_login(get_user_model().objects.get(username={username!r})); "
        "print(client.cookies[settings.SESSION_COOKIE_NAME].value)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip().splitlines()[-1]


class Process:
    """A long-running process of the topology, with its output in a log file."""

    def __init__(self, command, environment, log):
        self.command, self.environment, self.log = command, environment, log
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.environment, stdout=self.log.open("a"), stderr=subprocess.STDOUT
        )

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class AppServer(Process):
    """gunicorn on config.wsgi (production settings), logging every request it serves."""

    def __init__(self, number, environment, tmp_path):
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.access_log = tmp_path / f"app{number}-access.log"
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        command = [gunicorn, "config.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "2"]
        command += ["--access-logfile", str(self.access_log)]
        super().__init__(command, environment, tmp_path / f"app{number}.log")

    def start(self):
        super().start()
        wait_for(f"{self.url}/healthz")

    def requests(self, path_prefix=""):
        """Requests this server answered, health probes aside, whose path starts with `path_prefix`."""
        if not self.access_log.exists():
            return []
        lines = self.access_log.read_text().splitlines()
        return [line for line in lines if f'"GET {path_prefix}' in line or f'"POST {path_prefix}' in line]


class Varnish:
    """services/varnish.sh, on ports of the topology test's own."""

    def __init__(self, tmp_path):
        self.url = f"http://localhost:{VARNISH_PORT}"
        self.environment = {
            **os.environ,
            "VARNISH_PORT": str(VARNISH_PORT),
            "VARNISH_ADMIN_PORT": str(VARNISH_ADMIN_PORT),
            "VARNISH_WORK_DIR": f"/var/tmp/thinktank-topology-varnish-{VARNISH_PORT}",
        }

    def script(self, *arguments):
        result = subprocess.run(
            [str(ROOT / "services" / "varnish.sh"), *arguments], env=self.environment, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def healthy_backends(self):
        """App servers Varnish's probes find healthy (the director's own line aside)."""
        lines = self.script("adm", "backend.list").splitlines()
        return sum(bool(re.match(r"\S*\bapp\d+\s.*\shealthy\s", line)) for line in lines)

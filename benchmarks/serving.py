"""Serving and timing for the benchmarks: gunicorn started under production
settings on this checkout's database, and plain HTTP timings against it."""

import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(timings):
    return statistics.median(timings), percentile(timings, 0.95)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(static_root, page_cache=True, body_cache=True):
    """The environment of a production process on this machine: the same
    database and search engine as this process, a fresh secret key, plain HTTP
    on loopback, and the static files collected into `static_root`."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "REQUIRE_2FA_FOR_ADMINS": "false",
        "STATIC_ROOT": str(static_root),
        # This process's images (under pytest, the test's own folder).
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        # One worker: its own memory is a cache every request of the benchmark shares.
        "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
        "BODY_CACHE_ENABLED": "true" if body_cache else "false",
    }
    env.pop("DEBUG", None)
    # Not a Redis of this shell's: entries written there by other processes on other
    # databases (an earlier test's pages, under other ids) would be served as this
    # database's, since nothing written to this database purged them.
    env.pop("REDIS_URL", None)
    return env


def database_url():
    """The URL of the database this process uses (under pytest, the test database)."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    credentials = f"{quote(database['USER'])}:{quote(database['PASSWORD'])}@" if database["USER"] else ""
    return f"postgres://{credentials}{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}/{database['NAME']}"


def collect_static(static_root):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=production_environment(static_root),
        check=True,
    )


@contextmanager
def gunicorn(static_root, page_cache=True, body_cache=True, log_path=None):
    """A gunicorn server (one sync worker, so that timings are not shared with
    another request) on a free loopback port; yields its port."""
    port = free_port()
    with open(log_path or os.devnull, "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=settings.BASE_DIR,
            env=production_environment(static_root, page_cache, body_cache),
            stdout=log,
            stderr=log,
        )
        try:
            wait_for_port(process, port, log_path)
            yield port
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_for_port(process, port, log_path, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} (log: {log_path})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start within {seconds} s (log: {log_path})") from None
            time.sleep(0.2)


def fetch(port, path):
    """(status, body, milliseconds) of one GET, on a new connection as a reader's first request makes."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Language": "fr"})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, body, elapsed


def time_paths(port, paths, requests, warm_up=2):
    """[timings of each path], the paths requested in turn: on a loaded machine
    both see the same load, so their ratio holds where their medians do not."""
    for path in paths:
        for _ in range(warm_up):
            status, _body, _ms = fetch(port, path)
            if status != 200:
                raise RuntimeError(f"GET {path}: HTTP {status}")
    timings = [[] for _path in paths]
    for _ in range(requests):
        for path, series in zip(paths, timings, strict=True):
            series.append(fetch(port, path)[2])
    return timings


def floor_path(static_root, name, html):
    """Write `html` where whitenoise serves it; its URL path."""
    folder = Path(static_root) / "benchmark-floor"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_bytes(html)
    return f"{settings.STATIC_URL}benchmark-floor/{name}.html"

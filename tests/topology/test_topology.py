"""Production's shape proven together (issue 15): Varnish in front of two
gunicorn servers under production settings, on one PostgreSQL, one Redis and a
two-node OpenSearch cluster, used as a reader and an editor would, over HTTP."""

import json
import os
import re
import subprocess
import time
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from events.models import EventIndexPage, Registration
from reports.models import ReportPage
from tests.background.worker import wait_until
from tests.browser.site_pages import page_types
from tests.events.factories import event_page
from tests.kit.html import soup

from .harness import ROOT, get, session_of

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.browser]
CLUSTER = ROOT / "services" / "opensearch" / "cluster.sh"
PASSWORD = "motdepasse-topologie-42"
# Longer than gunicorn takes to log a request it answered.
LOG_DELAY = 1


def reader_reads_a_report_twice(varnish, app_servers, report):
    status, first, _body = get(varnish.url + report.url)
    assert status == 200
    served = logged_requests(app_servers, report.url, at_least=1)
    status, second, body = get(varnish.url + report.url)
    assert status == 200
    assert second["X-Cache"] == "HIT", (first["X-Cache"], second["X-Cache"], first["Cache-Control"])
    assert soup(body).select_one("h1").get_text(strip=True) == report.title
    time.sleep(LOG_DELAY)
    assert logged_requests(app_servers, report.url) == served


def logged_requests(app_servers, path, at_least=0):
    """Requests for `path` in the servers' access logs, which gunicorn writes
    just after answering: waits until `at_least` are there."""
    deadline = time.monotonic() + 10
    while (count := sum(len(server.requests(path)) for server in app_servers)) < at_least:
        assert time.monotonic() < deadline, f"{count} request(s) for {path} logged"
        time.sleep(0.1)
    return count


def editor_publishes(environment, app_server, report, title, slug):
    """Through the admin of one app server, in Chromium: retitle the report,
    give it a new address, publish."""
    from playwright.sync_api import sync_playwright

    from tests.browser.admin import page_action
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, FAILURES

    if not get_user_model().objects.filter(username="topologie").exists():
        get_user_model().objects.create_superuser("topologie", "topologie@example.org", PASSWORD)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = chromium.new_context(base_url=app_server.url, locale="fr-FR")
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session_of("topologie", environment)}
        context.add_cookies([{**cookie, "url": app_server.url}])
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            page.goto(f"/admin/pages/{report.pk}/edit/")
            page.fill("#id_title", title)
            page.get_by_role("tab", name=re.compile("Promo")).click()
            page.fill("#id_slug", slug)
            page_action(page, "Publier")
            page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        except Exception:
            FAILURES.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=FAILURES / "topology-editor.png", full_page=True)
            (FAILURES / "topology-editor.html").write_text(page.content(), encoding="utf-8")
            raise
        finally:
            chromium.close()


def hreflang(body, language):
    return urlsplit(soup(body).select_one(f'link[rel=alternate][hreflang="{language}"]')["href"]).path


def registrations_fill_one_limit(varnish, app_servers):
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = event_page(index, "Atelier topologie", slug="atelier-topologie", registration_mode="form", capacity=100)
    status, headers, body = get(varnish.url + event.url)
    assert status == 200
    cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    token = soup(body).select_one("input[name=csrfmiddlewaretoken]")["value"]

    def register(number):
        data = {"csrfmiddlewaretoken": token, "name": f"Lectrice {number}", "email": f"l{number}@example.org"}
        data["consent"] = "on"
        headers = {"Cookie": f"csrftoken={cookie}", "Referer": varnish.url + event.url}
        return get(f"{varnish.url}{event.url}inscription/", headers, urlencode(data).encode())[0]

    assert [register(number) for number in range(10)] == [302] * 10
    # Varnish's round robin sent them to both servers.
    logged_requests(app_servers, f"{event.url}inscription/", at_least=10)
    assert all(server.requests(f"{event.url}inscription/") for server in app_servers)
    assert [register(10), register(11)] == [429, 429]
    assert Registration.objects.filter(event=event).count() == 10


def every_page_type_with_one_server(varnish, app_servers):
    app_servers[1].stop()
    deadline = time.monotonic() + 20
    while varnish.healthy_backends() != 1:
        assert time.monotonic() < deadline, varnish.script("adm", "backend.list")
        time.sleep(0.5)
    # Nothing served from the cache: every page comes from the remaining server.
    varnish.script("adm", "ban", "req.url", "~", ".")
    for language in ("fr", "en"):
        for name, path in page_types(language).items():
            status = get(varnish.url + path)[0]
            assert status == (404 if name == "not-found" else 200), (language, name, path, status)


def search_titles(varnish):
    status, _headers, body = get(varnish.url + "/fr/recherche/?q=num%C3%A9rique")
    assert status == 200
    return [item.get_text(" ", strip=True) for item in soup(body).select("ol.search-results > li")]


def cluster(*arguments):
    result = subprocess.run([str(CLUSTER), *arguments], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def cluster_health(search_url, **query):
    status, _headers, body = get(f"{search_url}/_cluster/health?{urlencode(query)}")
    return status, json.loads(body)


def engine_count(search_url):
    status, _headers, body = get(f"{search_url}/topology_content_fr/_count")
    assert status == 200, body
    return json.loads(body)["count"]


def search_survives_one_node(varnish, search_url):
    status, health = cluster_health(search_url, wait_for_status="green", timeout="60s")
    assert (status, health["status"], health["number_of_nodes"]) == (200, "green", 2)
    _status, _headers, body = get(f"{search_url}/topology_content_fr/_settings")
    assert '"number_of_replicas":"1"' in body
    titles, count = search_titles(varnish), engine_count(search_url)
    assert titles
    cluster("stop-node", "2")
    status, health = cluster_health(search_url, wait_for_nodes="1", timeout="30s")
    assert (status, health["number_of_nodes"]) == (200, 1)
    # The engine itself answers in full, not the database backend standing in.
    assert engine_count(search_url) == count
    assert search_titles(varnish) == titles
    cluster("start-node", "2")
    status, health = cluster_health(search_url, wait_for_status="green", wait_for_nodes="2", timeout="90s")
    assert (status, health["status"], health["number_of_nodes"]) == (200, "green", 2)


def h1_of(url):
    status, _headers, body = get(url)
    assert status == 200, (url, status)
    return soup(body).select_one("h1").get_text(strip=True)


def found_by_search(app_server, words, title):
    status, _headers, body = get(f"{app_server.url}/fr/recherche/?{urlencode({'q': words})}")
    assert status == 200
    return any(title in item.get_text(" ", strip=True) for item in soup(body).select("ol.search-results > li"))


def search_update_waits_for_the_worker(environment, app_server, worker, varnish, report):
    """The worker stopped while an editor publishes: the page is live at once
    (read from the app server: Varnish's purge is queued too), and its search
    update and purge happen when the worker is back."""
    worker.stop()
    editor_publishes(environment, app_server, report, "Rapport zéphyrin", "rapport-zephyrin")
    report.refresh_from_db()
    assert h1_of(app_server.url + report.url) == "Rapport zéphyrin"
    time.sleep(LOG_DELAY)
    assert not found_by_search(app_server, "zéphyrin", "Rapport zéphyrin")
    worker.start()
    assert wait_until(lambda: found_by_search(app_server, "zéphyrin", "Rapport zéphyrin"), timeout=60)
    assert wait_until(lambda: h1_of(varnish.url + report.url) == "Rapport zéphyrin", timeout=30)


def test_readers_and_an_editor_through_varnish_two_servers_and_two_search_nodes(
    environment, worker, app_servers, varnish
):
    report = ReportPage.objects.live().filter(locale__language_code="fr").order_by("path").first()

    # 1. A reader reads a report twice: the second answer comes from Varnish alone.
    reader_reads_a_report_twice(varnish, app_servers, report)
    _status, _headers, english = get(varnish.url + report.url)
    english_path = hreflang(english, "en")
    assert get(varnish.url + english_path)[0] == 200
    # A listing read with a query string is another cache object, purged too.
    listing = report.get_parent().url + "?page=1"
    assert [get(varnish.url + listing)[1]["X-Cache"] for _ in range(2)] == ["MISS", "HIT"]

    # Varnish drops by tag: a tag only the report carries (the listing of its children; its
    # `page-` tag is its translation's too, whose hreflang links to it) drops its page alone.
    assert get(varnish.url + english_path)[1]["X-Cache"] == "HIT"
    purge = urllib.request.Request(varnish.url + "/", method="PURGE", headers={"xkey-purge": f"list-{report.pk}"})
    with urllib.request.urlopen(purge) as answer:
        assert answer.status == 200
    assert get(varnish.url + report.url)[1]["X-Cache"] == "MISS"
    assert get(varnish.url + english_path)[1]["X-Cache"] == "HIT"

    # 2. An editor publishes a change through one server's admin; Varnish shows it in both languages.
    editor_publishes(environment, app_servers[0], report, "Rapport revu", "rapport-revu")
    report.refresh_from_db()
    # The purge is a task: the worker sends it to Varnish within a moment.
    assert wait_until(lambda: h1_of(varnish.url + report.url) == "Rapport revu", timeout=30)
    assert wait_until(lambda: hreflang(get(varnish.url + english_path)[2], "fr") == report.url, timeout=30)
    assert wait_until(lambda: "Rapport revu" in soup(get(varnish.url + listing)[2]).select_one("main").get_text())

    # 3. Ten registrations from one client fill its limit across both servers.
    registrations_fill_one_limit(varnish, app_servers)

    # 4. One app server stopped: readers still get every page type.
    every_page_type_with_one_server(varnish, app_servers)

    # 5. One search node stopped: the same results; back, the cluster is green.
    search_survives_one_node(varnish, os.environ["TOPOLOGY_SEARCH_URL"])

    # 6. The task worker stopped while a page is published: live at once, in search when it is back.
    search_update_waits_for_the_worker(environment, app_servers[0], worker, varnish, report)

"""Journeys in a real browser: Playwright driving Debian's Chromium against a
live server. A failing journey leaves a screenshot and the page's HTML in
var/browser-failures/ and prints their paths."""

import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS
from roles.setup import apply_roles

FAILURES = Path(settings.BASE_DIR) / "var" / "browser-failures"
PASSWORD = "motdepasse-solide-42"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Live server: the data must be committed for the server thread to see it.
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(autouse=True)
def _wagtail_roots(browser, wagtail_roots):
    """Every browser test's live server reads committed data: the roots first."""


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        message = f"Chromium not found at {CHROMIUM} (install it with: apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering one request at a time: with SQLite
    in memory every request shares the test's only connection, and concurrent
    requests (the admin's background calls) would lock its tables."""
    from django.core.servers.basehttp import WSGIServer
    from django.test import testcases
    from pytest_django.live_server_helper import LiveServer

    class SerialWSGIServer(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # LiveServerThread.run() already gives its thread the shared connections.
            super().__init__(*args, **kwargs)

    class SerialLiveServerThread(testcases.LiveServerThread):
        server_class = SerialWSGIServer

    with mock.patch.object(testcases, "LiveServerThread", SerialLiveServerThread):
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context, request):
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        FAILURES.mkdir(parents=True, exist_ok=True)
        stem = FAILURES / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for current in page.context.pages:
            suffix = "" if current is page else f"-{page.context.pages.index(current)}"
            screenshot, html = Path(f"{stem}{suffix}.png"), Path(f"{stem}{suffix}.html")
            current.screenshot(path=screenshot, full_page=True)
            html.write_text(current.content(), encoding="utf-8")
            print(
                f"\n[browser] {request.node.nodeid} failed at {current.url}\n  screenshot: {screenshot}\n  html: {html}"
            )


@pytest.fixture
def roles(homes):
    apply_roles()
    return homes


@pytest.fixture
def login(context, live_server):
    """Log `user` into the browser context, as after the admin's login form."""

    def login(user):
        client = Client()
        client.force_login(user)
        context.clear_cookies()
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return login


@pytest.fixture
def member():
    def member(group_name, username):
        user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return member

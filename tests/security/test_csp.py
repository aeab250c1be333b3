"""Content-Security-Policy: no inline scripts on the public site, what Wagtail
needs under /admin/ only; checked in Chromium, which reports every blocked
script as a `securitypolicyviolation` event."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import browser, context, live_server, login, page  # noqa: F401
from tests.events.factories import at, event_index, event_page
from tests.reports.factories import report, report_index

# Chromium's events and console messages for blocked resources, inline code included.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def directive(header, name):
    return next(part.split()[1:] for part in header.split(";") if part.split()[:1] == [name])


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_and_the_admin_keeps_its_own(client, homes):
    public = client.get("/fr/accueil/")["Content-Security-Policy"]
    assert directive(public, "script-src") == ["'self'"]
    assert directive(public, "object-src") == ["'none'"]
    admin = client.get("/admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in directive(admin, "script-src")
    assert directive(admin, "object-src") == ["'none'"]


@pytest.fixture
def browser_page(page):  # noqa: F811
    messages = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: messages.append(message.text))
    page.csp_console = messages
    return page


def violations(page):  # noqa: F811
    return page.evaluate("window.cspViolations") + [m for m in page.csp_console if "Content Security Policy" in m]


@pytest.fixture
def content(homes):
    home_fr, _home_en = homes
    published_report = report(report_index(home_fr), "Pour une IA frugale")
    event = event_page(
        event_index(home_fr),
        "Atelier",
        slug="atelier",
        starts_at=at(2030, 3, 1, 18),
        ends_at=at(2030, 3, 1, 20),
        registration_mode="form",
        capacity=10,
    )
    return published_report, event


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_report_no_csp_violation(browser_page, content):
    published_report, event = content
    for url in ("/fr/accueil/", published_report.url, event.url, "/fr/recherche/?q=frugale"):
        browser_page.goto(url)
        browser_page.wait_for_load_state("networkidle")
        assert violations(browser_page) == [], url
    # The report's JSON-LD is there and not reported: Chromium does not treat
    # a non-JavaScript <script type> as a script for CSP.
    browser_page.goto(published_report.url)
    assert browser_page.locator("script[type='application/ld+json']").count() >= 1
    assert violations(browser_page) == []
    # The suggestions (site.js) run under the search page's box.
    browser_page.goto("/fr/recherche/")
    browser_page.locator("input[name=q]").first.fill("frug")
    browser_page.wait_for_load_state("networkidle")
    assert violations(browser_page) == []


def test_admin_page_editor_works_without_csp_error(browser_page, content, login, superuser, settings):  # noqa: F811
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    published_report, _event = content
    login(superuser)
    browser_page.goto(f"/admin/pages/{published_report.pk}/edit/")
    browser_page.fill("#id_title", "Pour une IA sobre")
    browser_page.locator("footer").get_by_role("button", name="Enregistrer le brouillon").click()
    expect(browser_page.locator(".messages")).to_contain_text("Pour une IA sobre")
    assert violations(browser_page) == []
    published_report.refresh_from_db()
    assert published_report.get_latest_revision_as_object().title == "Pour une IA sobre"

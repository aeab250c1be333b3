"""The public site as readers see it, on a desktop and a phone: screenshots of
each page type under var/screenshots/ (to look at after a design change), and
no page wider than a 390 px phone screen."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import EventPage, upcoming_events
from initiatives.models import InitiativePage
from news.models import NewsArticlePage
from reports.models import ReportPage

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def demo(locales):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def french_pages():
    """{name: path} of one page of each type, in French."""
    report = ReportPage.objects.live().filter(locale__language_code="fr").order_by("-publication_date").first()
    event = upcoming_events(report.locale).first() or EventPage.objects.live().filter(locale=report.locale).first()
    article = NewsArticlePage.objects.live().filter(locale=report.locale).first()
    initiative = InitiativePage.objects.live().filter(locale=report.locale).first()
    return {
        "home-fr": "/fr/",
        "home-en": "/en/",
        "report": report.url,
        "report-index": report.get_parent().url,
        "event": event.url,
        "event-index": event.get_parent().url,
        "article": article.url,
        "news-index": article.get_parent().url,
        "initiative": initiative.url,
        "topics": "/fr/themes/",
        "search": "/fr/recherche/?q=donn%C3%A9es",
        "not-found": "/fr/nexiste-pas/",
    }


def shoot(browser, live_server, viewport, pages, suffix):
    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="fr-FR")
    page = context.new_page()
    widths = {}
    try:
        for name, path in pages.items():
            page.goto(path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{suffix}.png"), full_page=True)
            widths[name] = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    return widths


def test_every_page_type_fits_a_phone_and_is_photographed(browser, live_server, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = french_pages()

    shoot(browser, live_server, DESKTOP, pages, "1280")
    widths = shoot(browser, live_server, PHONE, pages, "390")

    too_wide = {name: width for name, width in widths.items() if width > PHONE["width"]}
    assert not too_wide, f"wider than the phone's screen: {too_wide}"


def test_phone_menu_opens_and_search_box_submits(page, live_server, demo):
    page.set_viewport_size(PHONE)
    page.goto("/en/")
    nav_link = page.get_by_role("navigation", name="Main menu").get_by_role("link").first
    assert not nav_link.is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert nav_link.is_visible()
    page.get_by_role("searchbox", name="Search the site").fill("data")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url("**/en/search/?q=data")

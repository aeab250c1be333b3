"""The public site as readers see it, on a desktop and a phone: screenshots of
each page type under var/screenshots/ (to look at after a design change), and
no page wider than a 390 px phone screen."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

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


# A column of text wider than this many characters ("0"s of its font) is tiring to read.
LONGEST_LINE = 80

MEASURES = """() => {
    const box = (element) => element && element.getBoundingClientRect().toJSON();
    const paragraph = document.querySelector("article .body p, article .event__body p");
    const zero = document.createElement("span");
    zero.textContent = "0".repeat(100);
    zero.style.cssText = "position: absolute; white-space: nowrap";
    paragraph.append(zero);
    const characters = paragraph.getBoundingClientRect().width / (zero.getBoundingClientRect().width / 100);
    zero.remove();
    return {aside: box(document.querySelector(".page-aside")), text: box(paragraph),
            heading: box(document.querySelector("article h1")), characters};
}"""


def test_long_pages_set_their_contents_or_facts_beside_the_text_on_a_wide_screen(browser, live_server, demo):
    """An article, an event and an initiative, in both languages: on a 1280 px screen the
    column of contents or key facts sits beside the text, at the top, instead of leaving the
    screen's right half empty; on a phone it stays in the text's column; the text keeps a
    comfortable line length on both."""
    pages = {}
    for model in (NewsArticlePage, EventPage, InitiativePage):
        french = model.objects.live().filter(locale__language_code="fr").first()
        pages[french.title] = french.url
        english = french.get_translation(Locale.objects.get(language_code="en"))
        pages[english.title] = english.url
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(base_url=live_server.url, viewport=viewport)
        page = context.new_page()
        try:
            for title, path in pages.items():
                page.goto(path)
                measures = page.evaluate(MEASURES)
                aside, text = measures["aside"], measures["text"]
                assert measures["characters"] <= LONGEST_LINE, (title, viewport, measures["characters"])
                if viewport is DESKTOP:
                    assert aside["x"] >= text["x"] + text["width"], (title, "beside the text")
                    assert aside["y"] < measures["heading"]["y"] + measures["heading"]["height"], (title, "at the top")
                else:
                    assert aside["x"] == text["x"] and aside["y"] > measures["heading"]["y"], (title, "below, in line")
        finally:
            context.close()

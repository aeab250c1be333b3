"""The search boxes' suggestions, as a reader meets them: typed into the
header's box of any page, or the search page's own box (which is then the
page's only one). The behaviour is part of the site's one script: no page
fetches a script of its own for it."""

from playwright.sync_api import expect

from tests.kit.factories import TopicFactory
from tests.news.factories import add_child
from topics.models import TopicIndexPage


def test_suggestions_under_the_header_box_and_the_search_page_box(page, live_server, homes):
    add_child(homes[0], TopicIndexPage(title="Thèmes", slug="themes"))
    TopicFactory(name="Frugalité numérique", slug="frugalite-numerique")
    scripts = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)

    page.goto("/fr/themes/")
    box = page.locator("header").get_by_role("searchbox", name="Rechercher sur le site")
    expect(page.locator(".search-suggestions")).to_have_count(0)
    box.fill("frug")
    suggestion = page.locator("header .search-suggestions").get_by_role("link", name="Frugalité numérique")
    expect(suggestion).to_be_visible()
    assert box.get_attribute("aria-controls") == page.locator("header .search-suggestions").get_attribute("id")
    box.press("Escape")
    expect(suggestion).to_be_hidden()
    assert [url.rsplit("/", 1)[-1] for url in scripts] == ["site.js"]

    page.goto("/fr/recherche/")
    expect(page.get_by_role("searchbox")).to_have_count(1)
    page.get_by_role("searchbox", name="Rechercher sur le site").fill("frug")
    suggestion = page.locator("main .search-suggestions").get_by_role("link", name="Frugalité numérique")
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(page).to_have_url(f"{live_server.url}/fr/themes/frugalite-numerique/")

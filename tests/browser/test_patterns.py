"""The pattern page (editorial.patterns) in Chromium at 1280 and 390 px: a
screenshot of each width under var/screenshots/ to look at after changing a
component, no violation axe counts, and no component wider than a phone."""

import json

from .test_accessibility import RUN_AXE, WCAG_TAGS, WIDTHS, axe_source, counted  # noqa: F401 (the fixture)
from .test_design import SCREENSHOTS


def test_pattern_page_draws_every_component_at_both_widths(browser, live_server, settings, axe_source):  # noqa: F811
    settings.PATTERN_LIBRARY = True
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    for width, viewport in WIDTHS.items():
        # The site's CSP refuses inline scripts, and axe is injected as one.
        context = browser.new_context(base_url=live_server.url, viewport=viewport, bypass_csp=True)
        page = context.new_page()
        try:
            page.goto("/patterns/")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(SCREENSHOTS / f"patterns-{width}.png"), full_page=True)
            assert page.locator("section[lang=fr] li.card").count() == page.locator("section[lang=en] li.card").count()
            assert page.locator("section[lang=en] .callout").count() == 1
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            page.add_script_tag(path=str(axe_source))
            violations = [v for v in page.evaluate(RUN_AXE, [*WCAG_TAGS, "best-practice"]) if counted(v)]
            if violations:
                found[width] = violations
        finally:
            context.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)

"""axe-core in Chromium over every page type, in both languages, on a desktop
and a phone: no WCAG 2.1 A/AA violation, and none of the best-practice rules
`heading-order` and `region`. axe-core is the npm package that
services/run-tests.sh installs under var/node/."""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

from .site_pages import demo, every_page_type  # noqa: F401 (the demo fixture)

AXE = Path(settings.BASE_DIR) / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEST_PRACTICES = {"heading-order", "region"}
WIDTHS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}

RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return results.violations.map(v => ({id: v.id, tags: v.tags, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""


@pytest.fixture
def axe_source():
    if not AXE.exists():
        message = f"axe-core not installed at {AXE} (services/run-tests.sh installs it with npm)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return AXE


def counted(violation):
    return violation["id"] in BEST_PRACTICES or any(tag in WCAG_TAGS for tag in violation["tags"])


def test_every_page_type_passes_axe_in_both_languages_and_widths(browser, live_server, demo, axe_source):  # noqa: F811
    pages = every_page_type()
    found = {}
    checked = 0
    for width, viewport in WIDTHS.items():
        # The site's CSP refuses inline scripts, and axe is injected as one.
        context = browser.new_context(base_url=live_server.url, viewport=viewport, bypass_csp=True)
        page = context.new_page()
        try:
            for name, path in pages:
                page.goto(path)
                page.add_script_tag(path=str(axe_source))
                violations = [v for v in page.evaluate(RUN_AXE, [*WCAG_TAGS, "best-practice"]) if counted(v)]
                checked += 1
                if violations:
                    found[f"{name} @{width}px {path}"] = violations
        finally:
            context.close()
    print(f"\n[axe] {checked} page views checked, {sum(len(v) for v in found.values())} violations")
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)

"""What a reader's browser pays for a page on a first visit at phone size:
Debian's Chromium driven by Playwright counts the bytes on the wire, the
requests, the DOM elements and the largest contentful paint; EcoIndex is
computed from the first three; Lighthouse, when installed, adds its four
categories and its simulated LCP (throttled like a mid-range phone on 4G)."""

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Lighthouse's mobile device (a Moto G Power): the same viewport and density
# for our own measure, so that both pick the same images from a srcset.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
# Installed by services/run-tests.sh beside axe-core and vnu-jar (12.8.2: the last to run on Node 20).
LIGHTHOUSE = Path(settings.BASE_DIR) / "var" / "node" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# EcoIndex (ecoindex.fr, cnumr/ecoindex_reference): each measure's position
# among the quantiles of the HTTP Archive's pages, weighted 3 (DOM), 2
# (requests) and 1 (kilobytes).
DOM_QUANTILES = [
    0,
    47,
    75,
    159,
    233,
    298,
    358,
    417,
    476,
    537,
    603,
    674,
    753,
    843,
    949,
    1076,
    1237,
    1459,
    1801,
    2479,
    594601,
]
REQUEST_QUANTILES = [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920]
KB_QUANTILES = [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32,
    1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
]  # fmt: skip
GRADES = [(80, "A"), (70, "B"), (55, "C"), (40, "D"), (25, "E"), (10, "F")]

# Elements, without those drawing inside an SVG (EcoIndex counts the <svg> only);
# the LCP the browser observed (unthrottled), once the page has loaded.
MEASURE_SCRIPT = """() => new Promise(resolve => {
    const dom = document.getElementsByTagName('*').length - document.querySelectorAll('svg *').length;
    let lcp = null;
    new PerformanceObserver(list => {
        const entries = list.getEntries();
        lcp = entries[entries.length - 1].startTime;
    }).observe({type: 'largest-contentful-paint', buffered: true});
    setTimeout(() => resolve({dom, lcp}), 100);
})"""


def _quantile_position(quantiles, value):
    for index in range(1, len(quantiles)):
        if value < quantiles[index]:
            return index - 1 + (value - quantiles[index - 1]) / (quantiles[index] - quantiles[index - 1])
    return len(quantiles) - 1


def ecoindex(dom, requests, kilobytes):
    """(score out of 100, grade A-G)."""
    positions = (
        3 * _quantile_position(DOM_QUANTILES, dom)
        + 2 * _quantile_position(REQUEST_QUANTILES, requests)
        + _quantile_position(KB_QUANTILES, kilobytes)
    )
    score = 100 - 5 * positions / 6
    return score, next((grade for floor, grade in GRADES if score > floor), "G")


@dataclass
class FirstVisit:
    url: str
    bytes: int
    requests: int
    dom: int
    lcp_ms: float | None
    # (kind of resource, bytes) per request, to say where the bytes go.
    resources: list

    @property
    def ecoindex(self):
        return ecoindex(self.dom, self.requests, self.bytes / 1000)


def first_visit(browser, base_url, path):
    """A first visit (empty cache, no cookie) to `path` at phone size."""
    context = browser.new_context(base_url=base_url, **PHONE)
    try:
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        kinds, transferred = {}, {}
        session.on("Network.requestWillBeSent", lambda event: kinds.setdefault(event["requestId"], event.get("type")))
        session.on(
            "Network.loadingFinished",
            lambda event: transferred.__setitem__(event["requestId"], event["encodedDataLength"]),
        )
        response = page.goto(path, wait_until="networkidle")
        if response is None or response.status >= 400:
            raise RuntimeError(f"GET {path}: HTTP {response.status if response else 'no response'}")
        measured = page.evaluate(MEASURE_SCRIPT)
        page.wait_for_load_state("networkidle")
        resources = [(kinds.get(request_id) or "Other", size) for request_id, size in transferred.items()]
        return FirstVisit(
            url=path,
            bytes=sum(size for _kind, size in resources),
            requests=len(resources),
            dom=measured["dom"],
            lcp_ms=measured["lcp"],
            resources=resources,
        )
    finally:
        context.close()


@dataclass
class LighthouseRun:
    scores: dict
    # None when the performance category was not asked for.
    lcp_ms: float | None
    # Audits Lighthouse could not run (an error, not a failure of the page).
    errors: list
    # The scored audits of the asked categories the page fails, to say why a score is not 100.
    failed: list
    # Each run's simulated LCP, when the figures are a median of several runs.
    lcp_runs_ms: list = field(default_factory=list)


def run_lighthouse(url, lighthouse_path=LIGHTHOUSE, categories=LIGHTHOUSE_CATEGORIES):
    """Lighthouse's mobile run of `url` with Debian's Chromium."""
    command = [
        str(lighthouse_path),
        url,
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=" + " ".join(arg for arg in CHROMIUM_ARGS if arg != "--headless") + " --headless=new",
        f"--only-categories={','.join(categories)}",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        # Neither is read here; both cost seconds a page.
        "--disable-full-page-screenshot",
        "--skip-audits=screenshot-thumbnails,final-screenshot",
    ]
    if "performance" not in categories:
        # Accessibility, best practices and SEO do not depend on the network's speed.
        command.append("--throttling-method=provided")
    for _attempt in range(2):
        completed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        # Its trace of the load sometimes misses the navigation's start on a busy machine
        # (NO_NAVSTART, "Please run Lighthouse again"): once more, as it asks.
        if completed.returncode == 0:
            break
    else:
        raise RuntimeError(f"lighthouse {url}: {completed.stderr.strip()[-500:]}")
    report = json.loads(completed.stdout)
    audits = report["audits"]
    scored = {ref["id"] for name in categories for ref in report["categories"][name]["auditRefs"] if ref["weight"]}
    return LighthouseRun(
        scores={name: round(report["categories"][name]["score"] * 100) for name in categories},
        lcp_ms=audits["largest-contentful-paint"]["numericValue"] if "performance" in categories else None,
        errors=sorted(name for name, audit in audits.items() if audit.get("scoreDisplayMode") == "error"),
        failed=sorted(name for name in scored if audits[name].get("score") is not None and audits[name]["score"] < 1),
    )

"""A benchmark, not a test: serve the site with gunicorn under production
settings (static files collected and precompressed, pages gzipped) and, for
one page of each type in each language, print what a first visit at phone
size costs the reader's browser, with the budgets of the site:

    python manage.py browser_benchmark [--skip-lighthouse] [--runs 5]

Bytes, requests and DOM elements are Chromium's own counts (DevTools'
"transferred"); LCP is observed on this machine, unthrottled; Lighthouse's
columns (its categories and its simulated LCP on a throttled phone) need
Lighthouse 12.8.2 under var/lighthouse:

    npm install --prefix var/lighthouse lighthouse@12.8.2

The database's pages are used as they are: the demo (`load_demo`) or the
corpus of `site_benchmark`."""

import os
import statistics
import tempfile
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from benchmarks.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LIGHTHOUSE,
    LIGHTHOUSE_CATEGORIES,
    LighthouseRun,
    first_visit,
    run_lighthouse,
)
from benchmarks.pages import page_types
from benchmarks.serving import collect_static, gunicorn

# Every page type's first visit, at most: the goal of a site that weighs
# less than 100 kB wherever a reader lands (tests/browser/test_page_weight.py
# holds each type to its own, lower, budget).
BUDGET_BYTES = 100_000
# The other goals of issue 30, checked on each row: EcoIndex, Lighthouse's four
# categories (search's SEO excepted: it is `noindex` on purpose) and its simulated LCP.
GOAL_ECOINDEX = 90
GOAL_LIGHTHOUSE = 100
GOAL_LCP_MS = 1500


class Command(BaseCommand):
    help = "Bytes, requests, DOM size, LCP, EcoIndex and Lighthouse of every page type's first visit at phone size."

    def add_arguments(self, parser):
        parser.add_argument("--skip-lighthouse", action="store_true", help="Only Chromium's own measures.")
        parser.add_argument("--lighthouse", default=str(LIGHTHOUSE), help="The lighthouse executable.")
        parser.add_argument(
            "--language", action="append", help="Only this language (repeatable); Lighthouse takes a minute a page."
        )
        parser.add_argument("--type", action="append", dest="types", help="Only this page type (repeatable).")
        parser.add_argument(
            "--runs",
            type=int,
            default=1,
            help="Lighthouse runs a page: its median LCP and lowest scores (one run varies by some 50 ms).",
        )

    def handle(self, *args, skip_lighthouse, lighthouse, language, types, runs, **options):
        from playwright.sync_api import sync_playwright

        lighthouse_path = None if skip_lighthouse else Path(lighthouse)
        if lighthouse_path and not lighthouse_path.exists():
            self.stdout.write(f"Lighthouse not found at {lighthouse_path}: its columns are left empty.")
            lighthouse_path = None
        languages = language or [code for code, _name in settings.LANGUAGES]
        rows = [(code, name, url) for code in languages for name, url in page_types(code) if not types or name in types]
        results = []
        load_before = os.getloadavg()
        with tempfile.TemporaryDirectory(prefix="browser-benchmark-") as folder:
            static_root = Path(folder) / "static"
            collect_static(static_root)
            with gunicorn(static_root, log_path=Path(folder) / "gunicorn.log") as port, sync_playwright() as driver:
                base_url = f"http://127.0.0.1:{port}"
                for _language, _name, url in rows:
                    # Renditions are made by a page's first render: not a reader's cost.
                    urllib.request.urlopen(base_url + url, timeout=120).read()
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                for language, name, url in rows:
                    visit = first_visit(browser, base_url, url)
                    audit = self.audit(base_url + url, lighthouse_path, runs) if lighthouse_path else None
                    results.append((language, name, visit, audit))
                browser.close()
        self.print_table(results)
        self.stdout.write(
            "Machine load average (1 min) before / after: "
            f"{load_before[0]:.1f} / {os.getloadavg()[0]:.1f} (LCP figures depend on it; bytes, requests and DOM do not)."
        )

    @staticmethod
    def audit(url, lighthouse_path, runs):
        """Lighthouse `runs` times: the median simulated LCP, each category's lowest score."""
        audits = [run_lighthouse(url, lighthouse_path) for _run in range(max(runs, 1))]
        return LighthouseRun(
            scores={category: min(audit.scores[category] for audit in audits) for category in LIGHTHOUSE_CATEGORIES},
            lcp_ms=statistics.median(audit.lcp_ms for audit in audits),
            errors=sorted({error for audit in audits for error in audit.errors}),
            failed=sorted({name for audit in audits for name in audit.failed}),
            lcp_runs_ms=[audit.lcp_ms for audit in audits],
        )

    def print_table(self, results):
        self.stdout.write("")
        self.stdout.write(
            "First visit at phone size (412×823, density 1.75), empty cache, gunicorn under production settings. "
            f"Goals: {BUDGET_BYTES / 1000:.0f} kB at most, EcoIndex {GOAL_ECOINDEX} at least, Lighthouse "
            f"{GOAL_LIGHTHOUSE} in every category (search's SEO excepted), simulated LCP {GOAL_LCP_MS} ms at most."
        )
        lighthouse_header = " ".join(f"{name[:4]:>4}" for name in LIGHTHOUSE_CATEGORIES)
        header = (
            f"{'lang':<4} {'page type':<22} {'kB':>6} {'req':>4} {'DOM':>5} {'LCP ms':>7} {'EcoIndex':>9}  "
            f"{'LH LCP':>7} {lighthouse_header}  goals missed  URL"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        errors = set()
        for language, name, visit, audit in results:
            score, grade = visit.ecoindex
            missed = self.goals_missed(name, visit, audit)
            if audit:
                scores = " ".join(f"{audit.scores[category]:>4}" for category in LIGHTHOUSE_CATEGORIES)
                lighthouse_cells = f"{audit.lcp_ms:>7.0f} {scores}"
                errors.update(audit.errors)
            else:
                lighthouse_cells = f"{'-':>7} " + " ".join(f"{'-':>4}" for _ in LIGHTHOUSE_CATEGORIES)
            lcp = f"{visit.lcp_ms:>7.0f}" if visit.lcp_ms is not None else f"{'-':>7}"
            runs = (
                f"  LH LCP runs: {', '.join(f'{ms:.0f}' for ms in audit.lcp_runs_ms)}"
                if audit and len(audit.lcp_runs_ms) > 1
                else ""
            )
            self.stdout.write(
                f"{language:<4} {name:<22} {visit.bytes / 1000:>6.1f} {visit.requests:>4} {visit.dom:>5} {lcp} "
                f"{score:>7.1f} {grade}  {lighthouse_cells}  {', '.join(missed) or 'none':<12}  {visit.url}{runs}"
            )
        if errors:
            self.stdout.write(f"Lighthouse audits that could not run: {', '.join(sorted(errors))}")

    @staticmethod
    def goals_missed(name, visit, audit):
        missed = []
        if visit.bytes > BUDGET_BYTES:
            missed.append("kB")
        if visit.ecoindex[0] < GOAL_ECOINDEX:
            missed.append("Eco")
        if audit:
            exempt = {"seo"} if name == "search" else set()
            if any(audit.scores[category] < GOAL_LIGHTHOUSE for category in set(LIGHTHOUSE_CATEGORIES) - exempt):
                missed.append("LH")
            if audit.lcp_ms > GOAL_LCP_MS:
                missed.append("LCP")
        return missed

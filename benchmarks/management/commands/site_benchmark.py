"""A benchmark, not a test: build a bilingual corpus, serve it with gunicorn
under production settings, and print for each page type its SQL queries with
an empty cache, its uncached and cached latency, and the static-file floor
(the same HTML bytes served by whitenoise from the same server), with each
figure's ratio to that floor.

    DATABASE_URL=postgres://... python manage.py migrate
    DATABASE_URL=postgres://... python manage.py site_benchmark --pages 10000

"Uncached" is a server without the page cache, rendering every request with
the site-wide data, the pages' bodies, the home page's sections and the
indexes' pages of cards from the cache, as when a page's cache entry expires
or what is around its body changes; "body too" renders bodies, sections and
cards on every request as well, as after the page's own publication;
"cached" is the production server, whose page cache answers after the first
request. Each is timed in turn with the floor, request by request, on its own
server."""

import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from benchmarks.corpus import build_corpus
from benchmarks.memory import page_cache_memory
from benchmarks.pages import last_page, page_types
from benchmarks.serving import collect_static, floor_path, gunicorn, summary, time_paths


class Command(BaseCommand):
    help = "Time every page type on a generated bilingual corpus, against the static-file floor."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000, help="Generated pages, half of them English.")
        parser.add_argument("--requests", type=int, default=30, help="Timed requests per page and server.")
        parser.add_argument("--warm-up", type=int, default=2, help="Untimed requests before each timed series.")
        parser.add_argument("--skip-reindex", action="store_true", help="Keep the search index as it is.")

    def handle(self, *args, pages, requests, warm_up, skip_reindex, **options):
        vendor = connection.vendor
        self.stdout.write(f"Database: {vendor}. Corpus of {pages} generated pages:")
        report = build_corpus(pages, self.stdout)
        self.stdout.write(
            f"Corpus: {report.pages} generated pages ({report.added} added in {report.seconds:.1f} s); "
            f"{Page.objects.count()} pages in the site."
        )
        if not skip_reindex:
            started = time.perf_counter()
            call_command("update_index", backend_name="default", stdout=self.stdout, verbosity=0)
            self.stdout.write(f"Search reindex (database backend): {time.perf_counter() - started:.1f} s")

        rows = []
        measured = {}
        for language, _name in settings.LANGUAGES:
            for name, url in page_types(language):
                rows.append((language, name, url))
                measured[rows[-1]] = self.queries_and_html(url)
                deepest = last_page(url, measured[rows[-1]][1])
                if deepest:
                    rows.append((language, f"{name}: last page", deepest))
                    measured[rows[-1]] = self.queries_and_html(deepest)

        with tempfile.TemporaryDirectory(prefix="site-benchmark-") as folder:
            static_root = Path(folder) / "static"
            collect_static(static_root)
            floors = {
                key: floor_path(static_root, f"page{number}", measured[key][1]) for number, key in enumerate(rows)
            }
            timings = {}
            log = Path(folder) / "gunicorn.log"
            servers = {
                "uncached": {"page_cache": False},
                "body too": {"page_cache": False, "body_cache": False},
                "cached": {"page_cache": True},
            }
            for kind, options in servers.items():
                with gunicorn(static_root, log_path=log, **options) as port:
                    for key in rows:
                        # In turn with the floor, request by request, on the same server: the
                        # ratio to the floor is what this measures, and both see the same load.
                        timings[key, f"{kind} floor"], timings[key, kind] = time_paths(
                            port, [floors[key], key[2]], requests, warm_up
                        )
        self.print_table(rows, measured, timings, requests)
        self.print_cache_memory([url for _language, _name, url in rows])

    def queries_and_html(self, url):
        """SQL queries of one GET with an empty cache, as after Redis restarts
        (the site-wide data computed again), and the HTML it returned."""
        # The connection keeps at most 9,000 queries: after building the corpus
        # the log is full and counting by its length would find none.
        connection.queries_log.clear()
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            Client().get(url, secure=True)
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = Client().get(url, secure=True)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}: HTTP {response.status_code}")
        return len(queries), response.content

    def print_cache_memory(self, urls):
        memory = page_cache_memory(urls)
        median, mean = memory.per_page
        pages = Page.objects.filter(depth__gt=1).count()
        self.stdout.write("")
        self.stdout.write(
            f"Page cache ({memory.where}): {median / 1024:.1f} kB per page (median; mean {mean / 1024:.1f} kB) "
            f"over these {len(memory.sizes)} pages, {sum(memory.sizes.values()) / 1024:.0f} kB for them "
            f"and {memory.other_bytes / 1024:.0f} kB of site-wide data, bodies and tags; "
            f"every one of the site's {pages} pages cached: about {mean * pages / 2**20:.0f} MB."
        )

    def print_table(self, rows, measured, timings, requests):
        self.stdout.write("")
        self.stdout.write(
            f"Median / p95 in ms over {requests} requests each, one gunicorn worker, production settings; "
            "× = ratio of the median to the static floor's, timed in turn on the same server "
            "(the floor column: the cached server's)."
        )
        header = (
            f"{'language':<4} {'page type':<22} {'SQL':>4}  {'floor':>11}  {'uncached':>11} {'×':>6}  "
            f"{'body too':>11} {'×':>6}  {'cached':>11} {'×':>6}  URL"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for key in rows:
            language, name, url = key
            floor = summary(timings[key, "cached floor"])
            cells = " ".join(
                f" {median:>5.1f}/{p95:<5.1f} {median / summary(timings[key, f'{kind} floor'])[0]:>5.1f}×"
                for kind in ("uncached", "body too", "cached")
                for median, p95 in [summary(timings[key, kind])]
            )
            self.stdout.write(
                f"{language:<4} {name:<22} {measured[key][0]:>4}  {floor[0]:>5.1f}/{floor[1]:<5.1f} {cells}  {url}"
            )

"""A bounded load run through Varnish: readers over the pages of the sitemap
and the search, while an editor publishes a page every few seconds (its purge
going through the task worker, as in production). Prints throughput,
p50/p95/p99 and the answers by status, with the machine's load.

    manage.py load_benchmark --url http://localhost:6189 --seconds 60 --readers 50

Run it against a running topology (docs/production.md) and with that
topology's DATABASE_URL, so that the editor's publishing reaches its servers.
A benchmark, not a test: it fails nothing, it prints figures."""

import collections
import os
import re
import threading
import time
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import urlopen

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from benchmarks.serving import percentile

SEARCH_WORDS = ["données", "intelligence artificielle", "climat", "souveraineté", "santé", "éducation"]
PUBLISH_EVERY_SECONDS = 5


def answer_kind(error):
    """An error's status, with who answered a 503: the app's maintenance page
    or Varnish itself (its "Guru Meditation" page, with its reason)."""
    if error.code != 503:
        return error.code
    if "Guru Meditation" in error.read().decode(errors="replace"):
        return f"503 from Varnish ({error.reason})"
    return "503 from the app servers"


class Readers:
    def __init__(self, base_url, paths):
        self.base_url, self.paths = base_url, paths
        self.lock = threading.Lock()
        self.timings, self.statuses = [], collections.Counter()

    def read(self, number, deadline):
        index = number
        while time.monotonic() < deadline:
            path = self.paths[index % len(self.paths)]
            index += 7
            started = time.monotonic()
            try:
                with urlopen(self.base_url + path, timeout=30) as response:
                    response.read()
                    status = response.status
            except HTTPError as error:
                status = answer_kind(error)
            except (URLError, OSError):
                status = "no answer"
            elapsed = time.monotonic() - started
            with self.lock:
                self.timings.append(elapsed)
                self.statuses[status] += 1


class Command(BaseCommand):
    help = "Readers and search through Varnish while an editor publishes: throughput and latency percentiles."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://localhost:6189", help="Varnish (or any front) to read through")
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--readers", type=int, default=50)

    def handle(self, url, seconds, readers, **options):
        if not 0 < seconds <= 60 or not 0 < readers <= 50:
            raise CommandError("A bounded run: at most 60 seconds and 50 readers.")
        with urlopen(url + "/sitemap.xml", timeout=30) as response:
            sitemap = response.read().decode()
        pages = sorted({re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)})
        searches = [f"/fr/recherche/?q={quote(word)}" for word in SEARCH_WORDS]
        # Four page reads for one search, as readers browse more than they search.
        paths = [path for group in zip(*[iter(pages)] * 4, strict=False) for path in (*group, searches[0])]
        paths += searches
        load_before = os.getloadavg()
        run = Readers(url, paths)
        deadline = time.monotonic() + seconds
        threads = [threading.Thread(target=run.read, args=(number, deadline)) for number in range(readers)]
        publishing = threading.Thread(target=self.publish, args=(deadline,))
        started = time.monotonic()
        for thread in [*threads, publishing]:
            thread.start()
        for thread in [*threads, publishing]:
            thread.join()
        elapsed = time.monotonic() - started
        self.report(run, elapsed, readers, len(pages), load_before, os.getloadavg())

    def publish(self, deadline):
        """The editor: republishes the first French report every few seconds."""
        page = Page.objects.filter(locale__language_code="fr", content_type__model="reportpage").first()
        self.published = 0
        while page is not None and time.monotonic() < deadline:
            page.specific.save_revision().publish()
            self.published += 1
            time.sleep(PUBLISH_EVERY_SECONDS)

    def report(self, run, elapsed, readers, page_count, load_before, load_after):
        timings = run.timings or [0]
        write = self.stdout.write
        write(f"load run: {readers} readers for {elapsed:.0f} s over {page_count} pages and the search")
        write(f"  editor publications: {self.published}")
        write(f"  requests: {len(run.timings)}, throughput {len(run.timings) / elapsed:.0f} requests/s")
        write(
            "  latency: p50 {:.0f} ms, p95 {:.0f} ms, p99 {:.0f} ms".format(
                *(1000 * percentile(timings, share) for share in (0.5, 0.95, 0.99))
            )
        )
        write(
            "  answers by status: "
            + ", ".join(f"{status}: {count}" for status, count in sorted(run.statuses.items(), key=str))
        )
        write(f"  machine load (1, 5, 15 min): before {load_before}, after {tuple(round(x, 2) for x in load_after)}")

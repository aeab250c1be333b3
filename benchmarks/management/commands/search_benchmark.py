"""A benchmark, not a test: on a generated bilingual corpus, the time of a full
reindex and the latency of the JSON search endpoint and of the HTML search
page, on the engine and on Wagtail's database backend side by side.

    export DATABASE_URL=postgres://... SEARCH_URL=http://127.0.0.1:9250
    python manage.py migrate
    python manage.py search_benchmark --pages 10000

The corpus (benchmarks.corpus, shared with site_benchmark) is built once and
reused by later runs.
The engine's indexes are named with the `bench_` prefix (--index-prefix) and
deleted at the end (--keep keeps them). Requests go through Django's test client (the whole
Django stack, without network), after a warm-up that is not counted."""

import random
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings

from benchmarks.corpus import WORDS, build_corpus
from benchmarks.serving import percentile
from search import indexing
from search.links import search_url

WARM_UP = 20


class Command(BaseCommand):
    help = "Benchmark search on a generated bilingual corpus: reindex time, latency of /api/search/ and of the search page on the engine and the database backend."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages", type=int, default=10_000, help="Pages in the corpus, half of them in each language."
        )
        parser.add_argument(
            "--queries", type=int, default=100, help="Timed queries per backend, endpoint and language."
        )
        parser.add_argument("--keep", action="store_true", help="Keep the benchmark's engine indexes.")
        parser.add_argument(
            "--skip-reindex",
            action="store_true",
            help="Time the searches only, on the engine indexes an earlier run left with --keep.",
        )
        parser.add_argument(
            "--index-prefix", default="bench_", help="Prefix of the benchmark's engine indexes (one per checkout)."
        )
        parser.add_argument(
            "--engine-only",
            action="store_true",
            help="Time the engine only (the database backend is slow at 100,000 pages).",
        )
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, pages, queries, keep, skip_reindex, index_prefix, engine_only, seed, **options):
        if "engine" not in settings.WAGTAILSEARCH_BACKENDS:
            raise CommandError(
                "Set SEARCH_URL (and SEARCH_BACKEND) to benchmark the engine against the database backend."
            )
        corpus = build_corpus(pages, self.stdout)
        if corpus.added and not engine_only:
            # The corpus is built without updating the database backend's index page by page.
            started = time.perf_counter()
            call_command("update_index", backend_name="default", stdout=self.stdout, verbosity=0)
            self.stdout.write(f"Database backend reindex: {time.perf_counter() - started:.1f}s")
        engine_config = {**settings.WAGTAILSEARCH_BACKENDS["engine"], "INDEX_PREFIX": index_prefix}
        backends = {
            "engine": {**settings.WAGTAILSEARCH_BACKENDS, "engine": engine_config},
            "database": {"default": settings.WAGTAILSEARCH_BACKENDS["default"]},
        }
        if engine_only:
            del backends["database"]
        languages = indexing.languages()

        engine_name = f"{settings.SEARCH_BACKEND} at {engine_config['URLS'][0]}"
        with override_settings(WAGTAILSEARCH_BACKENDS=backends["engine"]):
            engine = indexing.get_engine()
            if skip_reindex:
                missing = [language for language in languages if not engine.index_exists(language)]
                if missing:
                    raise CommandError(f"No benchmark index for {', '.join(missing)}: run once with --keep.")
                indexed = sum(engine.es.count(index=engine.index_name(language))["count"] for language in languages)
                self.stdout.write(f"Indexes of an earlier run ({engine_name}): {indexed} documents")
            else:
                started = time.perf_counter()
                indexed = sum(indexing.rebuild(language) for language in languages)
                elapsed = time.perf_counter() - started
                self.stdout.write(
                    f"Full reindex ({engine_name}): {indexed} documents in {elapsed:.1f}s "
                    f"({indexed / elapsed:.0f} documents/s)"
                )

        rng = random.Random(seed)
        texts = {
            language: [" ".join(rng.choices(WORDS[language], k=rng.randint(1, 3))) for _ in range(WARM_UP + queries)]
            for language in languages
        }
        endpoints = {
            "/api/search/": lambda language, text: ("/api/search/", {"q": text, "locale": language}),
            "search page": lambda language, text: (search_url(language), {"q": text}),
        }
        client = Client()
        figures = {}
        for label, configured in backends.items():
            with override_settings(WAGTAILSEARCH_BACKENDS=configured, ALLOWED_HOSTS=["*"]):
                for endpoint, request in endpoints.items():
                    for language in languages:
                        timings = self.timed(client, request, language, texts[language], label)
                        figures[endpoint, language, label] = (statistics.median(timings), percentile(timings, 0.95))

        self.stdout.write("")
        self.stdout.write(
            f"Latency in ms over {queries} queries per row after {WARM_UP} not counted ({indexed} documents, {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}):"
        )
        self.stdout.write(f"{'':<14}{'':<5}{'engine':>17}{'' if engine_only else 'database':>19}".rstrip())
        self.stdout.write(
            f"{'endpoint':<14}{'lang':<5}{'p50':>8} {'p95':>8}" + ("" if engine_only else f"{'p50':>10} {'p95':>8}")
        )
        for endpoint in endpoints:
            for language in languages:
                cells = "".join(
                    f"{p50:>{width}.1f} {p95:>8.1f}"
                    for (p50, p95), width in (
                        (figures[endpoint, language, label], width)
                        for label, width in (("engine", 8), ("database", 10))
                        if label in backends
                    )
                )
                self.stdout.write(f"{endpoint:<14}{language:<5}{cells}")

        if not keep and not skip_reindex:
            with override_settings(WAGTAILSEARCH_BACKENDS=backends["engine"]):
                for language in languages:
                    indexing.get_engine().delete_index(language)

    def timed(self, client, request, language, texts, label):
        """Milliseconds of each request past the warm-up; every answer must be a 200."""
        timings = []
        for number, text in enumerate(texts):
            path, params = request(language, text)
            started = time.perf_counter()
            response = client.get(path, params)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise CommandError(f"{label} {path} {text!r}: HTTP {response.status_code}")
            if number >= WARM_UP:
                timings.append(elapsed)
        return timings

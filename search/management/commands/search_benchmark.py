"""A benchmark, not a test: index a generated bilingual corpus and time the
JSON search endpoint on the engine and on Wagtail's database backend.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 SEARCH_URL=http://127.0.0.1:9250 \\
        python manage.py search_benchmark --pages 10000

Pages are created under a "Banc d'essai" / "Benchmark" section of each home
page (removed at the end unless --keep) and indexed into indexes named with
the `bench_` prefix. Latency is measured in-process through Django's test
client on /api/search/ (the whole Django stack, without network)."""

import random
import statistics
import time
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings
from django.utils import timezone

from home.models import HomePage, StandardPage
from search import indexing

WORDS = {
    "fr": [
        "numérique",
        "intelligence",
        "artificielle",
        "littératie",
        "souveraineté",
        "données",
        "algorithme",
        "école",
        "collectivité",
        "régulation",
        "éthique",
        "plateforme",
        "réseau",
        "citoyen",
        "inclusion",
        "médiation",
        "cloud",
        "cybersécurité",
        "santé",
        "climat",
        "énergie",
        "travail",
        "emploi",
        "formation",
        "enseignant",
        "élève",
        "parent",
        "recherche",
        "innovation",
        "entreprise",
        "industrie",
        "transparence",
        "confiance",
        "démocratie",
        "Europe",
        "territoire",
        "service",
        "public",
        "administration",
        "accessibilité",
        "écran",
        "jeunesse",
        "modèle",
        "génératif",
        "calcul",
        "infrastructure",
        "sobriété",
        "environnement",
        "loi",
        "règlement",
        "rapport",
        "recommandation",
        "atelier",
        "sommet",
        "débat",
        "gouvernance",
        "donnée",
        "ouverte",
        "vie",
        "privée",
        "consentement",
        "identité",
    ],
    "en": [
        "digital",
        "artificial",
        "intelligence",
        "literacy",
        "sovereignty",
        "data",
        "algorithm",
        "school",
        "local",
        "government",
        "regulation",
        "ethics",
        "platform",
        "network",
        "citizen",
        "inclusion",
        "mediation",
        "cloud",
        "cybersecurity",
        "health",
        "climate",
        "energy",
        "work",
        "employment",
        "training",
        "teacher",
        "pupil",
        "parent",
        "research",
        "innovation",
        "company",
        "industry",
        "transparency",
        "trust",
        "democracy",
        "Europe",
        "region",
        "public",
        "service",
        "administration",
        "accessibility",
        "screen",
        "youth",
        "model",
        "generative",
        "computing",
        "infrastructure",
        "sufficiency",
        "environment",
        "law",
        "rule",
        "report",
        "recommendation",
        "workshop",
        "summit",
        "debate",
        "governance",
        "open",
        "data",
        "privacy",
        "consent",
        "identity",
    ],
}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Benchmark search: index a generated bilingual corpus, time /api/search/ on the engine and the database backend."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000, help="Pages to generate, split between the languages.")
        parser.add_argument("--queries", type=int, default=200, help="Queries timed per backend and language.")
        parser.add_argument("--keep", action="store_true", help="Keep the generated pages and indexes.")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, pages, queries, keep, seed, **options):
        if "engine" not in settings.WAGTAILSEARCH_BACKENDS:
            raise CommandError(
                "Set SEARCH_URL (and SEARCH_BACKEND) to benchmark the engine against the database backend."
            )
        homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
        if set(homes) != set(indexing.languages()):
            raise CommandError("Needs the French and English home pages: run load_demo first.")
        random.seed(seed)
        engine_config = {**settings.WAGTAILSEARCH_BACKENDS["engine"], "INDEX_PREFIX": f"bench_{uuid.uuid4().hex[:6]}_"}
        with_engine = {**settings.WAGTAILSEARCH_BACKENDS, "engine": engine_config}
        database_only = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}

        # 1. Corpus (into the database, and Wagtail's database index through its signals).
        sections = {}
        with override_settings(WAGTAILSEARCH_BACKENDS=database_only):
            started = time.perf_counter()
            for language, home in homes.items():
                title = "Banc d'essai" if language == "fr" else "Benchmark"
                sections[language] = StandardPage(title=title, slug=f"bench-{uuid.uuid4().hex[:6]}", live=True)
                home.add_child(instance=sections[language])
                for number in range(pages // len(homes)):
                    words = WORDS[language]
                    page = StandardPage(
                        title=" ".join(random.choices(words, k=random.randint(3, 7))).capitalize(),
                        slug=f"p{number}",
                        intro=" ".join(random.choices(words, k=random.randint(30, 80))) + ".",
                        live=True,
                        first_published_at=timezone.now(),
                    )
                    sections[language].add_child(instance=page)
                    if number % 500 == 499:
                        self.stdout.write(f"\r{language}: {number + 1} pages created", ending="")
                        self.stdout.flush()
                self.stdout.write("")
            created = time.perf_counter() - started
        total = pages // len(homes) * len(homes)
        self.stdout.write(
            f"Database backend: {total} pages created and indexed in {created:.1f}s ({total / created:.0f} pages/s, page creation included)"
        )

        # 2. Engine indexing throughput (bulk rebuild of each language).
        with override_settings(WAGTAILSEARCH_BACKENDS=with_engine):
            started = time.perf_counter()
            indexed = sum(indexing.rebuild(language) for language in homes)
            elapsed = time.perf_counter() - started
            self.stdout.write(
                f"Engine: {indexed} documents indexed in {elapsed:.1f}s ({indexed / elapsed:.0f} documents/s)"
            )

        # 3. Latency through the JSON endpoint.
        client = Client()
        rows = []
        for label, backends in (("engine", with_engine), ("database", database_only)):
            with override_settings(WAGTAILSEARCH_BACKENDS=backends, ALLOWED_HOSTS=["*"]):
                for language in homes:
                    timings = []
                    for _ in range(queries):
                        query = " ".join(random.choices(WORDS[language], k=random.randint(1, 3)))
                        started = time.perf_counter()
                        response = client.get("/api/search/", {"q": query, "locale": language})
                        timings.append((time.perf_counter() - started) * 1000)
                        if response.status_code != 200:
                            raise CommandError(f"{label} {language} {query!r}: HTTP {response.status_code}")
                    rows.append((label, language, statistics.median(timings), percentile(timings, 0.95)))
        self.stdout.write("")
        self.stdout.write(f"Latency of /api/search/ over {queries} queries per row ({total} pages):")
        self.stdout.write(f"{'backend':<10} {'language':<9} {'p50 ms':>8} {'p95 ms':>8}")
        for label, language, p50, p95 in rows:
            self.stdout.write(f"{label:<10} {language:<9} {p50:>8.1f} {p95:>8.1f}")

        if not keep:
            with override_settings(WAGTAILSEARCH_BACKENDS=with_engine):
                engine = indexing.get_engine()
                for language in homes:
                    engine.delete_index(language)
            self.stdout.write("Removing the generated pages (slow at this size; --keep skips it)")
            with override_settings(WAGTAILSEARCH_BACKENDS=database_only):
                for section in sections.values():
                    section.delete()

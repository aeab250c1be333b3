"""A generated bilingual corpus for `manage.py search_benchmark`: French pages
and their English translations (same translation key), under a "Banc d'essai" /
"Benchmark" section of each home page, built once and reused by later runs.

The shared corpus builder is meant to live in `benchmarks/corpus.py` with this
same `build_corpus(pages, stdout)`; this one stands in until it does."""

import random

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from home.models import HomePage, StandardPage

SECTION_SLUGS = {"fr": "banc-d-essai", "en": "benchmark"}
SECTION_TITLES = {"fr": "Banc d'essai", "en": "Benchmark"}
# Pages created per transaction: one commit per batch rather than per page.
BATCH = 250

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


def sections():
    """{language: section page} of the corpus already built (possibly partly)."""
    return {
        language: page
        for language, slug in SECTION_SLUGS.items()
        for page in StandardPage.objects.filter(slug=slug, depth=3, locale__language_code=language)[:1]
    }


def _text(rng, language, low, high):
    return " ".join(rng.choices(WORDS[language], k=rng.randint(low, high)))


def build_corpus(pages, stdout):
    """`pages` pages in all (half French, half their English translations), indexed
    by Wagtail's database backend as they are saved; kept when already there."""
    per_language = pages // len(SECTION_SLUGS)
    existing = sections()
    if len(existing) == len(SECTION_SLUGS) and all(
        section.get_children().live().count() >= per_language for section in existing.values()
    ):
        stdout.write(f"Corpus: reusing the {per_language * len(SECTION_SLUGS)} pages already built")
        return
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    if set(homes) != set(SECTION_SLUGS):
        raise RuntimeError("The corpus needs the French and English home pages: run load_demo first.")
    rng = random.Random(7)
    database_only = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    with override_settings(WAGTAILSEARCH_BACKENDS=database_only):
        for section in existing.values():
            section.delete()
        made = {"fr": _section(homes["fr"], "fr")}
        made["en"] = _section(homes["en"], "en", translation_key=made["fr"].translation_key)
        for start in range(0, per_language, BATCH):
            with transaction.atomic():
                for number in range(start, min(start + BATCH, per_language)):
                    french = _page(rng, made["fr"], "fr", number)
                    _page(rng, made["en"], "en", number, translation_key=french.translation_key)
            stdout.write(f"\rCorpus: {min(start + BATCH, per_language) * 2} pages created", ending="")
            stdout.flush()
        stdout.write("")


def _section(home, language, **fields):
    return home.add_child(
        instance=StandardPage(title=SECTION_TITLES[language], slug=SECTION_SLUGS[language], live=True, **fields)
    )


def _page(rng, section, language, number, **fields):
    page = StandardPage(
        title=_text(rng, language, 3, 7).capitalize(),
        slug=f"p{number}",
        intro=_text(rng, language, 20, 40) + ".",
        body=[("paragraph", f"<p>{_text(rng, language, 60, 150)}.</p>")],
        live=True,
        first_published_at=timezone.now(),
        **fields,
    )
    return section.add_child(instance=page)

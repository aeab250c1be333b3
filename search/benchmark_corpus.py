"""A generated bilingual corpus for `manage.py search_benchmark`: French pages
and their English translations (same translation key), under a "Banc d'essai" /
"Benchmark" section of each home page, built once and reused by later runs.

The shared corpus builder is meant to live in `benchmarks/corpus.py` with this
same `build_corpus(pages, stdout)`; this one stands in until it does."""

import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import HomePage, StandardPage

SECTION_SLUGS = {"fr": "banc-d-essai", "en": "benchmark"}
SECTION_TITLES = {"fr": "Banc d'essai", "en": "Benchmark"}

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
    """`pages` pages in all (half French, half their English translations), in
    Wagtail's database search index too; kept when already there."""
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
    started = time.perf_counter()
    with override_settings(WAGTAILSEARCH_BACKENDS=database_only), transaction.atomic():
        for section in existing.values():
            section.delete()
        french = _section(homes["fr"], "fr")
        english = _section(homes["en"], "en", translation_key=french.translation_key)
        keys = [uuid.uuid4() for _ in range(per_language)]
        for section in (french, english):
            made = _bulk_children(rng, section, keys)
            get_search_backend("default").add_bulk(StandardPage, made)
            stdout.write(f"Corpus: {len(made)} pages in '{section.locale.language_code}'")
    stdout.write(f"Corpus built in {time.perf_counter() - started:.0f}s")


def _section(home, language, **fields):
    return home.add_child(
        instance=StandardPage(title=SECTION_TITLES[language], slug=SECTION_SLUGS[language], live=True, **fields)
    )


def _bulk_children(rng, section, translation_keys):
    """Live pages under `section`, one per translation key, written in bulk: the
    tree paths are computed here rather than page by page (add_child takes a
    dozen queries a page, an hour for the corpus)."""
    language = section.locale.language_code
    content_type = ContentType.objects.get_for_model(StandardPage)
    now = timezone.now()
    depth = section.depth + 1
    pages = []
    for number, key in enumerate(translation_keys):
        title = _text(rng, language, 3, 7).capitalize()
        pages.append(
            StandardPage(
                title=title,
                draft_title=title,
                slug=f"p{number}",
                intro=_text(rng, language, 20, 40) + ".",
                body=[("paragraph", f"<p>{_text(rng, language, 60, 150)}.</p>")],
                live=True,
                first_published_at=now,
                last_published_at=now,
                path=StandardPage._get_path(section.path, depth, number + 1),
                depth=depth,
                numchild=0,
                url_path=f"{section.url_path}p{number}/",
                locale_id=section.locale_id,
                content_type=content_type,
                translation_key=key,
            )
        )
    # Django cannot bulk-create a multi-table child: the page rows, then the StandardPage rows.
    Page.objects.bulk_create(pages, batch_size=1000)
    for page in pages:
        page.page_ptr_id = page.id
    own_fields = list(StandardPage._meta.local_concrete_fields)
    for start in range(0, len(pages), 1000):
        StandardPage._base_manager._insert(pages[start : start + 1000], fields=own_fields)
    Page.objects.filter(pk=section.pk).update(numchild=len(pages))
    return pages

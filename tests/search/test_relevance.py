"""Relevance set on the demo content, on the engine (the real node) and on
Wagtail's database backend: for each query, the page readers expect is among
the first three results of their language, never a page of the other language,
never a draft or a private page. Each run prints its score."""

import pytest
from django.db import connection
from wagtail.models import Page

from search import indexing
from tests.kit.pages import make_private

RELEVANCE = [
    # (language, query, expected page path) — accent-less, elided, plural, acronym, synonym
    ("fr", "litteratie", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("fr", "l'IA", "/fr/initiatives/concertations-territoriales-de-l-ia/"),
    ("fr", "intelligence artificielle", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("fr", "souverainete", "/fr/actualites/sommet-pour-l-action-sur-l-ia/"),
    ("fr", "numerique", "/fr/evenements/numerique-en-communs-2025/"),
    ("fr", "sommets", "/fr/actualites/sommet-pour-l-action-sur-l-ia/"),
    ("fr", "collectivites", "/fr/evenements/atelier-litteratie-ia-collectivites/"),
    ("fr", "concertation", "/fr/initiatives/concertations-territoriales-de-l-ia/"),
    ("fr", "enseignants", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("en", "AI", "/en/reports/building-ai-literacy/"),
    ("en", "artificial intelligence", "/en/reports/building-ai-literacy/"),
    ("en", "literacy", "/en/reports/building-ai-literacy/"),
    ("en", "summits", "/en/news/ai-action-summit/"),
    ("en", "workshops", "/en/events/workshop-ai-literacy-local-government/"),
    ("en", "local governments", "/en/events/workshop-ai-literacy-local-government/"),
    ("en", "teachers", "/en/reports/building-ai-literacy/"),
    # What readers name: speakers' organisations, a news source, a venue, the audience of a recommendation
    ("fr", "Pix", "/fr/evenements/numerique-en-communs-2025/"),
    ("fr", "La Quadrature du Net", "/fr/evenements/reinventer-l-ia/"),
    ("fr", "Ouest-France", "/fr/actualites/sommet-pour-l-action-sur-l-ia/"),
    ("fr", "Digital Village", "/fr/evenements/reinventer-l-ia/"),
    # The recommendations addressed to « établissements d'enseignement » (1 and 2), not any.
    (
        "fr",
        "recommandations écoles",
        tuple(f"/fr/rapports/deployer-une-litteratie-en-ia/#recommandation-{number}" for number in (1, 2)),
    ),
    ("en", "Pix", "/en/events/numerique-en-communs-2025/"),
    ("en", "La Quadrature du Net", "/en/events/reinventing-ai/"),
    ("en", "Ouest-France", "/en/news/ai-action-summit/"),
    # Typos, and words the index lacks next to words it has
    ("fr", "litteratei", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("fr", "litteratie zanzibar", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("en", "litteracy", "/en/reports/building-ai-literacy/"),
    ("en", "literacy zanzibar", "/en/reports/building-ai-literacy/"),
    # Synonyms, compounds, sessions and places readers name
    ("fr", "copyright", "/fr/evenements/reinventer-l-ia/"),
    ("fr", "droit d'auteur", "/fr/evenements/reinventer-l-ia/"),
    ("fr", "capitalisme de surveillance", "/fr/evenements/reinventer-l-ia/"),
    ("fr", "surveillance de masse", "/fr/evenements/reinventer-l-ia/"),
    ("fr", "startups", "/fr/actualites/sommet-pour-l-action-sur-l-ia/"),
    ("fr", "start-up", "/fr/actualites/sommet-pour-l-action-sur-l-ia/"),
    ("fr", "Grand Palais", "/fr/actualites/sommet-pour-l-action-sur-l-ia/"),
    ("fr", "Station F", "/fr/actualites/sommet-pour-l-action-sur-l-ia/"),
    ("fr", "scolaire", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("fr", "souverainete europeenne", "/fr/evenements/reinventer-l-ia/"),
    ("en", "copyright", "/en/events/reinventing-ai/"),
    ("en", "surveillance capitalism", "/en/events/reinventing-ai/"),
    ("en", "mass surveillance", "/en/events/reinventing-ai/"),
    ("en", "startups", "/en/news/ai-action-summit/"),
    ("en", "start-up", "/en/news/ai-action-summit/"),
    ("en", "Grand Palais", "/en/news/ai-action-summit/"),
    ("en", "Station F", "/en/news/ai-action-summit/"),
    ("en", "school", "/en/reports/building-ai-literacy/"),
    ("en", "European sovereignty", "/en/events/reinventing-ai/"),
]


def _found(expected, urls, anchors):
    """Whether `expected` (a path, or a tuple of paths any of which will do) is among
    `urls`; an expected anchor is a prefix ("#recommandation-": any recommendation of
    the page) of a hit's link to one of its recommendations or sessions."""
    if isinstance(expected, tuple):
        return any(_found(one, urls, anchors) for one in expected)
    return expected in urls or ("#" in expected and any(anchor.startswith(expected) for anchor in anchors))


def misses(client, queries=RELEVANCE):
    """The `queries` whose expected page is not in the first three results."""
    failures = []
    for language, query, expected in queries:
        data = client.get("/api/search/", {"q": query, "locale": language}).json()
        urls = [item["url"].removeprefix("http://testserver") for item in data["results"]]
        # A hit on a recommendation or session also links to it ("match").
        anchors = [(item["match"] or {}).get("url", "").removeprefix("http://testserver") for item in data["results"]]
        if not _found(expected, urls[:3], anchors[:3]):
            failures.append((language, query, expected, urls[:3]))
        if any(not url.startswith(f"/{language}/") for url in urls if url.startswith("/")):
            failures.append((language, query, "other language leaked", urls))
    return failures


def assert_all_found(client, name, queries, sqlite_misses=None):
    """Every query of `queries` finds its page in the first three; on SQLite, those
    of `sqlite_misses` (what its full-text search cannot do) are left out."""
    if sqlite_misses and connection.vendor == "sqlite":
        queries = [item for item in queries if item[:2] not in sqlite_misses]
    failures = misses(client, queries)
    print(f"{name}: {len(queries) - len(failures)}/{len(queries)}", *failures, sep="\n")
    assert failures == []


def test_relevance_set_is_large_and_bilingual():
    assert len(RELEVANCE) >= 40
    assert {language for language, _query, _expected in RELEVANCE} == {"fr", "en"}


@pytest.mark.search_engine
def test_demo_content_relevance_on_the_engine(client, demo_indexed):
    failures = misses(client)
    print(f"relevance on the engine: {len(RELEVANCE) - len(failures)}/{len(RELEVANCE)}", *failures, sep="\n")
    assert failures == []


def test_demo_content_relevance_on_the_database_backend(client, demo):
    failures = misses(client)
    print(f"relevance on the database backend: {len(RELEVANCE) - len(failures)}/{len(RELEVANCE)}", *failures, sep="\n")
    assert failures == []


@pytest.mark.search_engine
def test_demo_drafts_and_private_pages_stay_out(client, engine, demo_indexed):
    report = Page.objects.get(url_path__endswith="/rapports/deployer-une-litteratie-en-ia/")
    make_private(report)
    indexing.sync_page(report.pk)
    event = Page.objects.get(url_path__endswith="/evenements/atelier-litteratie-ia-collectivites/")
    event.unpublish()
    indexing.sync_page(event.pk)
    urls = [item["url"] for item in client.get("/api/search/", {"q": "litteratie", "locale": "fr"}).json()["results"]]
    assert urls and not any(report.url in url or event.url in url for url in urls)

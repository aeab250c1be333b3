"""Relevance set on the demo content, against the real node: for each query,
the page readers expect is among the first three results of their language,
never a page of the other language, never a draft or a private page."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from search import indexing

pytestmark = pytest.mark.search_engine

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
    ("fr", "recommandations écoles", "/fr/rapports/deployer-une-litteratie-en-ia/#recommandation-"),
    ("en", "Pix", "/en/events/numerique-en-communs-2025/"),
    ("en", "La Quadrature du Net", "/en/events/reinventing-ai/"),
    ("en", "Ouest-France", "/en/news/ai-action-summit/"),
    # Typos, and words the index lacks next to words it has
    ("fr", "litteratei", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("fr", "litteratie zanzibar", "/fr/rapports/deployer-une-litteratie-en-ia/"),
    ("en", "litteracy", "/en/reports/building-ai-literacy/"),
    ("en", "literacy zanzibar", "/en/reports/building-ai-literacy/"),
]


@pytest.fixture
def demo_indexed(settings, locales):
    engine_settings = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {"default": engine_settings["default"]}
    call_command("load_demo", stdout=io.StringIO())
    settings.WAGTAILSEARCH_BACKENDS = engine_settings
    for language in indexing.languages():
        indexing.rebuild(language)


def test_demo_content_relevance(client, engine, demo_indexed):
    failures = []
    for language, query, expected in RELEVANCE:
        data = client.get("/api/search/", {"q": query, "locale": language}).json()
        urls = [item["url"].removeprefix("http://testserver") for item in data["results"]]
        # A hit on a recommendation or session also links to it ("match"); an
        # expected anchor is a prefix ("#recommandation-": any recommendation of the page).
        anchors = [(item["match"] or {}).get("url", "").removeprefix("http://testserver") for item in data["results"]]
        if expected not in urls[:3] and not ("#" in expected and any(a.startswith(expected) for a in anchors[:3])):
            failures.append((language, query, expected, urls[:3]))
        if any(not url.startswith(f"/{language}/") for url in urls if url.startswith("/")):
            failures.append((language, query, "other language leaked", urls))
    print(f"relevance on the engine: {len(RELEVANCE) - len(failures)}/{len(RELEVANCE)}", *failures, sep="\n")
    assert failures == []


def test_demo_drafts_and_private_pages_stay_out(client, engine, demo_indexed):
    report = Page.objects.get(url_path__endswith="/rapports/deployer-une-litteratie-en-ia/")
    PageViewRestriction.objects.create(page=report, restriction_type=PageViewRestriction.PASSWORD, password="x")
    indexing.sync_page(report.pk)
    event = Page.objects.get(url_path__endswith="/evenements/atelier-litteratie-ia-collectivites/")
    event.unpublish()
    indexing.sync_page(event.pk)
    urls = [item["url"] for item in client.get("/api/search/", {"q": "litteratie", "locale": "fr"}).json()["results"]]
    assert urls and not any(report.url in url or event.url in url for url in urls)

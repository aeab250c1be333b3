"""A full rebuild fills a new index while readers keep searching the old one,
then swaps it in: nobody meets an empty or half-filled index."""

import io

import pytest
from django.core.management import call_command

from search import indexing
from tests.kit.html import soup

from .conftest import standard_page

pytestmark = pytest.mark.search_engine


def found(client, text):
    response = client.get("/fr/recherche/", {"q": text})
    assert response.status_code == 200
    parsed = soup(response.content)
    return [a["href"] for a in parsed.select(".search-main .search-results > li h3 a")]


def test_readers_search_the_old_index_during_a_rebuild(client, engine, homes, monkeypatch):
    home_fr, _home_en = homes
    pages = [standard_page(home_fr, f"Le pangolin {number}") for number in range(3)]
    monkeypatch.setattr(indexing, "REBUILD_BATCH", 1)
    during = []
    bulk_put = engine.bulk_put

    def put_then_search(language, documents, index=None):
        bulk_put(language, documents, index=index)
        engine.refresh(language)
        during.append(found(client, "pangolin"))

    monkeypatch.setattr(engine, "bulk_put", put_then_search)
    call_command("rebuild_search_index", locale="fr", stdout=io.StringIO())

    every_page = sorted(page.url for page in pages)
    assert [sorted(urls) for urls in during] == [every_page] * 3
    assert sorted(found(client, "pangolin")) == every_page
    # The old index went with the swap: one index behind the alias.
    alias = engine.index_name("fr")
    assert len(engine.es.indices.get_alias(name=alias)) == 1


def test_a_rebuild_replaces_an_index_made_before_aliases(client, engine, homes):
    home_fr, _home_en = homes
    page = standard_page(home_fr, "Le pangolin")
    engine.delete_index("fr")
    alias = engine.index_name("fr")
    engine.es.indices.create(index=alias)
    indexing._known_indexes.clear()

    indexing.rebuild("fr")

    assert found(client, "pangolin") == [page.url]
    assert list(engine.es.indices.get_alias(name=alias)) != [alias]

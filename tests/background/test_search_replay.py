"""A search update the engine missed is replayed in the background as soon as
the engine takes a change again, without `rebuild_search_index --pending`."""

from search.models import PendingIndexUpdate
from tests.search.conftest import standard_page


def found(client, words):
    """What the search API answers: (engine used, result URLs)."""
    data = client.get("/api/search/", {"q": words, "locale": "fr"}).json()
    return data["engine"], sorted(result["url"].removeprefix("http://testserver") for result in data["results"])


def test_missed_update_is_replayed_once_the_engine_is_back(client, engine, home_fr, settings):
    working = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {
        **working,
        "engine": {**working["engine"], "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 0.5},
    }
    missed = standard_page(home_fr, "Publié pendant la panne ornithorynque")
    assert PendingIndexUpdate.objects.filter(object_id=str(missed.pk)).exists()

    settings.WAGTAILSEARCH_BACKENDS = working
    later = standard_page(home_fr, "Publié après la panne ornithorynque")
    assert not PendingIndexUpdate.objects.exists()
    assert found(client, "ornithorynque") == (True, sorted([missed.url, later.url]))

import os
import uuid

import pytest
from django.conf import settings as django_settings
from wagtail.models import Page

from home.models import StandardPage
from search import indexing
from search.models import Synonym


def engine_config():
    return getattr(django_settings, "SEARCH_ENGINE_TEST_CONFIG", None)


@pytest.fixture
def index_now(monkeypatch):
    """Send index changes at once: the test transaction never commits."""
    monkeypatch.setattr(
        indexing, "_after_commit", lambda function, *args: function(*args) if indexing.get_engine() else None
    )


@pytest.fixture
def engine(settings, locales, index_now):
    """The running node of SEARCH_URL, with index names of this test's own."""
    config = engine_config()
    if config is None:
        if os.environ.get("CI") == "true":
            pytest.fail("SEARCH_URL is not set: CI runs the search tests against the node services/run-tests.sh starts")
        pytest.skip("no search engine: set SEARCH_URL (services/opensearch/opensearch.sh start)")
    settings.WAGTAILSEARCH_BACKENDS = {
        **django_settings.WAGTAILSEARCH_BACKENDS,
        "engine": {**config, "INDEX_PREFIX": f"test_{uuid.uuid4().hex[:10]}_"},
    }
    backend = indexing.get_engine()
    yield backend
    for language in indexing.languages():
        backend.delete_index(language)


@pytest.fixture
def synonyms(locales):
    french, english = locales
    Synonym.objects.create(locale=french, terms="IA, intelligence artificielle")
    Synonym.objects.create(locale=english, terms="AI, artificial intelligence")


def standard_page(parent, title, intro="", body="", publish=True, **fields):
    page = StandardPage(
        title=title, intro=intro, body=[("paragraph", f"<p>{body}</p>")] if body else [], live=publish, **fields
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return Page.objects.get(pk=page.pk).specific

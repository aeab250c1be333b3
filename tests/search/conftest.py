import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import StandardPage
from search import indexing
from search.models import Synonym


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


def indexed_count(engine, language, query=None):
    """How many documents of `language`'s index match `query` (all by default)."""
    engine.refresh(language)
    body = {"query": query or {"match_all": {}}, "size": 0, "track_total_hits": True}
    return engine.search_raw(language, body)["hits"]["total"]["value"]


@pytest.fixture
def demo(settings, locales):
    """The demo content, indexed by the database backend while it loads (the engine is rebuilt after)."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {"default": backends["default"]}
    call_command("load_demo", stdout=io.StringIO())
    settings.WAGTAILSEARCH_BACKENDS = backends


@pytest.fixture
def demo_indexed(engine, demo):
    for language in indexing.languages():
        indexing.rebuild(language)

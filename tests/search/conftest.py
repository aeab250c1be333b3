import pytest
from wagtail.models import Page

from home.models import StandardPage
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

"""`manage.py site_benchmark` on a small corpus: it builds the bilingual corpus,
serves it with gunicorn under production settings and prints a row per page
type and language with figures, not an error."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from benchmarks.corpus import SLUG_PREFIX
from editorial.models import PageTopic
from editorial.related import date_shown

# gunicorn, in another process, reads the corpus: it must be committed.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PAGE_TYPES = [
    "home",
    "report index",
    "report",
    "event index",
    "event: summit",
    "event: participation",
    "event: workshop",
    "news index",
    "news article",
    "initiative index",
    "initiative",
    "topic index",
    "topic",
    "people index",
    "person",
    "standard page",
    "search",
]
ROW = re.compile(
    r"^(?P<language>fr|en)\s+(?P<type>[a-z: ]+?)\s+(?P<queries>\d+)\s+"
    r"(?P<floor>[\d.]+)/[\d.]+\s+(?P<uncached>[\d.]+)/[\d.]+\s+[\d.]+×\s+(?P<rendered>[\d.]+)/[\d.]+\s+[\d.]+×\s+"
    r"(?P<cached>[\d.]+)/[\d.]+\s+[\d.]+×\s+(?P<url>/\S+)$"
)


def test_the_benchmark_prints_every_page_type_in_both_languages_against_the_floor(home_fr):
    out = io.StringIO()
    call_command("site_benchmark", pages=24, requests=1, warm_up=1, stdout=out)
    printed = out.getvalue()

    generated = Page.objects.filter(slug__startswith=SLUG_PREFIX)
    assert generated.filter(locale__language_code="fr").count() == 12
    assert generated.filter(locale__language_code="en").count() == 12
    assert re.search(r"Corpus: 24 generated pages \(24 added in [\d.]+ s\)", printed)
    # Each copy's topic rows order it on topic pages by the copy's own date.
    rows = PageTopic.objects.filter(page__in=generated).select_related("page")
    assert rows and all(row.shown_date == date_shown(row.page.specific) for row in rows)
    assert re.search(r"Search reindex \(database backend\): [\d.]+ s", printed)

    rows = [match.groupdict() for match in map(ROW.match, printed.splitlines()) if match]
    for language in ("fr", "en"):
        types = [row["type"] for row in rows if row["language"] == language]
        assert [name for name in types if not name.endswith(": last page")] == PAGE_TYPES
        # The last page of each paginated list, right after its first page (the people index's 400 people).
        deepest = [(name, types[types.index(name) - 1]) for name in types if name.endswith(": last page")]
        assert ("people index: last page", "people index") in deepest
        assert all(name == f"{first}: last page" for name, first in deepest)
    for row in rows:
        if row["type"].endswith(": last page"):
            assert re.search(r"[?&]page=\d+$", row["url"]), row
    assert re.search(r"Page cache \((Redis MEMORY USAGE|local memory \(pickled bytes\))\): [\d.]+ kB per page", printed)
    for row in rows:
        assert int(row["queries"]) > 0
        assert (
            float(row["floor"]) > 0
            and float(row["uncached"]) > 0
            and float(row["rendered"]) > 0
            and float(row["cached"]) > 0
        )
        assert row["url"].startswith(f"/{row['language']}/")

"""Every public page type, in both languages, costs the same number of SQL
queries whatever its content, at most 15: when rendered again (its page-cache
entry expired or purged, the site-wide data of `serving.sitewide` kept), and
with the cache empty (after Redis restarts: the site-wide data, view
restrictions included, computed again). A search with the cache empty reads
its promotions, synonyms and people besides, at most 17 (docs/caching.md).
The demo is measured, then every page gets more topics, authors, pinned items,
sessions and speakers, every listing more pages and the site more people, and
it is measured again."""

import io
import itertools

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from benchmarks.management.commands.page_queries import sample_urls
from editorial.models import EditorialPage, PageTopic, RelatedPin, SectionIndexPage
from events.models import EventPage
from people.models import Person
from reports.models import ReportAuthor, ReportPage
from tests.events.factories import programme
from topics.models import Topic

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
MAX_SEARCH_QUERIES_EMPTY_CACHE = 17
GROWTH = 4
numbers = itertools.count(1)


def measure(client):
    """{page type: (queries rendered again, HTML, queries with an empty cache)} of one page of each type and language."""
    urls = sample_urls()
    results = {}
    for label, url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        results[label] = (len(queries), response.content.decode(), len(cold))
    return results


def pages_of(locale, model=EditorialPage):
    return [page for page in Page.objects.live().filter(locale=locale).specific() if isinstance(page, model)]


def grow(locale):
    """GROWTH more of everything a page of `locale` shows."""
    people = [
        Person.objects.create(name=f"Invitée {n}", slug=f"invitee-{n}", role="Experte", locale=locale)
        for n in (next(numbers) for _ in range(GROWTH))
    ]
    topics = [
        Topic.objects.create(name=f"Thème {n}", slug=f"sujet-{n}", locale=locale)
        for n in (next(numbers) for _ in range(GROWTH))
    ]
    for index in pages_of(locale, SectionIndexPage):
        children = [child.specific for child in index.get_children().live()]
        for child in children[:1] * GROWTH:
            n = next(numbers)
            child.copy(update_attrs={"slug": f"{child.slug}-{n}", "title": f"{child.title} {n}"}, keep_live=True)
    pages = pages_of(locale)
    for page in pages:
        PageTopic.objects.bulk_create(PageTopic(page=page, topic=topic, locale=locale) for topic in topics)
        # A page may pin some of these already (the demo's pins): one pin per target.
        RelatedPin.objects.bulk_create(
            (RelatedPin(page=page, target=target, locale=locale) for target in pages[:GROWTH] if target != page),
            ignore_conflicts=True,
        )
    for report in pages_of(locale, ReportPage):
        ReportAuthor.objects.bulk_create(ReportAuthor(page=report, person=person, locale=locale) for person in people)
    for event in pages_of(locale, EventPage):
        event.programme = list(event.programme.raw_data) + programme(GROWTH, 2)
        event.save()


def keeps_its_cost(label, small, large, bound):
    """The same count at both sizes, within `bound`. A search's first page of hits
    changes as pages are added, and with it whether an event session is among
    them (its speakers are read in one query): it may cost less, never more."""
    if label.startswith("search"):
        return large <= small <= bound
    return small == large <= bound


def test_every_page_type_costs_the_same_bounded_queries_at_two_sizes(client):
    call_command("load_demo", stdout=io.StringIO())
    # The first reads draw the images' renditions, stored once for all later reads.
    measure(client)
    small = measure(client)
    for locale in Locale.objects.all():
        grow(locale)
    large = measure(client)

    counts = {label: (small[label][0], large[label][0]) for label in small}
    assert not {label: pair for label, pair in counts.items() if not keeps_its_cost(label, *pair, MAX_QUERIES)}
    cold = {label: (small[label][2], large[label][2]) for label in small}
    assert not {
        label: pair
        for label, pair in cold.items()
        if not keeps_its_cost(
            label, *pair, MAX_SEARCH_QUERIES_EMPTY_CACHE if label.startswith("search") else MAX_QUERIES
        )
    }
    # The content did grow where it is shown.
    for label in ("ReportPage fr", "ReportPage en", "EventPage fr", "NewsArticlePage en"):
        chips = [
            len(BeautifulSoup(html, "html.parser").select("main a[href*='/themes/'], main a[href*='/topics/']"))
            for _count, html, _cold in (small[label], large[label])
        ]
        assert chips[1] > chips[0], label
    for label in ("PeopleIndexPage fr", "PeopleIndexPage en", "ReportIndexPage fr", "NewsIndexPage en"):
        sizes = [
            len(BeautifulSoup(html, "html.parser").select("main li"))
            for _count, html, _cold in (small[label], large[label])
        ]
        assert sizes[1] > sizes[0], label

"""The number of SQL queries of a report page and of the index does not grow
with their content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from editorial.models import RelatedPin
from reports.models import ReportSeries
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup

from .factories import recommendations_block, report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(homes):
    return report_index(homes[0])


def rich_report(index, size):
    topics = [TopicFactory() for _ in range(size)]
    authors = [PersonFactory() for _ in range(size)]
    others = [report(index, f"Voisin {size}-{n}", topics=topics[:1], authors=authors[:1]) for n in range(size)]
    page = report(
        index,
        title=f"Rapport de taille {size}",
        topics=topics,
        authors=authors,
        body=[
            ("heading", {"text": "Introduction", "level": "h2"}),
            recommendations_block(size, audiences=("government", "companies")),
        ],
    )
    for other in others:
        RelatedPin.objects.create(page=page, target=other, locale=page.locale)
    page.save_revision().publish()
    return page


def queries_of(client, url):
    client.get(url)  # warm caches shared by every page (site root paths, related items)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.text


def test_report_page_queries_do_not_grow(client, index):
    counts = []
    for size in (1, 20):
        count, html = queries_of(client, rich_report(index, size).url)
        assert html.count('class="recommendation"') == size
        page = soup(html)
        assert len(page.select(".report__authors li")) == size
        assert len(page.select("nav.tags > *")) == size  # every topic, named
        assert "Sur le même sujet" in html
        counts.append(count)
    assert counts[0] == counts[1]


def test_index_queries_do_not_grow(client, index):
    topic = TopicFactory()
    person = PersonFactory()
    french = Locale.objects.get(language_code="fr")

    # Three series: a filtered list costs a query per filter option (mark_empty_options), not per report.
    series = [
        ReportSeries.objects.create(name=f"Collection {number}", slug=f"c-{number}", locale=french)
        for number in range(3)
    ]

    def add(start, count):
        for number in range(start, start + count):
            report(
                index,
                f"Rapport {number}",
                topics=[topic],
                authors=[person],
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
                series=series[number % 3],
                series_number=str(number),
            )

    urls = (f"/fr/rapports/?theme={topic.slug}", "/fr/rapports/")
    add(0, 10)
    small = [queries_of(client, url) for url in urls]
    add(10, 90)
    big = [queries_of(client, url) for url in urls]
    for (small_count, small_html), (big_count, big_html) in zip(small, big, strict=True):
        assert small_html.count('class="card__series"') == 10
        assert big_html.count('class="card report-card"') == 12
        assert big_html.count('class="card__series"') == 12
        assert big_count == small_count

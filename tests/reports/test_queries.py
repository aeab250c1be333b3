"""The number of SQL queries of a report page and of the index does not grow
with their content."""

import datetime

import pytest

from editorial.models import RelatedPin
from tests.factories import PersonFactory, TopicFactory

from .factories import recommendations_block, report, report_index

pytestmark = pytest.mark.django_db

REPORT_PAGE_MAX_QUERIES = 30
INDEX_MAX_QUERIES = 25


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


@pytest.mark.parametrize("size", [1, 20])
def test_report_page_queries_do_not_grow(client, index, size, django_assert_max_num_queries):
    page = rich_report(index, size)
    client.get(page.url)  # warm caches shared by every page (site root paths, related items)
    with django_assert_max_num_queries(REPORT_PAGE_MAX_QUERIES):
        response = client.get(page.url)
    assert response.status_code == 200
    assert response.text.count('class="recommendation"') == size
    assert response.text.count("report__authors") and response.text.count("<li><span>") >= size
    assert "Sur le même sujet" in response.text


@pytest.mark.parametrize("count", [10, 100])
def test_index_queries_do_not_grow(client, index, count, django_assert_max_num_queries):
    topic = TopicFactory()
    person = PersonFactory()
    for number in range(count):
        report(
            index,
            f"Rapport {number}",
            topics=[topic],
            authors=[person],
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        )
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        response = client.get(f"/fr/rapports/?theme={topic.slug}")
    assert response.status_code == 200
    assert response.text.count('class="card report-card"') == min(count, 12)

"""The RSS and Atom feeds every section index serves (`editorial.feeds`)."""

import datetime
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.feeds import PageFeed
from news.models import NewsArticlePage
from reports.models import ReportPage
from tests.kit.factories import PersonFactory, TopicFactory
from tests.news.factories import article, index_pages
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def xml(response):
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


@pytest.fixture
def news(home_fr):
    return index_pages(home_fr)["news"]


def test_feed_is_described_by_the_index_introduction(client, news):
    news.intro = "Les dernières nouvelles de l'institut."
    news.save_revision().publish()
    article(news, "Publié", [TopicFactory()])
    rss = xml(client.get("/fr/actualites/flux/rss/"))
    assert rss.findtext("channel/description") == "Les dernières nouvelles de l'institut."
    atom = xml(client.get("/fr/actualites/flux/atom/"))
    assert atom.findtext(f"{ATOM}subtitle") == "Les dernières nouvelles de l'institut."


def test_feed_without_introduction_falls_back_to_the_title(client, news):
    rss = xml(client.get("/fr/actualites/flux/rss/"))
    assert rss.findtext("channel/description") == "Actualités"


def test_items_carry_summary_date_topics_and_authors(client, home_fr):
    index = report_index(home_fr)
    report(
        index,
        "Rapport",
        topics=[TopicFactory(name="Travail")],
        authors=[PersonFactory(name="Ada Lovelace")],
        date=datetime.date(2025, 3, 4),
        summary="Ce que dit le rapport.",
    )
    [item] = xml(client.get("/fr/rapports/flux/rss/")).findall("channel/item")
    assert item.findtext("title") == "Rapport"
    assert item.findtext("description") == "Ce que dit le rapport."
    assert item.findtext("category") == "Travail"
    assert "Ada Lovelace" in item.findtext(f"{DC}creator")
    assert "04 Mar 2025" in item.findtext("pubDate")


@pytest.mark.parametrize("model", [NewsArticlePage, ReportPage])
def test_feed_items_leave_their_streamfields_unread(home_fr, news, model):
    index = news if model is NewsArticlePage else report_index(home_fr)
    if model is NewsArticlePage:
        article(news, "Article", [TopicFactory()])
    else:
        report(index, "Rapport")
    feed = PageFeed(index, model)
    [item] = feed.items()
    assert "body" in item.get_deferred_fields()


def feed_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_feed_cost_does_not_grow_with_its_length(client, home_fr):
    index = report_index(home_fr)
    report(index, "Premier", authors=[PersonFactory()])
    small = feed_queries(client, "/fr/rapports/flux/rss/")
    for n in range(10):
        report(
            index, f"Rapport {n}", topics=[TopicFactory(), TopicFactory()], authors=[PersonFactory(), PersonFactory()]
        )
    assert feed_queries(client, "/fr/rapports/flux/rss/") == small

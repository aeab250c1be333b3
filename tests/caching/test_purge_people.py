"""A page that stops naming a person, or stops carrying a topic, leaves the
pages that listed it through them: the editor's change purges the previous
author's, speaker's or topic's pages, not only the new ones."""

import pytest

from editorial.models import PageTopic
from events.blocks import session_data
from reports.models import ReportAuthor
from tests.caching.site import build, text_of, warm
from tests.events.factories import event_page
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.news.factories import article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_fr):
    return build(home_fr)


def listed_titles(reader, url):
    page = soup(reader.read(url))
    return [link.get_text(strip=True) for link in page.select("article.person-profile a")]


def test_a_news_article_given_another_author_leaves_the_old_authors_page(reader, editor_acts, site):
    grace = PersonFactory(name="Grace Hopper", slug="grace-hopper")
    news = article(site["news"], "La chronique", [TopicFactory()], author=site["author"], slug="chronique")
    warm(reader, ["/fr/personnes/ada-lovelace/", "/fr/personnes/grace-hopper/"])
    assert "La chronique" in listed_titles(reader, "/fr/personnes/ada-lovelace/")
    with editor_acts():
        news.author = grace
        news.save_revision().publish()
    assert "La chronique" not in listed_titles(reader, "/fr/personnes/ada-lovelace/")
    assert "La chronique" in listed_titles(reader, "/fr/personnes/grace-hopper/")


def test_a_saved_draft_does_not_purge_the_authors_page(reader, editor_acts, site):
    news = article(site["news"], "La chronique", [TopicFactory()], author=site["author"], slug="chronique")
    warm(reader, ["/fr/personnes/ada-lovelace/"])
    with editor_acts():
        news.author = PersonFactory()
        news.save_revision()
    assert reader.get("/fr/personnes/ada-lovelace/")["X-Page-Cache"] == "hit"


def test_a_report_author_removed_leaves_their_page(reader, editor_acts, site):
    warm(reader, ["/fr/personnes/ada-lovelace/"])
    assert "Le rapport" in listed_titles(reader, "/fr/personnes/ada-lovelace/")
    report = site["report"]
    with editor_acts():
        report.authors = [ReportAuthor(person=PersonFactory(), locale=report.locale)]
        report.save_revision().publish()
    assert "Le rapport" not in listed_titles(reader, "/fr/personnes/ada-lovelace/")


def test_a_speaker_removed_from_a_programme_leaves_their_page(reader, editor_acts, site):
    speaker = site["author"]
    event = event_page(
        site["events"],
        "Le sommet",
        programme=[session_data("panel", "Table ronde", "10:00:00", "11:00:00", speakers=[speaker])],
    )
    warm(reader, ["/fr/personnes/ada-lovelace/"])
    assert "Table ronde" in listed_titles(reader, "/fr/personnes/ada-lovelace/")
    with editor_acts():
        event.programme = [session_data("panel", "Table ronde", "10:00:00", "11:00:00", speakers=[PersonFactory()])]
        event.save_revision().publish()
    assert "Table ronde" not in listed_titles(reader, "/fr/personnes/ada-lovelace/")


def test_a_topic_removed_from_a_page_leaves_the_same_subject_blocks_of_its_pages(reader, editor_acts, site):
    topic = site["topic"]
    neighbour = article(site["news"], "La voisine", [topic], slug="voisine")
    url = neighbour.url
    warm(reader, [url])
    related = soup(reader.read(url)).select("section.related a")
    assert "Le rapport" in [link.get_text(strip=True) for link in related]
    report = site["report"]
    with editor_acts():
        report.page_topics = [PageTopic(topic=TopicFactory(), locale=report.locale)]
        report.save_revision().publish()
    related = soup(reader.read(url)).select("section.related a")
    assert "Le rapport" not in [link.get_text(strip=True) for link in related]
    assert "Le rapport" not in text_of(reader, "/fr/themes/travail/")

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from editorial.localize import translate
from tests.events.factories import at, event_index, event_page
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.news.factories import article, index_pages
from tests.reports.factories import report, report_index
from topics.models import TopicIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_fr):
    pages = index_pages(home_fr)
    pages["reports"] = report_index(home_fr)
    pages["events"] = event_index(home_fr)
    return pages


def test_topic_page_gathers_reports_events_and_news_newest_first(client, site):
    topic = TopicFactory(name="Souveraineté numérique", slug="souverainete-numerique", description="Qui décide ?")
    other = TopicFactory()
    report(site["reports"], "Le rapport", topics=[topic], date=datetime.date(2025, 10, 23))
    event_page(site["events"], "Le sommet", topics=[topic], starts_at=at(2025, 2, 7, 10))
    article(site["news"], "L'article", [topic], datetime.date(2025, 2, 10))
    article(site["news"], "Autre thème", [other])
    article(site["news"], "Brouillon", [topic], publish=False)
    make_private(article(site["news"], "Privé", [topic]))

    response = client.get("/fr/themes/souverainete-numerique/")
    assert response.status_code == 200
    html = response.text
    doc = soup(html)
    assert doc.h1.get_text(strip=True) == "Souveraineté numérique" and "Qui décide ?" in html
    positions = [html.index(title) for title in ("Le rapport", "L&#x27;article", "Le sommet")]
    assert positions == sorted(positions)
    assert "Rapports (1)" in html and "Événements (1)" in html and "Actualités (1)" in html
    assert "3 contenus sur ce thème" in html
    for hidden in ("Autre thème", "Brouillon", "Privé"):
        assert hidden not in html
    assert doc.select_one("link[rel=canonical]")["href"] == "http://testserver/fr/themes/souverainete-numerique/"


def test_a_new_date_moves_a_page_on_its_topic_page_once_published(client, site, monkeypatch):
    """The order comes from a copy of each page's date kept on its topic rows."""
    topic = TopicFactory(slug="travail")
    event = event_page(site["events"], "Le sommet", topics=[topic], starts_at=at(2025, 2, 7, 10))
    article(site["news"], "L'article", [topic], datetime.date(2025, 2, 10))

    def titles(query=""):
        html = client.get(f"/fr/themes/travail/{query}").text
        return [title.get_text(strip=True) for title in soup(html).select(".card__title")]

    assert titles() == ["L'article", "Le sommet"]
    event.starts_at = at(2025, 3, 1, 10)
    event.save_revision()
    assert titles() == ["L'article", "Le sommet"], "a draft's date is not the readers'"
    event.get_latest_revision().publish()
    assert titles() == ["Le sommet", "L'article"]
    # One a page: the last is read from the other end of the same order.
    monkeypatch.setattr(TopicIndexPage, "items_per_page", 1)
    assert [titles(), titles("?page=2")] == [["Le sommet"], ["L'article"]]


def test_type_filter_and_bad_input(client, site):
    topic = TopicFactory(slug="travail")
    report(site["reports"], "Le rapport", topics=[topic])
    article(site["news"], "L'article", [topic])
    html = client.get("/fr/themes/travail/?type=actualite").text
    assert "L&#x27;article" in html and "Le rapport" not in html
    assert client.get("/fr/themes/travail/?type=inconnu").status_code == 404
    assert client.get("/fr/themes/travail/?type=evenement").status_code == 200  # no event on it yet
    assert client.get("/fr/themes/travail/?page=99").status_code == 200
    assert client.get("/fr/themes/inexistant/").status_code == 404


def test_english_topic_page_lists_english_pages_only(client, homes):
    home_fr, _home_en = homes
    site = index_pages(home_fr)
    translate(site["topics"], {"Thèmes": "Topics", "themes": "topics"})
    news_en = translate(site["news"], {"Actualités": "News", "actualites": "news"})
    topic = TopicFactory(name="Travail", slug="travail")
    topic_en = translate(topic, {"Travail": "Work", "travail": "work"})
    french_only = article(site["news"], "Seulement en français", [topic], slug="francais")
    both = article(site["news"], "Traduit", [topic], slug="traduit")
    translate(both, {"Traduit": "Translated", "traduit": "translated", "Résumé de Traduit.": "Summary."})
    article(news_en, "English draft", [topic_en], publish=False)

    html = client.get("/en/topics/work/").text
    doc = soup(html)
    assert doc.h1.get_text(strip=True) == "Work"
    assert "Translated" in html
    assert french_only.title not in html and "Traduit" not in html and "English draft" not in html
    assert doc.select_one("link[rel=alternate][hreflang=fr]")["href"] == "http://testserver/fr/themes/travail/"
    assert doc.select_one("link[rel=alternate][hreflang=en]")["href"] == "http://testserver/en/topics/work/"
    # The French topic page offers the English one in the language switcher.
    assert 'href="http://testserver/en/topics/work/"' in client.get("/fr/themes/travail/").text


def test_topic_index_lists_topics_with_visible_counts(client, site):
    topic = TopicFactory(name="Travail", slug="travail")
    TopicFactory(name="Culture", slug="culture")
    article(site["news"], "Visible", [topic])
    article(site["news"], "Brouillon", [topic], publish=False)
    html = client.get("/fr/themes/").text
    assert 'href="/fr/themes/travail/"' in html and 'href="/fr/themes/culture/"' in html
    assert "1 contenu" in html


def queries_of(client, url):
    client.get(url)  # warm per-process caches (content types, site root)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.text


def test_topic_page_queries_do_not_grow(client, site):
    topic = TopicFactory(slug="travail")

    def add(start, count):
        for n in range(start, start + count):
            article(site["news"], f"Article {n}", [topic], datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
            report(site["reports"], f"Rapport {n}", topics=[topic])
            event_page(site["events"], f"Événement {n}", topics=[topic])

    add(0, 2)
    small, html = queries_of(client, "/fr/themes/travail/")
    assert html.count('class="card"') == 6
    add(2, 10)
    big, html = queries_of(client, "/fr/themes/travail/")
    assert html.count('class="card"') == 20
    assert big == small


def test_topic_url_tag_costs_one_query_per_language(site):
    topics = [TopicFactory() for _ in range(5)]
    request = RequestFactory().get("/fr/")
    template = Template("{% load topic_tags %}{% for t in topics %}{% topic_url t %}|{% endfor %}")
    with CaptureQueriesContext(connection) as queries:
        rendered = template.render(Context({"topics": topics, "request": request}))
    assert rendered.split("|")[:2] == [f"/fr/themes/{topics[0].slug}/", f"/fr/themes/{topics[1].slug}/"]
    # The index page is looked up once for the five links (with the site's root paths).
    assert len(queries) <= 6
    with CaptureQueriesContext(connection) as queries:
        template.render(Context({"topics": topics, "request": request}))
    assert len(queries) == 0


def test_topic_url_is_empty_without_a_live_index(home_fr):
    topic = TopicFactory()
    assert TopicIndexPage.snippet_url(topic) == ""


def test_content_pages_link_their_topics(client, site):
    topic = TopicFactory(name="Travail", slug="travail")
    page = article(site["news"], "L'article", [topic])
    assert '<a href="/fr/themes/travail/">Travail</a>' in client.get(page.url).text


def test_sitemap_lists_topic_pages(client, site):
    TopicFactory(slug="travail")
    assert "http://testserver/fr/themes/travail/" in client.get("/sitemap.xml").text


def test_index_pages_live_once_under_each_home(home_fr):
    from people.models import PeopleIndexPage

    assert TopicIndexPage.can_create_at(home_fr) and PeopleIndexPage.can_create_at(home_fr)
    index_pages(home_fr)
    assert not TopicIndexPage.can_create_at(home_fr) and not PeopleIndexPage.can_create_at(home_fr)


def test_home_topic_tiles_follow_publications_and_renames(client, site, settings):
    settings.PAGE_CACHE_ENABLED = False  # only the site-wide data's cache between the editor and the reader
    topic = TopicFactory(name="Souveraineté numérique", slug="souverainete-numerique")
    article(site["news"], "Premier article", [topic])

    def tiles():
        html = soup(client.get("/fr/").content)
        counts = {tile: tile.select_one(".topic-tiles__count").text for tile in html.select(".topic-tiles li")}
        return {tile.get_text().removesuffix(count).strip(): count for tile, count in counts.items()}

    assert tiles() == {"Souveraineté numérique": "1 contenu"}
    article(site["news"], "Second article", [topic])
    assert tiles() == {"Souveraineté numérique": "2 contenus"}
    topic.name = "Souveraineté"
    topic.save()
    assert tiles() == {"Souveraineté": "2 contenus"}

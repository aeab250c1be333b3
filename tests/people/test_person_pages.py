import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from editorial.localize import translate
from events.blocks import session_data
from people.models import PeopleIndexPage
from tests.events.factories import at, event_index, event_page
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.news.factories import article, index_pages
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_fr):
    pages = index_pages(home_fr)
    pages["reports"] = report_index(home_fr)
    pages["events"] = event_index(home_fr)
    return pages


def test_person_page_lists_reports_sessions_and_articles(client, site):
    person = PersonFactory(name="Hind Ed-dbali", slug="hind-ed-dbali", role="Chargée d'études", bio="Elle étudie l'IA.")
    report(site["reports"], "Son rapport", authors=[person])
    report(site["reports"], "Rapport brouillon", authors=[person], publish=False)
    make_private(report(site["reports"], "Rapport privé", authors=[person]))
    event_page(
        site["events"],
        "Le sommet",
        starts_at=at(2025, 2, 7, 10),
        programme=[session_data("panel", "Table ronde sur l'IA", "10:00:00", "11:00:00", moderators=[person])],
    )
    event_page(
        site["events"],
        "Sommet brouillon",
        publish=False,
        programme=[session_data("panel", "Séquence cachée", "10:00:00", "11:00:00", speakers=[person])],
    )
    article(site["news"], "Son article", [TopicFactory()], author=person)
    article(site["news"], "Article brouillon", [TopicFactory()], author=person, publish=False)
    article(site["news"], "Article d'un autre", [TopicFactory()], author=PersonFactory())

    response = client.get("/fr/personnes/hind-ed-dbali/")
    assert response.status_code == 200
    html = response.text
    doc = soup(html)
    text = doc.get_text()
    assert doc.h1.get_text(strip=True) == "Hind Ed-dbali" and "Chargée d'études" in text and "Elle étudie l'IA." in text
    assert person.organisation.name in html
    assert "Son rapport" in html and "Son article" in html
    assert "Table ronde sur l&#x27;IA" in html and "Le sommet" in html and "Modération" in html
    for hidden in (
        "Rapport brouillon",
        "Rapport privé",
        "Séquence cachée",
        "Article brouillon",
        "Article d&#x27;un autre",
    ):
        assert hidden not in html
    assert doc.select_one("link[rel=canonical]")["href"] == "http://testserver/fr/personnes/hind-ed-dbali/"


def test_people_index_hides_people_hidden_from_listings(client, site):
    PersonFactory(name="Visible Personne", slug="visible", is_staff_member=True)
    PersonFactory(name="Cachée Personne", slug="cachee", show_in_listings=False)
    html = client.get("/fr/personnes/").text
    assert 'href="/fr/personnes/visible/"' in html and "Notre équipe" in html
    assert "Cachée Personne" not in html
    # Their page is still there.
    assert client.get("/fr/personnes/cachee/").status_code == 200
    assert client.get("/fr/personnes/inconnue/").status_code == 404
    sitemap = client.get("/sitemap.xml").text
    assert "/fr/personnes/visible/" in sitemap and "/fr/personnes/cachee/" not in sitemap


def test_people_index_pages_its_contributors_with_the_team_first(client, site):
    PersonFactory(name="Alice Équipe", slug="alice", is_staff_member=True)
    for n in range(PeopleIndexPage.people_per_page + 2):
        PersonFactory(name=f"Intervenant {n:02}", slug=f"intervenant-{n}")

    def read(query=""):
        response = client.get(f"/fr/personnes/{query}")
        assert response.status_code == 200
        parsed = soup(response.content)
        return parsed, [link.get_text() for link in parsed.select(".person-card h3 a")]

    parsed, names = read()
    assert names[0] == "Alice Équipe" and "Notre équipe" in parsed.get_text()
    assert names[1:] == [f"Intervenant {n:02}" for n in range(PeopleIndexPage.people_per_page)]
    assert parsed.select_one('a[rel="next"]')["href"] == "?page=2"
    parsed, names = read("?page=2")
    assert names == ["Intervenant 24", "Intervenant 25"]
    assert "Notre équipe" not in parsed.get_text()
    assert parsed.select_one('a[rel="prev"]')["href"] == "/fr/personnes/"
    assert "Aller à la dernière page" in client.get("/fr/personnes/?page=3").text
    assert client.get("/fr/personnes/?page=trois").status_code == 404


def test_english_person_page(client, homes):
    home_fr, _ = homes
    site = index_pages(home_fr)
    translate(site["people"], {"Personnes": "People", "personnes": "people"})
    news_en = translate(site["news"], {"Actualités": "News", "actualites": "news"})
    person = PersonFactory(name="Camille Martin", slug="camille-martin", role="Chercheuse")
    translate(person.organisation, {})
    person_en = translate(person, {"Chercheuse": "Researcher"})
    french = article(site["news"], "Article français", [TopicFactory()], author=person, slug="fr")
    translated = article(site["news"], "Article traduit", [TopicFactory()], author=person, slug="traduit")
    translate(translated, {"Article traduit": "Translated article", "traduit": "translated"})
    article(news_en, "English draft", [], author=person_en, publish=False)

    html = client.get("/en/people/camille-martin/").text
    assert "Researcher" in html and "Translated article" in html
    assert french.title not in html and "English draft" not in html
    alternate = soup(html).select_one("link[rel=alternate][hreflang=fr]")
    assert alternate["href"] == "http://testserver/fr/personnes/camille-martin/"


def test_person_page_queries_do_not_grow(client, site):
    person = PersonFactory(slug="prolifique")

    def add(start, count):
        for n in range(start, start + count):
            report(site["reports"], f"Rapport {n}", authors=[person])
            article(site["news"], f"Article {n}", [TopicFactory()], author=person)
            event_page(
                site["events"],
                f"Événement {n}",
                programme=[session_data("panel", f"Séquence {n}", "10:00:00", "11:00:00", speakers=[person])],
            )

    def queries():
        client.get("/fr/personnes/prolifique/")  # warm per-process caches (content types, site root)
        with CaptureQueriesContext(connection) as context:
            html = client.get("/fr/personnes/prolifique/").text
        return len(context), html

    add(0, 2)
    small, html = queries()
    assert html.count("Séquence ") == 2 and html.count('class="card"') == 4
    add(2, 8)
    big, html = queries()
    assert html.count("Séquence ") == 10 and html.count('class="card"') == 20
    assert big == small


def test_person_link_tag_and_links_from_articles(client, site):
    person = PersonFactory(name="Hind Ed-dbali", slug="hind-ed-dbali")
    page = article(site["news"], "Signé", [TopicFactory()], author=person)
    assert 'href="/fr/personnes/hind-ed-dbali/" rel="author">' in client.get(page.url).text
    rendered = Template("{% load people_tags %}{% person_link p as link %}{{ link.url }} {{ link.language }}").render(
        Context({"p": person, "request": RequestFactory().get("/")})
    )
    assert rendered == "/fr/personnes/hind-ed-dbali/ None"


def test_an_english_page_never_links_to_a_person_page_that_does_not_exist(client, homes):
    """A person created from the chooser and translated with the page has a draft
    English version: readers are led to the published French page, marked so."""
    home_fr, _ = homes
    site = index_pages(home_fr)
    translate(site["people"], {"Personnes": "People", "personnes": "people"})
    news_en = translate(site["news"], {"Actualités": "News", "actualites": "news"})
    drafted = PersonFactory(name="Sophie Marchand", slug="sophie-marchand")
    translate(drafted.organisation, {})
    translate(drafted, {}, publish=False)
    untranslated = PersonFactory(name="Hind Ed-dbali", slug="hind-ed-dbali")
    for author in (drafted, untranslated):
        english = translate(article(site["news"], author.name, [TopicFactory()], author=author), {})
        assert english.get_parent().pk == news_en.pk
        parsed = soup(client.get(english.url).content)
        link = parsed.select_one('a[rel="author"]')
        assert (link["href"], link["hreflang"]) == (f"/fr/personnes/{author.slug}/", "fr")
        assert client.get(link["href"]).status_code == 200
    assert client.get("/en/people/sophie-marchand/").status_code == 404


def test_person_url_is_empty_without_an_index(home_fr):
    assert PeopleIndexPage.snippet_url(PersonFactory()) == ""


def person_page(client, url):
    """(queries, parsed page) of a person's page read as a reader."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), soup(response.text)


def contributions(person, site, count, start=0):
    for day in range(start, start + count):
        article(
            site["news"], f"Article {day}", date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day), author=person
        )
        report(
            site["reports"],
            f"Rapport {day}",
            authors=[person],
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
        )
    event_page(
        site["events"],
        f"Sommet {start}",
        starts_at=at(2025, 2, 7, 10),
        programme=[
            session_data("panel", f"Séquence {n}", "10:00:00", "11:00:00", speakers=[person])
            for n in range(start, start + count)
        ],
    )


def test_person_page_pages_each_kind_newest_first_at_the_same_query_count(client, site):
    person = PersonFactory(name="Autrice prolifique", slug="prolifique")
    url = "/fr/personnes/prolifique/"
    contributions(person, site, 1)
    client.get(url)
    small_queries, _page = person_page(client, url)
    contributions(person, site, 14, start=1)
    client.get(url)
    large_queries, page = person_page(client, url)
    assert small_queries == large_queries

    articles = page.select("#person-articles ~ ul.cards h3 a")
    assert [a.get_text() for a in articles] == [f"Article {day}" for day in range(14, 4, -1)]
    assert len(page.select("#person-reports ~ ul.cards h3 a")) == 10
    assert len(page.select("#person-sessions ~ ul.sessions li")) == 10
    older = page.select_one("section[aria-labelledby=person-articles] a[rel=next]")["href"]
    assert older == "?articles=2" and not page.select("section[aria-labelledby=person-articles] a[rel=prev]")

    _queries, second = person_page(client, url + older)
    assert [a.get_text() for a in second.select("#person-articles ~ ul.cards h3 a")] == [
        f"Article {day}" for day in range(4, -1, -1)
    ]
    assert second.select_one("section[aria-labelledby=person-articles] a[rel=prev]")["href"] == url
    assert not second.select("section[aria-labelledby=person-articles] a[rel=next]")
    # The other kinds stay on their first page.
    assert len(second.select("#person-reports ~ ul.cards h3 a")) == 10
    assert second.select_one("section[aria-labelledby=person-reports] a[rel=next]")["href"] == "?articles=2&rapports=2"

    for wrong in ("?articles=3", "?articles=0", "?rapports=x", "?interventions=-1"):
        assert client.get(url + wrong).status_code == 404, wrong

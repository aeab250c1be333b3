import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from editorial.localize import translate
from reports.models import ReportIndexPage, ReportType
from tests.factories import TopicFactory

from .factories import make_private, report, report_index

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.text for a in soup(response).select(".report-card h2 a")]


@pytest.fixture
def index(homes):
    return report_index(homes[0])


@pytest.fixture
def topics(homes):
    return TopicFactory(name="Souveraineté", slug="souverainete"), TopicFactory(name="Travail", slug="travail")


@pytest.fixture
def catalogue(index, topics):
    sovereignty, work = topics
    return [
        report(index, "Rapport ancien", topics=[sovereignty], date=datetime.date(2024, 3, 1)),
        report(index, "Note travail", topics=[work], date=datetime.date(2025, 5, 1), report_type=ReportType.NOTE),
        report(index, "Rapport récent", topics=[sovereignty, work], date=datetime.date(2025, 10, 23)),
    ]


def test_index_page_rules(homes, index):
    assert index.url == "/fr/rapports/"
    assert not ReportIndexPage.can_create_at(homes[0])  # one per language


def test_lists_live_public_reports_of_the_language_newest_first(client, index, catalogue, topics):
    report(index, "Brouillon caché", topics=[topics[0]], publish=False)
    make_private(report(index, "Rapport privé", topics=[topics[0]]))
    response = client.get("/fr/rapports/")
    assert response.status_code == 200
    assert titles(response) == ["Rapport récent", "Note travail", "Rapport ancien"]
    assert "3 publications" in response.text


def test_english_index_lists_only_english_reports(client, homes, index, catalogue, topics):
    for topic in topics:
        translate(topic, {})
    for person in {a.person for page in catalogue for a in page.authors.all()}:
        translate(person, {})
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    translate(catalogue[2], {"Rapport récent": "Recent report", "rapport-recent": "recent-report"})
    response = client.get("/en/reports/")
    assert response.status_code == 200
    assert titles(response) == ["Recent report"]
    french = client.get("/fr/rapports/")
    assert "Recent report" not in french.text


def test_filters_are_plain_links_that_combine(client, catalogue):
    html = soup(client.get("/fr/rapports/"))
    groups = {p.text: [a["href"] for a in p.parent.select("a")] for p in html.select(".filters__label")}
    assert groups["Thème"] == ["/fr/rapports/", "?theme=souverainete", "?theme=travail"]
    assert groups["Type de publication"] == ["/fr/rapports/", "?type=rapport", "?type=note"]
    assert groups["Année"] == ["/fr/rapports/", "?annee=2025", "?annee=2024"]

    assert titles(client.get("/fr/rapports/?theme=souverainete")) == ["Rapport récent", "Rapport ancien"]
    assert titles(client.get("/fr/rapports/?theme=travail&annee=2025")) == ["Rapport récent", "Note travail"]
    response = client.get("/fr/rapports/?theme=travail&type=note")
    assert titles(response) == ["Note travail"]
    html = soup(response)
    # The chosen values are marked, and choosing another keeps the other filters.
    assert [a.text for a in html.select(".filters a[aria-current]")] == ["Travail", "Note", "Toutes"]
    assert html.find("a", string="2025")["href"] == "?theme=travail&type=note&annee=2025"
    assert html.select_one(".filters__reset a")["href"] == "/fr/rapports/"


def test_no_match_says_so(client, catalogue):
    response = client.get("/fr/rapports/?theme=souverainete&type=note")
    assert response.status_code == 200
    assert "Aucune publication ne correspond à ces critères." in response.text


@pytest.mark.parametrize("query", ["?theme=inconnu", "?type=roman", "?annee=deux-mille", "?page=abc"])
def test_malformed_filter_values_give_404_not_500(client, catalogue, query):
    assert client.get(f"/fr/rapports/{query}").status_code == 404


def test_pagination_links(client, index, topics):
    for number in range(1, 27):
        report(
            index,
            f"Rapport {number:02d}",
            topics=[topics[0]],
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
        )
    first = soup(client.get("/fr/rapports/"))
    pages = [a["href"] for a in first.select(".pagination a")]
    assert pages == ["?page=2", "?page=3", "?page=2"]  # page 2, page 3, next
    assert first.select_one(".pagination [aria-current=page]").text.strip().endswith("1")
    second = client.get("/fr/rapports/?page=2&theme=souverainete")
    assert second.status_code == 200
    assert titles(second)[0] == "Rapport 14"
    assert 'rel="prev"' in second.text and 'rel="next"' in second.text
    third = soup(client.get("/fr/rapports/?page=3"))
    assert [a.text for a in third.select(".report-card h2 a")] == ["Rapport 02", "Rapport 01"]


def test_feeds_are_announced_and_list_only_live_public_reports_of_the_language(client, index, catalogue, topics):
    report(index, "Brouillon caché", topics=[topics[0]], publish=False)
    make_private(report(index, "Rapport privé", topics=[topics[0]]))
    html = soup(client.get("/fr/rapports/"))
    assert html.find("link", type="application/rss+xml")["href"] == "/fr/rapports/flux/rss/"
    assert html.find("link", type="application/atom+xml")["href"] == "/fr/rapports/flux/atom/"

    rss = client.get("/fr/rapports/flux/rss/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.findtext("language") == "fr"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Rapport récent", "Note travail", "Rapport ancien"]
    assert items[0].findtext("link") == "http://testserver/fr/rapports/rapport-recent/"
    assert items[0].findtext("description") == "Résumé de Rapport récent."
    assert [c.text for c in items[0].findall("category")] == ["Souveraineté", "Travail"]
    assert "23 Oct 2025" in items[0].findtext("pubDate")

    atom = client.get("/fr/rapports/flux/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(atom.content)
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == [
        "Rapport récent",
        "Note travail",
        "Rapport ancien",
    ]


def test_english_feed_lists_english_reports(client, index, catalogue, topics):
    for topic in topics:
        translate(topic, {})
    for person in {a.person for page in catalogue for a in page.authors.all()}:
        translate(person, {})
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    translate(catalogue[0], {"Rapport ancien": "Old report", "rapport-ancien": "old-report"})
    channel = ET.fromstring(client.get("/en/reports/feed/rss/").content).find("channel")
    assert channel.findtext("language") == "en"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Old report"]
    assert channel.findtext("title").startswith("Reports · Institute for Responsible Digital Policy")

"""URLs in the page's language (`editorial.url_words`): English sub-pages and
query parameters on English pages, French ones on French pages, and the other
language's words redirected (301) to the page's own, other parameters kept."""

import datetime

import pytest

from editorial.localize import translate
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(homes):
    index = report_index(homes[0])
    topic = TopicFactory(name="Travail", slug="travail")
    page = report(index, "Le travail", topics=[topic], date=datetime.date(2025, 10, 23))
    translate(topic, {"Travail": "Work", "travail": "work"})
    english_index = translate(index, {"Rapports": "Reports", "rapports": "reports"})
    english = translate(page, {"Le travail": "Work", "le-travail": "work"})
    return index, page, english_index, english


def test_english_pages_link_to_english_sub_pages_and_filters(client, reports):
    _index, _page, english_index, english = reports
    listing = soup(client.get(english_index.url))
    filter_links = [a["href"] for a in listing.select(".filters a")]
    assert "?topic=work" in filter_links and "?year=2025" in filter_links
    assert listing.select_one('link[type="application/rss+xml"]')["href"] == f"{english_index.url}feed/rss/"
    # The footer's follow link opens the page that lists every feed, in English.
    follow_page = soup(client.get(listing.select_one("footer a.site-footer__follow")["href"]))
    assert f"{english_index.url}feed/rss/" in [a["href"] for a in follow_page.select("main a[type]")]
    report_page = soup(client.get(english.url))
    assert report_page.select_one('a[href$="/cite/bibtex/"]')
    assert client.get(f"{english_index.url}feed/rss/").status_code == 200
    assert client.get(f"{english.url}cite/ris/").status_code == 200


def test_french_pages_keep_french_urls(client, reports):
    index, page, _english_index, _english = reports
    filter_links = [a["href"] for a in soup(client.get(index.url)).select(".filters a")]
    assert "?theme=travail" in filter_links and "?annee=2025" in filter_links
    assert client.get(f"{index.url}flux/atom/").status_code == 200
    assert client.get(f"{page.url}citer/bibtex/").status_code == 200


@pytest.mark.parametrize(
    "old, new",
    [
        ("/en/reports/flux/rss/", "/en/reports/feed/rss/"),
        ("/en/reports/work/citer/ris/", "/en/reports/work/cite/ris/"),
        (
            "/en/reports/?theme=work&annee=2025&type=report&page=1",
            "/en/reports/?topic=work&year=2025&type=report&page=1",
        ),
    ],
)
def test_french_words_on_english_pages_redirect_permanently(client, reports, old, new):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200


def test_english_route_words_on_french_pages_redirect_and_french_parameters_stay(client, reports):
    response = client.get("/fr/rapports/feed/rss/?utm_source=x")
    assert (response.status_code, response["Location"]) == (301, "/fr/rapports/flux/rss/?utm_source=x")
    assert client.get("/fr/rapports/?topic=travail").status_code == 200


def test_dates_read_one_way_per_language(client, reports):
    index, _page, english_index, _english = reports
    assert soup(client.get(index.url)).select_one(".report-card time").get_text() == "23 octobre 2025"
    assert soup(client.get(english_index.url)).select_one(".report-card time").get_text() == "23 October 2025"

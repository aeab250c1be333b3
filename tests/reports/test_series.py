"""Series of reports ("Note n° 12"): on cards and pages in both languages, in
every citation format and Scholar's tags, and as a filter of the reports index."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from editorial.localize import translate
from reports.models import ReportSeries
from tests.factories import PersonFactory, TopicFactory

from .factories import report, report_index

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.text for a in soup(response).select(".report-card h2 a")]


def series(name, slug, locale=None):
    return ReportSeries.objects.create(name=name, slug=slug, locale=locale or Locale.objects.get(language_code="fr"))


@pytest.fixture
def index(homes):
    return report_index(homes[0])


@pytest.fixture
def notes(index):
    """The series "Note", translated "Brief", carried by a report in both languages."""
    note = series("Note", "note")
    translate(note, {"Note": "Brief", "note": "brief"})
    topic = TopicFactory(name="Travail")
    person = PersonFactory(name="Jean-François Lucas")
    page = report(
        index,
        "Le travail et l'IA",
        topics=[topic],
        authors=[person],
        slug="travail",
        series=note,
        series_number="12",
        doi="10.1234/abcd",
    )
    report(index, "Sans collection", topics=[topic], authors=[person], date=datetime.date(2024, 1, 1))
    translate(topic, {})
    translate(person, {})
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    english = translate(page, {"Le travail et l'IA": "Work and AI", "travail": "work"})
    return page, english


def test_cards_and_pages_name_the_series_and_number_in_each_language(client, notes):
    french, english = notes
    card = soup(client.get("/fr/rapports/")).select_one(".report-card .card__series")
    assert card.text == "Note n° 12"
    assert soup(client.get(french.url)).select_one(".report__series").text == "Note n° 12"
    card = soup(client.get("/en/reports/")).select_one(".report-card .card__series")
    assert card.text == "Brief No. 12"
    page = soup(client.get(english.url)).select_one(".report__series")
    assert page.text == "Brief No. 12"
    assert page.find(lang=True) is None


def test_an_untranslated_series_keeps_its_french_name_marked_french(client, index):
    study = series("Étude", "etude")
    page = report(index, "Une étude", slug="etude-1", series=study)
    for topic in page.topics:
        translate(topic, {})
    for link in page.authors.all():
        translate(link.person, {})
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    english = translate(page, {"Une étude": "A study", "etude-1": "study-1"})
    assert english.series == study
    name = soup(client.get(english.url)).select_one(".report__series span[lang=fr]")
    assert name.text == "Étude"
    card = soup(client.get("/en/reports/")).select_one(".card__series span[lang=fr]")
    assert card.text == "Étude"
    # The English index offers it under its French slug, which filters the English list.
    response = client.get("/en/reports/?series=etude")
    assert titles(response) == ["A study"]


def test_citations_in_three_styles_and_downloads_carry_the_series(client, notes):
    french, english = notes
    html = soup(client.get(french.url))
    cited = {dd["data-style"]: dd.text for dd in html.select(".report__styles dd")}
    assert "(Note 12) [Rapport]." in cited["apa"]
    assert ". Rapport. Note 12. Institut du numérique responsable." in cited["chicago"]
    assert "Institut du numérique responsable. Note, 12." in cited["iso-690"]
    html = soup(client.get(english.url))
    cited = {dd["data-style"]: dd.text for dd in html.select(".report__styles dd")}
    assert "(Brief 12) [Report]." in cited["apa"]
    assert ". Report. Brief 12. Institute for Responsible Digital Policy." in cited["chicago"]
    assert "Institute for Responsible Digital Policy. Brief, 12." in cited["iso-690"]

    bibtex = client.get(f"{english.url}cite/bibtex/").content.decode()
    assert "  series = {Brief},\n  number = {12}," in bibtex
    ris = client.get(f"{french.url}citer/ris/").content.decode()
    assert "T3  - Note\r\nVL  - 12\r\n" in ris
    datacite = client.get(f"{english.url}cite/datacite/").content.decode()
    assert '<number numberType="Report">12</number>' in datacite
    assert '<description descriptionType="SeriesInformation">Brief No. 12</description>' in datacite


def test_scholar_tags_and_json_ld_name_the_series(client, notes):
    _french, english = notes
    html = soup(client.get(english.url))
    assert html.find("meta", attrs={"name": "citation_series_title"})["content"] == "Brief"
    assert html.find("meta", attrs={"name": "citation_technical_report_number"})["content"] == "12"
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["reportNumber"] == "12"
    assert data["isPartOf"]["@type"] == "CreativeWorkSeries"
    assert data["isPartOf"]["name"] == "Brief"
    assert data["isPartOf"]["url"] == "http://testserver/en/reports/?series=brief"
    other = soup(client.get("/fr/rapports/sans-collection/"))
    assert other.find("meta", attrs={"name": "citation_series_title"}) is None
    assert "citation_technical_report_number" not in str(other)


def test_the_series_filter_in_each_language(client, notes):
    html = soup(client.get("/fr/rapports/"))
    assert [a["href"] for a in html.select("#filter-collection ~ a")] == ["/fr/rapports/", "?collection=note"]
    assert titles(client.get("/fr/rapports/?collection=note")) == ["Le travail et l'IA"]
    html = soup(client.get("/en/reports/"))
    assert [a.text for a in html.select("#filter-series ~ a")] == ["All", "Brief"]
    response = client.get("/en/reports/?series=brief")
    assert titles(response) == ["Work and AI"]
    # The language switch keeps the filter, in the other language's words.
    switch = soup(response).find("a", hreflang="fr", rel="alternate")
    assert switch["href"].endswith("/fr/rapports/?collection=note")
    # The French parameter on the English page is renamed, as the other filters' are.
    assert client.get("/en/reports/?collection=brief")["Location"] == "/en/reports/?series=brief"


def test_unknown_series_is_404_and_a_series_without_reports_lists_nothing(client, notes):
    assert client.get("/fr/rapports/?collection=inconnue").status_code == 404
    series("Étude", "etude")
    response = client.get("/fr/rapports/?collection=etude")
    assert titles(response) == []
    assert "Aucune publication ne correspond à ces critères." in response.text
    # Combined with a filter it contradicts: the empty list, and the option is not linked.
    response = client.get("/fr/rapports/?collection=note&annee=2024")
    assert titles(response) == []
    assert soup(response).select_one("#filter-collection ~ .filters__empty").text == "Note"


def test_the_filter_is_offered_only_for_series_of_live_reports_of_the_language(client, index):
    topic = TopicFactory()
    report(index, "Publié", topics=[topic])
    assert soup(client.get("/fr/rapports/")).select_one("#filter-collection") is None
    report(index, "Brouillon", topics=[topic], publish=False, series=series("Secret", "secret"))
    assert soup(client.get("/fr/rapports/")).select_one("#filter-collection") is None
    assert titles(client.get("/fr/rapports/?collection=secret")) == []
    # A French report's series is not offered on the English index, which has no such report.
    report(index, "En français seulement", topics=[topic], series=series("Note", "note"))
    assert soup(client.get("/fr/rapports/")).select_one("#filter-collection") is not None
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    assert soup(client.get("/en/reports/")).select_one("#filter-series") is None


def test_editors_find_series_in_the_admin_in_french(client, editor, index):
    response = client.get("/admin/snippets/reports/reportseries/")
    assert response.status_code == 200
    assert "Collections de publications" in response.text
    page = report(index, "Un rapport")
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Numéro dans la collection" in form
    assert "affiché « Note n° 12 »" in form
    response = client.post(
        "/admin/snippets/reports/reportseries/add/", {"name": "Note", "slug": "note", "locale": "fr"}
    )
    assert response.status_code == 302
    assert ReportSeries.objects.get(slug="note").name == "Note"

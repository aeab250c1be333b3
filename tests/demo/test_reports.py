import io

import pytest
from pypdf import PdfReader

from reports.models import ReportPage
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


def test_demo_report_in_both_languages(client, demo):
    french = ReportPage.objects.get(locale__language_code="fr")
    english = ReportPage.objects.get(locale__language_code="en")
    assert french.url == "/fr/rapports/deployer-une-litteratie-en-ia/"
    assert english.url == "/en/reports/building-ai-literacy/"
    for page, title, toc_entry, rec_title in (
        (
            french,
            "Déployer une littératie en IA pour une société inclusive et émancipatrice",
            "Ce que recouvre la littératie en IA",
            "Adopter un cadre national de référence de la littératie en IA",
        ),
        (
            english,
            "Building AI literacy for an inclusive and emancipating society",
            "What AI literacy covers",
            "Adopt a national AI literacy reference framework",
        ),
    ):
        html = soup(client.get(page.url))
        assert html.h1.text == title
        assert toc_entry in [a.text for a in html.select("nav.toc a")]
        recommendations = html.select("li.recommendation")
        assert len(recommendations) == 5
        assert recommendations[0]["id"] == "recommandation-1"
        assert rec_title in recommendations[0].h3.text
        assert next(a.text.strip() for a in html.select(".report__authors li")).startswith("Jean-François Lucas")
        assert html.select_one(".report__authors a")["href"].endswith("/jean-francois-lucas/")
        assert html.select_one("section.related .card a") is not None
        assert html.select_one("figure.figure figcaption") is not None
        for link in html.select(".report__cite-downloads a"):
            assert client.get(link["href"]).status_code == 200
        assert html.select_one(".report__pdf a")["href"] == f"{page.url}pdf/"


def test_demo_report_pdf_is_printed_from_the_page_in_each_language(client, demo):
    for language, title, body_text in (
        ("fr", "Déployer une littératie en IA pour une société inclusive et émancipatrice", "Résumé"),
        ("en", "Building AI literacy for an inclusive and emancipating society", "Summary"),
    ):
        page = ReportPage.objects.get(locale__language_code=language)
        response = client.get(f"{page.url}pdf/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        reader = PdfReader(
            io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
        )
        assert reader.metadata.title == title
        assert "Jean-François Lucas" in reader.metadata.author and "Hind Ed-dbali" in reader.metadata.author
        assert reader.trailer["/Root"]["/Lang"] == language
        text = " ".join(pdf_page.extract_text() for pdf_page in reader.pages)
        assert body_text in text and "Jean-François Lucas" in text


def test_demo_report_index_feeds_and_home_pages(client, demo):
    for url, feed in (("/fr/rapports/", "/fr/rapports/flux/rss/"), ("/en/reports/", "/en/reports/feed/atom/")):
        html = soup(client.get(url))
        assert len(html.select(".report-card")) == 1
        assert client.get(feed).status_code == 200
    assert "Building AI literacy" in soup(client.get("/en/")).select_one(".home-reports").text
    assert "Déployer une littératie en IA" in soup(client.get("/fr/")).select_one(".home-reports").text

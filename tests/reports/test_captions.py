"""Figures and tables of a report carry numbered captions, in the page and the
PDF, in the reader's language; other pages' figures are not numbered."""

import io

import pytest
from pypdf import PdfReader

from editorial.localize import translate
from tests.kit.factories import ImageFactory
from tests.kit.html import soup

from .factories import report, report_index

pytestmark = pytest.mark.django_db


def table(caption, source=""):
    return {
        "table": {
            "data": [["Usage", "Part"], ["Devoirs", "62 %"]],
            "first_row_is_table_header": True,
            "table_caption": caption,
        },
        "source": source,
    }


@pytest.fixture
def page(homes):
    image = ImageFactory(title="Figure test", file__width=640, file__height=320)
    body = [
        (
            "figure",
            {
                "image": image,
                "alt_text": "Une courbe",
                "caption": "Usages par niveau",
                "source": "DEPP",
                "source_url": "",
            },
        ),
        ("paragraph", "<p>Un texte.</p>"),
        ("table", table("Usages déclarés", source="Enquête 2025")),
        ("figure", {"image": image, "alt_text": "Une autre courbe", "caption": "", "source": "", "source_url": ""}),
        ("table", table("")),
    ]
    return report(report_index(homes[0]), "Chiffres", body=body)


def captions(html):
    return [" ".join(element.text.split()) for element in html.select(".body .caption-number")]


def test_figures_and_tables_are_numbered_each_in_page_order(client, page):
    html = soup(client.get(page.url).content)
    assert captions(html) == ["Figure 1 :", "Tableau 1", "Figure 2", "Tableau 2"]
    first = html.select(".body figure.figure figcaption")[0]
    assert " ".join(first.text.split()).startswith("Figure 1 : Usages par niveau Source : DEPP")
    # The table keeps its own caption, and its source below it.
    assert html.select_one(".body table caption").text.strip() == "Usages déclarés"
    assert html.select_one(".data-table > p.figure__source").text.strip() == "Source : Enquête 2025"


def test_the_english_page_says_table(client, page):
    translate(page.topics[0], {})
    translate(page.author_links()[0].person, {})
    translate(page.get_parent(), {"Rapports": "Reports", "rapports": "reports"})
    english = translate(page, {})
    html = soup(client.get(english.url).content)
    assert captions(html) == ["Figure 1:", "Table 1", "Figure 2", "Table 2"]


def test_the_pdf_prints_the_numbers(client, page):
    reader = PdfReader(io.BytesIO(client.get(f"{page.url}pdf/").content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Figure 1 : Usages par niveau" in text and "Tableau 2" in text

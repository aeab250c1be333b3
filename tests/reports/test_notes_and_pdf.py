"""Notes in a report (numbered, linked both ways, translated) and the PDF printed from it."""

import io
import re

import pytest
from pypdf import PdfReader

from editorial.localize import translate
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup

from .factories import report, report_index

pytestmark = pytest.mark.django_db

BODY = [
    ("heading", {"text": "Constats", "level": "h2"}),
    (
        "paragraph",
        '<p>Les élèves utilisent l\'IA<span class="footnote">Enquête de 2025.</span> chaque semaine'
        '<span class="footnote">Voir <i>Le rapport</i> de la DEPP.</span>.</p>',
    ),
    (
        "recommendations",
        {
            "title": "Nos recommandations",
            "recommendations": [
                {
                    "title": "Adopter un cadre national",
                    "body": '<p>Un cadre commun<span class="footnote">Comme au Québec.</span>.</p>',
                    "audiences": ["government"],
                },
                {"title": "Former les enseignants", "body": "<p>Former.</p>", "audiences": ["schools"]},
            ],
        },
    ),
]


@pytest.fixture
def page(homes):
    topic, person = TopicFactory(), PersonFactory(name="Jeanne Martin")
    french = report(
        report_index(homes[0]), "Littératie", topics=[topic], authors=[person], body=BODY, slug="litteratie"
    )
    return french


def test_notes_are_numbered_in_reading_order_and_linked_both_ways(client, page):
    html = soup(client.get(page.url))
    calls = html.select("sup.note-call a")
    assert [call.text for call in calls] == ["1", "2", "3"]
    assert [call["href"] for call in calls] == ["#note-1", "#note-2", "#note-3"]
    notes = html.select("section.notes li")
    assert [note["id"] for note in notes] == ["note-1", "note-2", "note-3"]
    assert notes[1].i.text == "Le rapport"
    assert notes[2].text.startswith("Comme au Québec.")
    for call, note in zip(calls, notes, strict=True):
        assert note.select_one('a[role="doc-backlink"]')["href"] == f"#{call['id']}"
    # DPUB-ARIA 1.1 deprecated the per-note and per-entry roles: the list items are plain items.
    assert not html.select('[role="doc-endnote"], [role="doc-biblioentry"]')
    # The note's text is not left in the sentence.
    assert "Enquête de 2025" not in html.select_one(".body").text


def test_notes_are_translated_with_the_page(client, page):
    translate(page.topics[0], {})
    translate(page.author_links()[0].person, {})
    translate(page.get_parent(), {"Rapports": "Reports", "rapports": "reports"})
    english = translate(page, {"Enquête de 2025.": "2025 survey.", "Comme au Québec.": "As in Quebec."})
    html = soup(client.get(english.url))
    notes = [note.text for note in html.select("section.notes li")]
    assert notes[0].startswith("2025 survey.") and notes[2].startswith("As in Quebec.")
    assert html.select_one("#notes-title").text == "Notes"


def pdf_of(client, page):
    response = client.get(f"{page.url}pdf/")
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_the_pdf_reads_as_a_designed_report(client, page):
    reader = PdfReader(io.BytesIO(pdf_of(client, page)))
    pages = [pdf_page.extract_text() for pdf_page in reader.pages]
    text = "\n".join(pages)
    # A cover: the title alone on the first page, no running head there.
    assert "Littératie" in pages[0] and "Résumé" not in pages[0]
    assert re.search(r"\b2 / \d+\b", pages[1])
    # One numbering, words apart, no link printed that leads nowhere.
    assert re.search(r"Recommandation 1\s+Adopter un cadre national", text, re.IGNORECASE)
    assert not re.search(r"Recommandation \d[A-Za-z]", text, re.IGNORECASE)
    assert not re.search(r"^\d+\.\s*Recommandation", text, re.IGNORECASE | re.MULTILINE)
    assert "Lien" not in text and "Citer ou partager" not in text
    # Notes at the foot of the page.
    assert "Enquête de 2025." in text and "Comme au Québec." in text
    # One type family.
    fonts = {
        str(font["/BaseFont"])
        for pdf_page in reader.pages
        for font in (pdf_page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and all("Source-Sans-3" in font for font in fonts), fonts


def test_the_pdf_is_tagged_pdf_ua(client, page):
    reader = PdfReader(io.BytesIO(pdf_of(client, page)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()

import html
import json

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from editorial.localize import translate
from reports.models import ReportPage
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup

from .factories import document, recommendations_block, report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(homes):
    return report_index(homes[0])


def form(summary="Un résumé.", topics=(), pdf=None, action="action-publish", text="Texte.", corrections=()):
    data = nested_form_data(
        {
            "title": "Rapport de test",
            "slug": "rapport-de-test",
            "subtitle": "",
            "publication_date": "2025-10-23",
            "report_type": "report",
            "summary": summary,
            "cover_alt": "",
            "page_topics": inline_formset([{"topic": topic.pk} for topic in topics], min=1),
            "authors": inline_formset([{"person": PersonFactory().pk, "role": "coordination"}]),
            "body": streamfield(
                [
                    ("heading", {"text": "Introduction", "level": "h2"}),
                    ("paragraph", rich_text(f"<p>{text}</p>")),
                ]
            ),
            "pdf": pdf.pk if pdf else "",
            "pdf_english": "",
            "doi": "",
            "isbn": "",
            "last_reviewed": "",
            "corrections": inline_formset(list(corrections)),
            "related_pins": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data[action] = "1"
    return data


def add_url(index):
    return f"/admin/pages/add/reports/reportpage/{index.pk}/"


def test_publishing_needs_a_summary_and_a_topic(client, superuser, index):
    client.force_login(superuser)
    response = client.post(add_url(index), form(summary="", topics=()))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Un rapport ne peut pas être publié sans résumé" in text
    assert "Un rapport ne peut pas être publié sans au moins un thème" in text
    assert not ReportPage.objects.exists()
    # What was typed is kept.
    assert 'value="Rapport de test"' in text


def test_a_draft_may_be_incomplete(client, superuser, index):
    client.force_login(superuser)
    response = client.post(add_url(index), form(summary="", topics=(), action="action-save"))
    assert response.status_code == 302
    page = ReportPage.objects.get()
    assert not page.live


def test_messages_follow_the_editor_language(client, superuser, index):
    client.force_login(superuser)
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    text = client.post(add_url(index), form(summary="", topics=())).content.decode()
    assert "A report cannot be published without a summary" in text
    assert "A report cannot be published without at least one topic" in text


def test_publishing_with_summary_and_topic(client, superuser, index):
    client.force_login(superuser)
    response = client.post(add_url(index), form(topics=[TopicFactory()], pdf=document()))
    assert response.status_code == 302
    page = ReportPage.objects.get()
    assert page.live
    assert client.get(page.url).status_code == 200


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("rapport.docx", b"PK\x03\x04 not a pdf", "n'est pas un fichier PDF"),
        ("faux.pdf", b"GIF89a pretending", "porte l'extension .pdf mais son contenu n'est pas un PDF"),
    ],
)
def test_a_document_that_is_not_a_pdf_is_refused(client, superuser, index, filename, content, message):
    client.force_login(superuser)
    fake = document(title="Faux PDF", content=content, filename=filename)
    response = client.post(add_url(index), form(topics=[TopicFactory()], pdf=fake))
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert not ReportPage.objects.exists()


def test_report_type_rules(homes, index):
    assert ReportPage.can_create_at(index)
    assert not ReportPage.can_create_at(homes[0])


@pytest.fixture
def existing(index):
    topic = TopicFactory()
    person = PersonFactory()
    page = report(
        index,
        "Rapport existant",
        topics=[topic],
        authors=[person],
        body=[
            ("heading", {"text": "Introduction", "level": "h2"}),
            (
                "table",
                {
                    "table": {
                        "table_caption": "Un tableau",
                        "table_header_choice": "row",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [["Colonne", "Valeur"], ["Ligne", "1"]],
                    },
                    "source": "",
                },
            ),
            recommendations_block(2),
        ],
    )
    translate(topic, {})
    translate(person, {})
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    return page, translate(page, {"Un tableau": "A table", "Rapport existant": "Existing report"})


def test_editor_forms_open_for_the_report_and_its_translation(client, superuser, existing):
    client.force_login(superuser)
    french, english = existing
    assert client.get(f"/admin/pages/{french.pk}/edit/").status_code == 200
    # The English page opens in wagtail-localize's translation editor, with the table cells to translate.
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    props = json.loads(soup(response.content).find(attrs={"data-props": True})["data-props"])
    sources = json.dumps([segment.get("source") for segment in props["segments"]], ensure_ascii=False)
    for text in ("Un tableau", "Colonne", "Valeur", "Recommandation numéro 1", "Texte de la recommandation 2."):
        assert f'"{text}"' in sources or f">{text}<" in sources, text


def test_preview_renders(client, superuser, existing):
    client.force_login(superuser)
    french, _english = existing
    data = form(topics=[TopicFactory()])
    response = client.post(f"/admin/pages/{french.pk}/edit/preview/", data)
    assert response.status_code == 200
    assert response.json()["is_valid"]
    preview = client.get(f"/admin/pages/{french.pk}/edit/preview/")
    assert preview.status_code == 200
    assert "Rapport de test" in preview.content.decode()


def test_an_uploaded_pdf_that_is_not_accessible_is_named_with_what_it_lacks(client, superuser, index):
    client.force_login(superuser)
    # The test PDF is made of images: no tags, no language, no title.
    response = client.post(add_url(index), form(topics=[TopicFactory()], pdf=document()), follow=True)
    text = html.unescape(response.content.decode())
    assert "Le PDF « Rapport (PDF) » n'est pas accessible" in text
    assert "il n'est pas balisé" in text and "sa langue n'est pas déclarée" in text

"""An editor imports a Word document: a French report draft, nothing published, every loss said."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from reports.models import ReportPage

from .factories import report_index
from .word import soffice_docx

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/reports/import-word/"


@pytest.fixture(scope="module")
def docx(tmp_path_factory):
    return soffice_docx("rapport", tmp_path_factory.mktemp("docx"))


@pytest.fixture
def index(homes):
    return report_index(homes[0])


def upload(client, content, name="rapport.docx"):
    return client.post(IMPORT_URL, {"document": SimpleUploadedFile(name, content)}, follow=True)


def test_the_import_makes_a_french_draft_with_the_documents_structure(client, superuser, index, docx):
    client.force_login(superuser)
    response = upload(client, docx)
    assert response.status_code == 200
    page = ReportPage.objects.get()
    assert not page.live and page.has_unpublished_changes
    assert page.locale.language_code == "fr"
    assert page.title == "L'IA générative à l'école"
    types = [child.block_type for child in page.body]
    assert types == [
        "paragraph",
        "heading",
        "paragraph",
        "table",
        "figure",
        "figure",
        "heading",
        "paragraph",
        "recommendations",
        "heading",
        "paragraph",
    ]
    headings = [(c.value["text"], c.value["level"]) for c in page.body if c.block_type == "heading"]
    assert headings == [("Constats", "h2"), ("Les enseignants", "h3"), ("Conclusion", "h2")]
    first = page.body[0].value.source
    assert '<span class="footnote">Enquête menée auprès de 1 200 enseignants en 2025.</span>' in first
    constats = page.body[2].value.source
    assert "<b>déjà</b>" in constats and "<ul><li>Rédaction de devoirs</li><li>Traduction</li></ul>" in constats
    table = page.body[3].value["table"]
    assert table["data"] == [["Usage", "Part"], ["Devoirs", "62 %"]]
    figure = page.body[4].value
    assert figure["image"] == get_image_model().objects.get(title="rapport — image 1")
    assert figure["alt_text"] == "Part des élèves utilisant l'IA, par niveau"
    block = page.body[8].value
    assert block["title"] == "Nos recommandations"
    items = list(block["recommendations"])
    assert [item["title"] for item in items] == ["Former tous les enseignants", "Publier les audits des outils"]
    assert "Un plan national de formation sur trois ans." in items[0]["body"].source
    assert '<span class="footnote">Sur le modèle du registre des algorithmes publics.</span>' in items[1]["body"].source
    # The text box's words are kept.
    assert "Un encadré flottant" in page.body[10].value.source

    text = html.unescape(response.content.decode())
    assert response.redirect_chain[-1][0] == f"/admin/pages/{page.pk}/edit/"
    assert "3 note(s), 2 image(s). Rien n'est publié." in text
    assert "L'image n° 2 n'a pas de texte alternatif : décrivez-la dans sa figure." in text
    assert "Recommandation 1 : choisissez ses destinataires avant de publier." in text
    # The draft is not shown to readers.
    assert client.get(index.url).content.decode().count("L&#x27;IA générative") == 0


def test_the_imported_draft_reaches_readers_once_completed(client, superuser, index, docx):
    client.force_login(superuser)
    upload(client, docx)
    page = ReportPage.objects.get()
    preview = client.get(f"/admin/pages/{page.pk}/view_draft/")
    text = preview.content.decode()
    assert preview.status_code == 200
    assert 'href="#note-1"' in text and 'id="note-1"' in text and 'href="#appel-note-3"' in text
    assert "Enquête menée auprès de 1 200 enseignants en 2025." in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", b"%PDF-1.4", "Choisissez un fichier .docx"),
        ("rapport.docx", b"plain text, not a zip", "n'est pas un document Word lisible"),
        ("rapport.docx", b"PK\x05\x06" + b"\0" * 18, "n'a pas pu être lu"),
    ],
)
def test_a_file_that_is_not_a_word_document_is_refused_in_french(client, superuser, index, name, content, message):
    client.force_login(superuser)
    response = upload(client, content, name)
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert not ReportPage.objects.exists()


def test_only_editors_who_may_add_reports_can_import(client, index, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code in (302, 403)

"""A report written in Word reaches readers: an editor imports the .docx in the
admin, fixes what the import flagged and submits; a reviewer publishes; a
reader follows a note and back, finds the contents and the recommendations,
copies the APA citation and downloads a PDF that passes veraPDF (PDF/UA-1)."""

import re
import subprocess

from playwright.sync_api import expect

from reports.models import ReportPage
from roles.setup import EDITORS, REVIEWERS
from tests.kit.factories import TopicFactory
from tests.reports.factories import report_index
from tests.reports.test_pdf_ua import VERAPDF
from tests.reports.word import soffice_docx

from .admin import admin_login, page_action

TITLE = "L'IA générative à l'école"


def test_a_word_report_reaches_readers_with_notes_contents_and_recommendations(
    page, roles, member, login, settings, tmp_path
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # as in the other journeys: the editor's clicks alone
    docx = tmp_path / "rapport.docx"
    docx.write_bytes(soffice_docx("rapport", tmp_path))
    home_fr, _home_en = roles
    report_index(home_fr)
    TopicFactory(name="Éducation", slug="education")
    member(EDITORS, "redactrice")
    reviewer = member(REVIEWERS, "relecteur")

    admin_login(page, "redactrice")
    page.get_by_role("link", name="Importer un rapport Word").click()
    page.set_input_files("input[type=file]", str(docx))
    page.get_by_role("button", name="Importer comme brouillon").click()
    messages = page.locator(".messages")
    expect(messages).to_contain_text("3 note(s), 2 image(s). Rien n'est publié.")
    expect(messages).to_contain_text("L'image n° 2 n'a pas de texte alternatif")
    # The flagged image gets its description; the recommendations their audiences; the report a topic.
    alt_texts = page.locator("input[id$='-value-alt_text']")
    expect(alt_texts).to_have_count(2)
    expect(alt_texts.nth(1)).to_have_value("")
    alt_texts.nth(1).fill("Évolution des usages de 2023 à 2025")
    audiences = page.get_by_label("Gouvernement et administrations")
    for index in range(audiences.count()):
        audiences.nth(index).check()
    page.locator("#id_page_topics-ADD").click()
    page.locator("[id^=id_page_topics-0-topic]").locator("..").get_by_role("button").first.click()
    page.locator(".modal").get_by_role("link", name="Éducation").click()
    expect(page.locator(".modal")).to_be_hidden()
    page_action(page, "Soumettre à Relecture avant publication")
    expect(page.locator(".messages")).to_contain_text(TITLE)
    report = ReportPage.objects.get(title=TITLE)
    assert not report.live

    login(reviewer)
    page.goto(f"/admin/pages/{report.pk}/edit/")
    page_action(page, "Approuver et Publier")
    expect(page.locator(".messages")).to_contain_text(TITLE)
    report = ReportPage.objects.get(pk=report.pk)
    assert report.live

    # The reader, on a wide screen: the contents beside the text.
    context = page.context
    context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(report.url)
    contents = page.locator(".report__contents .toc")
    expect(contents).to_be_visible()
    expect(contents.get_by_role("link", name="Constats")).to_be_visible()
    expect(contents.get_by_role("link", name="Nos recommandations")).to_be_visible()
    # A note and back.
    page.locator("sup.note-call a").first.click()
    expect(page).to_have_url(re.compile("#note-1$"))
    note = page.locator("#note-1")
    expect(note).to_contain_text("Enquête menée auprès de 1 200 enseignants en 2025.")
    note.get_by_role("link", name="Retour à l'appel de la note 1").click()
    expect(page).to_have_url(re.compile("#appel-note-1$"))
    # The recommendations, numbered, with their text.
    expect(page.locator("#recommandation-1")).to_contain_text("Former tous les enseignants")
    expect(page.locator("#recommandation-2")).to_contain_text("Publier les audits des outils")
    expect(page.locator("figure img").nth(1)).to_have_attribute("alt", "Évolution des usages de 2023 à 2025")
    # The APA citation, selected as a reader copies it.
    apa = page.locator(".report__styles dd[data-style=apa]")
    expect(apa).to_contain_text(TITLE)
    apa.select_text()
    assert TITLE in page.evaluate("() => window.getSelection().toString()")
    # The PDF.
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le rapport (PDF)").click()
    pdf = tmp_path / "rapport.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    if subprocess.run([VERAPDF, "install"], capture_output=True).returncode == 0:
        result = subprocess.run([VERAPDF, pdf], capture_output=True, text=True, timeout=600)
        assert f"PASS {pdf} ua1" in result.stdout, result.stdout + result.stderr

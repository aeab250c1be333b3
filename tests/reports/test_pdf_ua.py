"""veraPDF's verdict on the demo report's PDF in both languages: PDF/UA-1."""

import io
import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from reports.models import ReportPage
from tests.kit.html import soup

ROOT = Path(__file__).resolve().parents[2]
VERAPDF = ROOT / "services" / "verapdf.sh"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def verapdf():
    if subprocess.run([VERAPDF, "install"], capture_output=True).returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("veraPDF could not be installed (services/verapdf.sh install: Java and Maven)")
        pytest.skip("veraPDF could not be installed (services/verapdf.sh install: Java and Maven)")
    return VERAPDF


def test_the_demo_reports_pdfs_pass_verapdf_pdf_ua_1(client, verapdf, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    # The demo's notes are translated with its page.
    english = ReportPage.objects.get(locale__language_code="en")
    notes = soup(client.get(english.url).content).select("section.notes li")
    assert [note.text.split(" (")[0][:20] for note in notes] == ["According to public ", "The EU AI Act asks p"]
    files = []
    for page in ReportPage.objects.live().order_by("locale__language_code"):
        response = client.get(f"{page.url}pdf/")
        assert response["Content-Type"] == "application/pdf"
        path = tmp_path / f"{page.locale.language_code}.pdf"
        path.write_bytes(response.content)
        files.append(path)
    assert [path.name for path in files] == ["en.pdf", "fr.pdf"]
    result = subprocess.run([verapdf, *files], capture_output=True, text=True, timeout=600)
    verdicts = [line for line in result.stdout.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert verdicts == [f"PASS {path} ua1" for path in files], result.stdout + result.stderr

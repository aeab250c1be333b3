"""Real .docx files for the import tests, written by LibreOffice from the flat
ODT fixtures in tests/reports/fixtures (Debian's libreoffice-writer-nogui)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def soffice_docx(name, folder):
    """The .docx LibreOffice writes from fixtures/`name`.fodt into `folder`."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is missing: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is missing: apt-get install libreoffice-writer-nogui")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder),
            str(FIXTURES / f"{name}.fodt"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (folder / f"{name}.docx").read_bytes()

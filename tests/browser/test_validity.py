"""The Nu HTML checker (vnu.jar, from the npm package `vnu-jar` that
services/run-tests.sh installs under var/node/) over every page type in both
languages: 0 errors. One Java call checks all the saved documents."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from .site_pages import demo, every_page_type  # noqa: F401 (the demo fixture)

VNU = Path(settings.BASE_DIR) / "var" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
DOCUMENTS = Path(settings.BASE_DIR) / "var" / "validity"


@pytest.fixture
def vnu():
    java = shutil.which("java")
    if not VNU.exists() or java is None:
        message = f"the Nu HTML checker needs Java and {VNU} (services/run-tests.sh installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return [java, "-Xss2m", "-jar", str(VNU)]


def test_every_page_type_is_valid_html_in_both_languages(demo, vnu):  # noqa: F811
    shutil.rmtree(DOCUMENTS, ignore_errors=True)
    DOCUMENTS.mkdir(parents=True)
    client = Client()
    files = []
    for name, path in every_page_type():
        response = client.get(path)
        assert response.status_code == (404 if name.endswith("not-found") else 200), path
        document = DOCUMENTS / f"{name}.html"
        document.write_bytes(response.content)
        files.append(str(document))
    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *files], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") == "error"
    ]
    print(f"\n[vnu] {len(files)} documents checked, {len(errors)} errors")
    assert not errors, "\n".join(errors)

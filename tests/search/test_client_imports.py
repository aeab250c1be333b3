"""opensearch-py imports the PyPI package "Events" as `events`, the name of our
events app: both work whatever is imported first (each order in a fresh interpreter)."""

import subprocess
import sys

import pytest
from django.conf import settings

CHECK = """
from django.apps import apps
import events
from opensearchpy.metrics.metrics_events import Events
assert apps.get_app_config("events").module is events
assert Events.__name__ == "Events" and Events is not events
from events.models import EventPage
print("ok", EventPage.__module__)
"""

ORDERS = {
    "client before django.setup()": "import modelsearch.backends.opensearch2\nimport django\ndjango.setup()\n",
    "client after django.setup()": "import django\ndjango.setup()\nimport modelsearch.backends.opensearch2\n",
    "our backend after django.setup()": "import django\ndjango.setup()\nimport search.backends.opensearch2\n",
}


@pytest.mark.parametrize("order", ORDERS)
def test_the_client_and_the_events_app_import_in_any_order(order):
    result = subprocess.run(
        [sys.executable, "-c", ORDERS[order] + CHECK],
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ok", "events.models.page"]

"""Backing up and restoring: a backup taken by `manage.py backup` is restored
by `manage.py restore` into an empty database and media folder, and the
report, its PDF and a registration read back from there."""

import io
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from benchmarks.serving import database_url
from events.views import register_for_event
from tests.events.factories import event_index, event_page
from tests.reports.factories import document, report, report_index

# The restore runs in another process, on another database: the data must be committed.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

READ_BACK = """
from django.test import Client
from events.models import Registration
response = Client().get("/fr/rapports/sauvegarde/")
print(response.status_code)
print("Rapport sauvegardé" in response.content.decode())
print(list(Registration.objects.values_list("email", "name")))
"""


@pytest.fixture
def empty_database():
    name = f"restore_{uuid.uuid4().hex[:8]}"
    server = database_url().rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres".replace("postgres://", "postgresql://", 1), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{server}/{name}"
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_a_backup_restores_into_an_empty_database_with_its_media(home_fr, tmp_path, empty_database):
    pdf = document(title="Rapport (PDF)")
    report(report_index(home_fr), title="Rapport sauvegardé", slug="sauvegarde", pdf=pdf)
    workshop = event_page(event_index(home_fr), "Atelier", registration_mode="form", capacity=10)
    register_for_event(workshop, name="Ada Lovelace", email="ada@example.org", organisation="", language="fr")

    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    (folder,) = (tmp_path / "backups").iterdir()
    assert {path.name for path in folder.iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}

    restored_media = tmp_path / "restored-media"
    environment = {
        **os.environ,
        "DATABASE_URL": empty_database,
        "MEDIA_ROOT": str(restored_media),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "restore", str(folder)], env=environment, cwd=settings.BASE_DIR, check=True)
    read = subprocess.run(
        [*manage, "shell", "-c", READ_BACK], env=environment, cwd=settings.BASE_DIR, check=True, capture_output=True
    )
    assert read.stdout.decode().split("\n")[-4:-1] == ["200", "True", "[('ada@example.org', 'Ada Lovelace')]"]
    restored_pdf = restored_media / Path(pdf.file.name)
    assert restored_pdf.read_bytes() == Path(pdf.file.path).read_bytes()


def test_restoring_into_a_database_that_holds_data_is_refused(home_fr, tmp_path):
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    (folder,) = tmp_path.iterdir()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(folder))


def test_a_folder_that_is_not_a_backup_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path))

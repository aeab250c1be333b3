"""Backing up and restoring what matters: the database (PostgreSQL's custom
dump format, or SQLite's online backup), the media files (images and
documents, as a tar archive) and a manifest. Search indexes are not backed up:
they are rebuilt from the database after a restore.

One backup is one folder, so that it can be copied off the machine as it is."""

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.utils import timezone

DATABASE_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def postgres_tool(name):
    """`pg_dump`/`pg_restore`: from POSTGRES_BIN_DIR, the PATH, or Debian's newest install."""
    folder = os.environ.get("POSTGRES_BIN_DIR")
    if folder:
        return str(Path(folder) / name)
    found = shutil.which(name)
    if found:
        return found
    installed = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda path: int(path.split("/")[4]))
    if not installed:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client, or set POSTGRES_BIN_DIR)")
    return installed[-1]


def postgres_arguments():
    database = connection.settings_dict
    arguments = ["--dbname", database["NAME"]]
    if database["HOST"]:
        arguments += ["--host", database["HOST"]]
    if database["PORT"]:
        arguments += ["--port", str(database["PORT"])]
    if database["USER"]:
        arguments += ["--username", database["USER"]]
    environment = {**os.environ, "PGPASSWORD": database["PASSWORD"] or ""}
    return arguments, environment


def media_on_disk():
    return isinstance(default_storage, FileSystemStorage)


def back_up(destination):
    """Write a backup into a new folder under `destination`; return that folder."""
    folder = Path(destination) / timezone.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    if connection.vendor == "postgresql":
        arguments, environment = postgres_arguments()
        dump = [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", *arguments]
        with open(folder / DATABASE_DUMP, "wb") as output:
            run(dump, environment, stdout=output)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_COPY) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"backing up a {connection.vendor} database is not supported")
    if media_on_disk() and Path(settings.MEDIA_ROOT).is_dir():
        with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
            archive.add(settings.MEDIA_ROOT, arcname="media")
    manifest = {
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "media": (folder / MEDIA_ARCHIVE).exists(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return folder


def restore(folder):
    """Restore the backup in `folder` into this (empty) database and the media folder."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup ({MANIFEST} unreadable: {error})") from error
    if manifest["database"] != connection.vendor:
        raise BackupError(f"this backup is of a {manifest['database']} database, not {connection.vendor}")
    if connection.introspection.table_names():
        raise BackupError("the database is not empty: restore into a new, empty database")
    if connection.vendor == "postgresql":
        arguments, environment = postgres_arguments()
        load = [postgres_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", *arguments]
        run([*load, str(folder / DATABASE_DUMP)], environment)
    else:
        connection.close()
        with (
            sqlite3.connect(folder / SQLITE_COPY) as source,
            sqlite3.connect(connection.settings_dict["NAME"]) as target,
        ):
            source.backup(target)
    if manifest["media"]:
        with tarfile.open(folder / MEDIA_ARCHIVE) as archive:
            members = [member for member in archive.getmembers() if member.name.startswith("media")]
            for member in members:
                member.name = member.name.removeprefix("media").lstrip("/") or "."
            archive.extractall(settings.MEDIA_ROOT, members=members, filter="data")
    return manifest


def run(command, environment, stdout=None):
    result = subprocess.run(command, env=environment, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.decode(errors='replace').strip()}")

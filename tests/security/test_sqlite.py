"""On SQLite (`make run`), concurrent writers wait for the lock instead of
failing with "database is locked"."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

# Threads that each read then write in a transaction, all at once, against the
# settings `make run` uses (DATABASE_URL unset: the SQLite file). Prints the
# number of writes that failed.
WRITERS = """
import sys, threading, time
import django
django.setup()
from django.conf import settings
from django.db import OperationalError, connection, transaction
if sys.argv[1] == "without-options":
    settings.DATABASES["default"]["OPTIONS"] = {}
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE seats (holder integer)")
connection.close()
barrier, failures = threading.Barrier(8), []

def write(number):
    barrier.wait()
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM seats")
                time.sleep(0.05)
                cursor.execute("INSERT INTO seats VALUES (%s)", [number])
    except OperationalError:
        failures.append(number)
    finally:
        connection.close()

threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
for thread in threads: thread.start()
for thread in threads: thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM seats")
    print(len(failures), cursor.fetchone()[0])
"""


def run_writers(tmp_path, mode):
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    # A SQLite file of the test's own, through the same dj-database-url path as make run's default.
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )
    result = subprocess.run(
        [sys.executable, "-c", WRITERS, mode],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    failures, rows = result.stdout.split()
    return int(failures), int(rows)


def test_concurrent_writes_on_a_file_database_all_succeed(tmp_path):
    assert run_writers(tmp_path, "with-settings") == (0, 8)


def test_without_the_options_the_same_writes_fail(tmp_path):
    """The check above is meaningful: SQLite's default deferred transactions
    cannot wait for each other once they have read."""
    failures, rows = run_writers(tmp_path, "without-options")
    if failures == 0:
        pytest.skip("this SQLite build happened to serialise the writers")
    assert rows == 8 - failures

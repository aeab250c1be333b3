"""Production queues tasks in the database unless TASK_QUEUE says otherwise,
and takes the media storage and its options from the environment."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

SHOW = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.TASKS['default']['BACKEND'], s.STORAGES['default'], s.SERVE_MEDIA]))"
)


def production(**variables):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    environment.update(SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="example.org", **variables)
    for name in ("TASK_QUEUE", "MEDIA_STORAGE_BACKEND", "MEDIA_STORAGE_OPTIONS", "SERVE_MEDIA"):
        if name not in variables:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", SHOW], env=environment, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


def test_production_queues_tasks_in_the_database_and_serves_images_from_disk():
    result = production()
    assert result.returncode == 0, result.stderr
    backend, storage, serve_media = json.loads(result.stdout)
    assert backend == "django_tasks_db.DatabaseBackend"
    assert storage == {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {}}
    assert serve_media is True


def test_production_takes_the_queue_and_storage_from_the_environment():
    # Any storage class (django-storages' S3Storage in docs/background-work.md, not installed here).
    options = {"base_url": "https://media.example.org/"}
    result = production(
        TASK_QUEUE="immediate",
        MEDIA_STORAGE_BACKEND="django.core.files.storage.InMemoryStorage",
        MEDIA_STORAGE_OPTIONS=json.dumps(options),
    )
    assert result.returncode == 0, result.stderr
    backend, storage, serve_media = json.loads(result.stdout)
    assert backend == "django_tasks.backends.immediate.ImmediateBackend"
    assert storage == {"BACKEND": "django.core.files.storage.InMemoryStorage", "OPTIONS": options}
    assert serve_media is False


def test_an_unknown_queue_is_refused():
    result = production(TASK_QUEUE="redis")
    assert result.returncode != 0
    assert "TASK_QUEUE must be one of immediate, database, not 'redis'" in result.stderr

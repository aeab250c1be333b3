"""The task queue chosen by the environment (TASK_QUEUE). No Django import:
settings are not loaded yet when this runs."""

import os

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def task_backends(default):
    """`TASKS` for the queue TASK_QUEUE names (`default` when unset)."""
    queue = os.environ.get("TASK_QUEUE", default)
    if queue not in BACKENDS:
        raise ImproperlyConfigured(f"TASK_QUEUE must be one of {', '.join(BACKENDS)}, not {queue!r}")
    return {"default": {"BACKEND": BACKENDS[queue]}}

"""A real task worker (`manage.py db_worker`) for the tests that need one:
the background tests here and the topology test. It runs in its own process,
so it reads only what the test committed (a transactional test)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from benchmarks.serving import database_url


def worker_environment(**extra):
    """The test settings on the database queue, on this process's (test)
    database; `extra` adds or overrides variables (DJANGO_SETTINGS_MODULE...)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.background.worker_settings",
        "DATABASE_URL": database_url(),
        "TASK_QUEUE": "database",
        **extra,
    }


class Worker:
    """Start and stop one `db_worker` process; its output goes to `log_path`."""

    def __init__(self, environment, log_path=os.devnull):
        self.environment = environment
        self.log_path = Path(log_path)
        self.process = None

    def start(self):
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
                cwd=settings.BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def stop(self):
        if self.process is None:
            return
        # SIGTERM: the worker finishes the task it runs, then exits.
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None


def wait_until(condition, timeout=60, every=0.2):
    """Poll `condition()` until it is true; False after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return bool(condition())

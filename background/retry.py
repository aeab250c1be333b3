"""Tasks that are tried again when they fail.

Each attempt is one task result: a failed attempt stays in the queue's table as
failed, with its error, and the next attempt is queued after a delay that
doubles each time (30 s, 1 min, 2 min, ...). After the last attempt the task
stays failed for staff to see (admin, "Rapports" > "Tâches en arrière-plan"),
with its arguments: nothing is lost.
"""

import functools
import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_DELAY = timedelta(seconds=30)
# Passed to each attempt, so that the queue's table says which attempt a row is.
ATTEMPT = "attempt"
# Attempts allowed, by task path: what the staff's report tells apart (retried or given up).
ATTEMPTS = {}
# What staff read in that report, by task path.
LABELS = {}


def retried(label, *, max_attempts=MAX_ATTEMPTS, first_delay=FIRST_DELAY):
    """Like django_tasks' @task, named `label` for staff, with up to
    `max_attempts` attempts. A queue that cannot defer a task (the immediate
    backend of `make run` and the tests) gets one attempt: retrying at once
    would only hammer what failed."""

    def decorate(function):
        @functools.wraps(function)
        def attempt_once(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:
                backend = the_task.get_backend()
                if attempt < max_attempts and backend.supports_defer:
                    run_after = timezone.now() + first_delay * 2 ** (attempt - 1)
                    the_task.using(run_after=run_after).enqueue(*args, **{**kwargs, ATTEMPT: attempt + 1})
                    logger.warning("Task %s failed (attempt %d), tried again at %s", the_task.name, attempt, run_after)
                else:
                    logger.error("Task %s failed for good (attempt %d)", the_task.name, attempt, exc_info=True)
                raise

        # The worker finds a task by its module path: the wrapper keeps the function's name.
        the_task = task(attempt_once)
        ATTEMPTS[the_task.module_path] = max_attempts
        LABELS[the_task.module_path] = label
        return the_task

    return decorate

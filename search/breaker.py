"""A circuit breaker in front of the search engine, so that a frozen or dead
engine never ties up the workers.

Each call to the engine waits at most `SEARCH_TIMEOUT`. After
`SEARCH_BREAKER_FAILURES` failures in a row the breaker opens: for
`SEARCH_BREAKER_COOLDOWN` seconds nothing is sent and callers fall back at
once (readers get the database backend's results, index changes are kept for
replay). Then one request, across all workers, tries the engine again: its
success closes the breaker, its failure opens it for another cooldown.

The breaker logs the failure that opens it, with its traceback, and its
closing; callers log a one-line notice per request it turns away.

The state lives in Django's cache, so every worker sharing the cache (Redis in
production) shares it, keyed on the engine's addresses.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


class EngineUnavailable(Exception):
    """The breaker is open: the engine was not asked."""


class Breaker:
    def __init__(self, name):
        key = f"search-breaker:{hashlib.sha256(name.encode()).hexdigest()[:16]}"
        self.failures_key, self.opened_key, self.trial_key = f"{key}:failures", f"{key}:opened", f"{key}:trial"

    def call(self, function, *args, **kwargs):
        """`function(*args, **kwargs)`, unless the breaker is open (EngineUnavailable)."""
        state = self._allow()
        try:
            result = function(*args, **kwargs)
        except Exception as error:
            if _engine_failed(error):
                self._failed(error)
            raise
        # Only a breaker with failures on record costs a write: healthy requests just read.
        if state:
            self.reset()
            if self.opened_key in state:
                logger.warning("Search engine answers again: breaker closed")
        return result

    def is_open(self):
        opened = cache.get(self.opened_key)
        return opened is not None and time.time() < opened + settings.SEARCH_BREAKER_COOLDOWN

    def reset(self):
        cache.delete_many([self.failures_key, self.opened_key, self.trial_key])

    def _allow(self):
        """The failures and opening on record (that a success clears); raises EngineUnavailable while open."""
        state = cache.get_many([self.failures_key, self.opened_key])
        opened = state.get(self.opened_key)
        if opened is not None:
            if time.time() < opened + settings.SEARCH_BREAKER_COOLDOWN:
                raise EngineUnavailable("the search engine failed repeatedly; not asked until the cooldown ends")
            # Cooled down: one trial request at a time, whichever worker gets it first.
            if not cache.add(self.trial_key, True, timeout=self._trial_window()):
                raise EngineUnavailable("the search engine is being tried again by another request")
        return state

    def _failed(self, error):
        if cache.add(self.failures_key, 1, timeout=None):
            failures = 1
        else:
            try:
                failures = cache.incr(self.failures_key)
            except ValueError:  # expired between add and incr
                failures = 1
                cache.set(self.failures_key, 1, timeout=None)
        if failures >= settings.SEARCH_BREAKER_FAILURES:
            cache.set(self.opened_key, time.time(), timeout=None)
            cache.delete(self.trial_key)
        # Once per outage, by the failure that opens the breaker; a failed trial keeps it open.
        if failures == settings.SEARCH_BREAKER_FAILURES:
            logger.error(
                "Search engine failed %s times in a row: breaker open, the database answers for %ss",
                failures,
                settings.SEARCH_BREAKER_COOLDOWN,
                exc_info=error,
            )

    @staticmethod
    def _trial_window():
        # Long enough for the trial request to end (or time out), so that only one is under way.
        return max(1, int(settings.SEARCH_BREAKER_COOLDOWN))


def describe(error):
    """A failure in one short line, for callers' logs (the breaker logs the traceback once)."""
    return f"{type(error).__name__}: {error}"[:200]


def _engine_failed(error):
    """A refused request (a 4xx answer: missing index, bad query) says nothing of the
    engine's health; no answer, a timeout, an overload or a server error do."""
    status = getattr(error, "status_code", None)
    return not (isinstance(status, int) and 400 <= status < 500 and status != 429)

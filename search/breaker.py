"""A circuit breaker in front of the search engine, so that a frozen or dead
engine never ties up the workers.

Each call to the engine waits at most `SEARCH_TIMEOUT`. After
`SEARCH_BREAKER_FAILURES` failures in a row the breaker opens: for
`SEARCH_BREAKER_COOLDOWN` seconds nothing is sent and callers fall back at
once (readers get the database backend's results, index changes are kept for
replay). Then one request, across all workers, tries the engine again: its
success closes the breaker, its failure opens it for another cooldown.

The state lives in Django's cache, so every worker sharing the cache (Redis in
production) shares it, keyed on the engine's addresses.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


class EngineUnavailable(Exception):
    """The breaker is open: the engine was not asked."""


class Breaker:
    def __init__(self, name):
        key = f"search-breaker:{hashlib.sha256(name.encode()).hexdigest()[:16]}"
        self.failures_key, self.opened_key, self.trial_key = f"{key}:failures", f"{key}:opened", f"{key}:trial"

    def call(self, function, *args, **kwargs):
        """`function(*args, **kwargs)`, unless the breaker is open (EngineUnavailable)."""
        dirty = self._allow()
        try:
            result = function(*args, **kwargs)
        except Exception as error:
            if _engine_failed(error):
                self._failed()
            raise
        # Only a breaker with failures on record costs a write: healthy requests just read.
        if dirty:
            self.reset()
        return result

    def is_open(self):
        opened = cache.get(self.opened_key)
        return opened is not None and time.time() < opened + settings.SEARCH_BREAKER_COOLDOWN

    def reset(self):
        cache.delete_many([self.failures_key, self.opened_key, self.trial_key])

    def _allow(self):
        """True when there are failures on record (that a success clears); raises EngineUnavailable while open."""
        state = cache.get_many([self.failures_key, self.opened_key])
        opened = state.get(self.opened_key)
        if opened is not None:
            if time.time() < opened + settings.SEARCH_BREAKER_COOLDOWN:
                raise EngineUnavailable("the search engine failed repeatedly; not asked until the cooldown ends")
            # Cooled down: one trial request at a time, whichever worker gets it first.
            if not cache.add(self.trial_key, True, timeout=self._trial_window()):
                raise EngineUnavailable("the search engine is being tried again by another request")
        return bool(state)

    def _failed(self):
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

    @staticmethod
    def _trial_window():
        # Long enough for the trial request to end (or time out), so that only one is under way.
        return max(1, int(settings.SEARCH_BREAKER_COOLDOWN))


def _engine_failed(error):
    """A refused request (a 4xx answer: missing index, bad query) says nothing of the
    engine's health; no answer, a timeout, an overload or a server error do."""
    status = getattr(error, "status_code", None)
    return not (isinstance(status, int) and 400 <= status < 500 and status != 429)

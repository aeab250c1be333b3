"""The shared cache (Redis), guarded: the one place where a cache outage is
caught (`CACHES` in production names `GuardedRedisCache`).

While Redis does not answer, a read is a miss and a write is dropped, so the
page cache, the site-wide data and Wagtail's own cache fall back on rendering
from the database. The process then leaves Redis alone for `RETRY_AFTER`
seconds before one call tries again, so that readers do not each wait for a
refused connection; the log says so once when it starts and once when it ends.
What must not run without the cache (rate limits) asks `available()`."""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5
_state = {"down_since": None, "next_try": 0.0}


def available():
    """False while this process finds the cache down."""
    return _state["down_since"] is None


def _failed():
    now = time.monotonic()
    if _state["down_since"] is None:
        _state["down_since"] = now
        logger.error("The cache (Redis) does not answer: pages are rendered uncached and forms refused until it does.")
    _state["next_try"] = now + RETRY_AFTER


def _answered():
    if _state["down_since"] is not None:
        logger.warning("The cache (Redis) answers again, after %.0f s.", time.monotonic() - _state["down_since"])
        _state["down_since"] = None


def _guarded(name, fallback):
    method = getattr(RedisCache, name)

    def guarded(self, *args, **kwargs):
        if _state["down_since"] is not None and time.monotonic() < _state["next_try"]:
            return fallback() if callable(fallback) else fallback
        try:
            result = method(self, *args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError):
            _failed()
            return fallback() if callable(fallback) else fallback
        _answered()
        return result

    guarded.__name__ = name
    return guarded


class GuardedRedisCache(RedisCache):
    add = _guarded("add", False)
    set = _guarded("set", None)
    set_many = _guarded("set_many", list)
    touch = _guarded("touch", False)
    delete = _guarded("delete", False)
    delete_many = _guarded("delete_many", None)
    get_many = _guarded("get_many", dict)
    has_key = _guarded("has_key", False)
    clear = _guarded("clear", False)

    def get(self, key, default=None, version=None):
        found = _guarded_get(self, key, _MISSING, version)
        return default if found is _MISSING else found

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read is no count: callers check `available()`.
        counted = _guarded_incr(self, key, delta, version)
        if counted is None:
            raise ValueError(f"Key '{key}' not found (the cache is down)")
        return counted


_MISSING = object()
_guarded_get = _guarded("get", _MISSING)
_guarded_incr = _guarded("incr", None)

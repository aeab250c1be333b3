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
    """`RedisCache.<name>`, answering `fallback(*arguments)` while Redis is down."""
    method = getattr(RedisCache, name)

    def guarded(self, *args, **kwargs):
        if _state["down_since"] is None or time.monotonic() >= _state["next_try"]:
            try:
                result = method(self, *args, **kwargs)
            except (RedisConnectionError, RedisTimeoutError):
                _failed()
            else:
                _answered()
                return result
        return fallback(*args, **kwargs)

    return guarded


def _no_count(key, *args, **kwargs):
    # A counter that cannot be read is no count: callers check `available()`.
    raise ValueError(f"{key}: the cache is down")


def _nothing(*args, **kwargs):
    return False


class GuardedRedisCache(RedisCache):
    get = _guarded("get", lambda key, default=None, version=None: default)
    get_many = _guarded("get_many", lambda *args, **kwargs: {})
    incr = _guarded("incr", _no_count)
    # A write that cannot be made is dropped; a key that cannot be read is not there.
    add, set, set_many = _guarded("add", _nothing), _guarded("set", _nothing), _guarded("set_many", _nothing)
    touch, delete, has_key = _guarded("touch", _nothing), _guarded("delete", _nothing), _guarded("has_key", _nothing)
    delete_many, clear = _guarded("delete_many", _nothing), _guarded("clear", _nothing)

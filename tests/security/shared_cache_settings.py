"""Settings of the servers the shared rate-limit test starts: the test
settings with the Redis cache production selects from REDIS_URL, under a
prefix of the test's own so runs do not count each other's posts."""

from config.settings.test import *  # noqa: F403
from config.settings.test import os
from security.config import redis_cache

CACHES = redis_cache(os.environ["REDIS_URL"], key_prefix=os.environ["CACHE_KEY_PREFIX"])

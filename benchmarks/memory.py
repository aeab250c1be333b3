"""What the page cache holds in memory: each page of a list requested once
with the page cache on, then the size of the entry it left, where it is kept:
Redis's own count (`MEMORY USAGE`, under a key prefix of the benchmark's,
deleted afterwards) when REDIS_URL is set, else the pickled bytes Django's
local-memory cache keeps."""

import os
import secrets
import statistics
from dataclasses import dataclass

from django.core.cache import caches
from django.test import Client, override_settings

from security.config import redis_cache

PAGE_ENTRIES = "pagecache:"


@dataclass
class CacheMemory:
    where: str
    sizes: dict  # {URL: bytes of its page cache entry}
    other_bytes: int  # what else the cache then holds: site-wide data, rendered bodies, tag versions

    @property
    def per_page(self):
        return statistics.median(self.sizes.values()), statistics.mean(self.sizes.values())

    @property
    def total(self):
        return sum(self.sizes.values()) + self.other_bytes


class LocalMemory:
    name = "local memory (pickled bytes)"

    def __init__(self, cache):
        self.cache = cache

    def sizes(self):
        return {key: len(value) for key, value in self.cache._cache.items()}

    def clear(self):
        self.cache.clear()


class Redis:
    name = "Redis MEMORY USAGE"

    def __init__(self, cache, prefix):
        self.client = cache._cache.get_client(write=True)
        self.pattern = f"{prefix}:*"

    def sizes(self):
        return {key.decode(): self.client.memory_usage(key) or 0 for key in self.client.scan_iter(match=self.pattern)}

    def clear(self):
        for key in self.client.scan_iter(match=self.pattern):
            self.client.delete(key)


def page_cache_memory(urls):
    """The CacheMemory of the page cache after one GET of each of `urls`."""
    redis_url = os.environ.get("REDIS_URL")
    prefix = f"benchmark-{secrets.token_hex(4)}"
    if redis_url:
        configured = redis_cache(redis_url, key_prefix=prefix)
    else:
        configured = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": prefix,
                "OPTIONS": {"MAX_ENTRIES": 10 * len(urls) + 10_000},
            }
        }
    with override_settings(CACHES=configured, PAGE_CACHE_ENABLED=True, ALLOWED_HOSTS=["testserver"]):
        cache = caches["default"]
        store = Redis(cache, prefix) if redis_url else LocalMemory(cache)
        try:
            sizes = {}
            for url in urls:
                before = store.sizes()
                if Client().get(url, secure=True).status_code != 200:
                    raise RuntimeError(f"GET {url}: not a 200")
                after = store.sizes()
                sizes[url] = sum(size for key, size in after.items() if PAGE_ENTRIES in key and key not in before)
            shared = sum(size for key, size in store.sizes().items() if PAGE_ENTRIES not in key)
        finally:
            store.clear()
    return CacheMemory(store.name, sizes, shared)

"""Production settings, for the servers `manage.py site_benchmark` starts
(benchmarks/serving.py). With BENCHMARK_PAGE_CACHE=off the page cache is left
out, so that the same server software times pages as they are rendered."""

from .production import *  # noqa: F403
from .production import MIDDLEWARE, os

PAGE_CACHE_MIDDLEWARE_PREFIXES = ("caching.",)

if os.environ.get("BENCHMARK_PAGE_CACHE") == "off":
    MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith(PAGE_CACHE_MIDDLEWARE_PREFIXES)]

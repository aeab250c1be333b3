import json

from background.config import task_backends
from security.config import redis_cache, require_debug_off, require_strong_secret_key

from .base import *  # noqa: F403
from .base import env_bool, env_list, os

DEBUG = require_debug_off(env_bool("DEBUG"))
SECRET_KEY = require_strong_secret_key(os.environ.get("SECRET_KEY", ""))
REQUIRE_2FA_FOR_ADMINS = env_bool("REQUIRE_2FA_FOR_ADMINS", True)

# Cache: Redis when REDIS_URL is set (rate limits shared by every worker and
# server); otherwise each process keeps its own in local memory.
if os.environ.get("REDIS_URL"):
    CACHES = redis_cache(os.environ["REDIS_URL"])
    # A Redis outage is caught here, once for every use of the cache (serving/backends.py).
    CACHES["default"]["BACKEND"] = "serving.backends.GuardedRedisCache"

# Tasks go to the database queue, run by `manage.py db_worker` (docs/background-work.md).
TASKS = task_backends("database")

# Images and documents on any Django storage: its class, and its options as JSON
# (django-storages' S3 example in docs/background-work.md).
STORAGES = {
    "default": {
        "BACKEND": os.environ.get("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(os.environ.get("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SERVE_MEDIA = env_bool("SERVE_MEDIA", STORAGES["default"]["BACKEND"].endswith(".FileSystemStorage"))

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe the app servers over plain HTTP, behind the TLS terminator.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# A purge reaches only the cache it runs against: with each worker's own local
# memory, the other workers would keep serving an unpublished page. The page
# cache and the pages' rendered bodies are on once the cache is shared
# (REDIS_URL, issue 15), or on request.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", bool(os.environ.get("REDIS_URL")))
BODY_CACHE_ENABLED = env_bool("BODY_CACHE_ENABLED", bool(os.environ.get("REDIS_URL")))

# Varnish in front of the app servers (deploy/varnish/default.vcl): each
# purge sends it the tags that changed (PURGE with an `xkey-purge` header).
# One URL per cache server.
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URLS", "")

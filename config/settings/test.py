from .base import *  # noqa: F403
from .base import BASE_DIR, Path, os

SECRET_KEY = "test-only-insecure-key"  # noqa: S105 - the tests' settings only
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test gets its own media folder (tests/conftest.py); processes a test starts are given theirs.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "test-media"))
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests log in with client.login(), which gives django-axes no request;
# tests/security turns lockouts on where it tests them.
AXES_ENABLED = False
REQUIRE_2FA_FOR_ADMINS = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change pages behind the signals' back; tests/caching turns the page cache on.
PAGE_CACHE_ENABLED = False
# Tests assert on the console e-mail backend only where they say so.
os.environ.setdefault("DJANGO_TEST", "1")

# The engine (SEARCH_URL) is used only by the tests that ask for it, through the
# `engine` fixture of tests/search, each with index names of its own.
SEARCH_ENGINE_TEST_CONFIG = WAGTAILSEARCH_BACKENDS.pop("engine", None)  # noqa: F405
# Index writes refresh at once in the tests, on a machine that runs other suites:
# more than production's second, unless SEARCH_TIMEOUT says otherwise.
if SEARCH_ENGINE_TEST_CONFIG and "SEARCH_TIMEOUT" not in os.environ:
    SEARCH_ENGINE_TEST_CONFIG["TIMEOUT"] = 10
SEARCH_REFRESH_ON_WRITE = True

# A fifth content type, plugged in the way the README says (tests/fake_type).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.fake_type"]  # noqa: F405

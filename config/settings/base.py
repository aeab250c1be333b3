"""Settings shared by every environment. Anything deployment-specific comes
from the environment; see dev.py, test.py and production.py for the rest."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy

from background.config import task_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
# The pattern page at /patterns/ (editorial.patterns): every component from fixed data.
PATTERN_LIBRARY = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps: one per concept.
    "home",
    "people",
    "topics",
    "navigation",
    "editorial",
    "reports",
    "events",
    "news",
    "initiatives",
    "newsletters",
    "search",
    "roles",
    "demo",
    "operations",
    "benchmarks",
    "serving",
    "security",
    "background",
    # Wagtail and wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    # Its catalogue translates the admin's relative times ("il y a 13 secondes").
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Images under MEDIA_URL, before the session and language middleware (their Vary).
    "operations.media.MediaImagesMiddleware",
    # After whitenoise (static files come precompressed), outside the page cache
    # (which keeps one uncompressed copy for every reader).
    "operations.compression.TextCompressionMiddleware",
    # Before the session and CSRF middleware: it must see the cookies they set.
    "serving.pagecache.PageCacheMiddleware",
    # robots.txt and the manifest: takes back the session and language middleware's Vary.
    "home.site_files.SameForEveryReaderMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The request's Wagtail site from the cache, before anything looks it up.
    "serving.routing.CachedSiteMiddleware",
    "security.middleware.ControlCharactersMiddleware",
    "editorial.url_words.ForeignQueryParamsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "security.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "security.csp.AdminAwareCSPMiddleware",
    "security.middleware.PermissionsPolicyMiddleware",
    "security.admin_guards.AdminGuardsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "navigation.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock (up to 20 s) instead of failing with
    # "database is locked" when two requests write at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, so that psycopg prepares a query a
    # connection repeats (after 5 runs): PostgreSQL then skips planning it, a
    # third of a page's SQL time (a report's authors: 0.6 ms planned, 0.2 ms prepared).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})
    # The planner's cost of reading a page out of order as on solid-state disks
    # (1.1; PostgreSQL's 4 is a spinning disk's): with 4, a topic page at 100,000
    # pages read every page of the language to find its 2,400 instead of looking
    # them up (47 → 26 ms). Set per connection, so it holds on whatever server
    # the site is pointed at.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c random_page_cost=1.1")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Lists of names (topics, people) in the readers' alphabetical order whatever the
# database's own collation (editorial/ordering.py): ICU's root collation, which
# Debian's and the official images' PostgreSQL carry; "" for a server built without ICU.
ALPHABETICAL_COLLATION = os.environ.get(
    "ALPHABETICAL_COLLATION", "und-x-icu" if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" else ""
)

AUTHENTICATION_BACKENDS = [
    # Refuses logins of locked-out accounts and clients before checking the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the source language of content and interface.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Content languages as the admin's language names them ("publié(e) en anglais").
WAGTAIL_CONTENT_LANGUAGES = [("fr", gettext_lazy("français")), ("en", gettext_lazy("anglais"))]
# Translating makes drafts: a translation goes live when the translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "django_language"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The app servers serve the images under MEDIA_URL from MEDIA_ROOT (operations.media);
# off when the storage serves them itself (S3, a CDN: docs/background-work.md).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background work (search indexing, e-mails, Wagtail's own tasks): run at once
# in the request by default; TASK_QUEUE=database queues them in PostgreSQL for
# `manage.py db_worker` (production's default; docs/background-work.md).
TASKS = task_backends("immediate")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: console in development, SMTP configured from the environment elsewhere.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Institut <contact@example.org>")
# A provider's API instead of SMTP, by settings alone: EMAIL_BACKEND names a
# django-anymail backend (anymail.backends.brevo.EmailBackend, .mailjet., .amazon_ses., ...)
# and its options come from ANYMAIL_* variables (ANYMAIL_BREVO_API_KEY=...): docs/newsletters.md.
ANYMAIL = {name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items() if name.startswith("ANYMAIL_")}

# The admin's password-reset e-mail goes through the retried queue (background.mail).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "background.mail.QueuedPasswordResetForm"  # noqa: S105 - a class path

# Django's cache: the page cache, the related lists and site-wide data. Local
# memory (one per process) until REDIS_URL gives every process the same one.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

# The page cache (serving/pagecache.py): anonymous GETs of public pages, purged
# by the tags of what they show (docs/caching.md); entries also expire after PAGE_CACHE_TIMEOUT
# seconds, which bounds what time alone changes (an event becoming past).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# Page bodies, the home page's sections and the indexes' pages of cards rendered
# once per content (editorial/rendered_body.py, serving.sitewide.kept_rendering); off only
# to time their rendering (`site_benchmark`).
BODY_CACHE_ENABLED = env_bool("BODY_CACHE_ENABLED", True)
# Varnish servers sent each tag purge (serving/tags.py); none by default.
FRONTEND_CACHE_URLS = []

# Wagtail
WAGTAIL_SITE_NAME = "Institut du numérique responsable"
# Slugs end up in links, citations and e-mails: "souverainete", never "souverainet%C3%A9".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Documents go through Django so that security.documents can refuse those of private pages.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
# One date format per language: see config/formats/.
FORMAT_MODULE_PATH = ["config.formats"]
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: staff e-mail hashes stay here, and the admin's CSP needs no third-party images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Search (docs/search.md). Wagtail's database backend stays the default:
# the admin searches with it and the public search falls back on it. SEARCH_URL
# adds the engine the public search and its API use: one index per language,
# kept up to date by search.indexing (hence no AUTO_UPDATE).
SEARCH_BACKENDS_SUPPORTED = ("opensearch2", "opensearch3", "elasticsearch7", "elasticsearch8", "elasticsearch9")
SEARCH_URL = os.environ.get("SEARCH_URL", "").strip()
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "opensearch3").strip()
if SEARCH_BACKEND not in SEARCH_BACKENDS_SUPPORTED:
    raise ValueError(f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS_SUPPORTED)}, not {SEARCH_BACKEND!r}")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS["engine"] = {
        "BACKEND": f"search.backends.{SEARCH_BACKEND}",
        "URLS": [SEARCH_URL],
        "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "thinktank_"),
        "TIMEOUT": float(os.environ.get("SEARCH_TIMEOUT", "1")),
        # 1 on a cluster of two nodes or more (docs/production.md); a single node cannot hold a replica.
        "REPLICAS": int(os.environ.get("SEARCH_REPLICAS", "0")),
        "AUTO_UPDATE": False,
    }
# A frozen engine must not hold readers: after SEARCH_BREAKER_FAILURES failures
# in a row the engine is left alone for SEARCH_BREAKER_COOLDOWN seconds (search.breaker).
SEARCH_BREAKER_FAILURES = int(os.environ.get("SEARCH_BREAKER_FAILURES", "3"))
SEARCH_BREAKER_COOLDOWN = float(os.environ.get("SEARCH_BREAKER_COOLDOWN", "30"))
# Make each index change visible to the next search at once (tests, demos);
# otherwise the engine shows it within a second.
SEARCH_REFRESH_ON_WRITE = env_bool("SEARCH_REFRESH_ON_WRITE")

# wagtail-localize: DeepL only when a key is configured.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }

# Security headers that hold in every environment (production.py adds HTTPS ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Framing: the site's own pages only (the admin's preview panel frames pages),
# said once by CSP's frame-ancestors below and repeated by X-Frame-Options for
# browsers without CSP level 2; no environment may contradict it.
X_FRAME_OPTIONS = "SAMEORIGIN"
# `check --deploy` asks for DENY, which would break the preview panel.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        # The Wagtail admin uses inline styles and scripts.
        # Style attributes: Wagtail's responsive embeds. Scripts: files only.
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# The Wagtail admin (under /admin/ only) still uses inline scripts.
ADMIN_CONTENT_SECURITY_POLICY_REPLACE = {"script-src": ["'self'", "'unsafe-inline'"]}

# Client address (security.client.client_ip): REMOTE_ADDR, or X-Forwarded-For
# when requests come through this many reverse proxies of ours.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Staff sessions (docs/production.md, "Staff sessions"): signed out after two
# hours without a request, instead of Django's 14 days whatever the activity.
# Every request renews the two hours (readers without a session save nothing).
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Lockout after wrong passwords (admin login and password-protected pages),
# per account or protected page and per client; see docs/security.md, "Lockouts".
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "security.client.client_ip"
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_ENABLE_ADMIN = False

# Two-factor authentication (security.twofactor): staff may turn it on; superusers must when this is set.
REQUIRE_2FA_FOR_ADMINS = env_bool("REQUIRE_2FA_FOR_ADMINS")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# How many "On the same subject" items a content page shows (editorial/related.py).
RELATED_ITEMS_LIMIT = 6

# Event registrations: deleted this many days after the event (manage.py
# purge_registrations), and at most this many form submissions per client
# address per window of seconds.
EVENTS_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENTS_REGISTRATION_RETENTION_DAYS", "90"))
EVENTS_REGISTRATION_RATE_LIMIT = (10, 600)
# Hours a reader offered a freed seat from the waitlist has to take it (events/waitlist.py).
EVENTS_WAITLIST_OFFER_HOURS = int(os.environ.get("EVENTS_WAITLIST_OFFER_HOURS", "24"))

# Newsletters and topic alerts (newsletters/, docs/newsletters.md): subscription
# requests per client address per window of seconds; days an unsubscribed
# address is kept (to honour the unsubscription) before the purge; messages a
# sending task sends per second at most, and per task.
NEWSLETTERS_SUBSCRIBE_RATE_LIMIT = (5, 600)
NEWSLETTERS_UNSUBSCRIBED_RETENTION_DAYS = int(os.environ.get("NEWSLETTERS_UNSUBSCRIBED_RETENTION_DAYS", "365"))
NEWSLETTERS_SEND_RATE = float(os.environ.get("NEWSLETTERS_SEND_RATE", "20"))
NEWSLETTERS_BATCH_SIZE = int(os.environ.get("NEWSLETTERS_BATCH_SIZE", "100"))
# The address mail clients may write to instead of the one-click link.
NEWSLETTERS_UNSUBSCRIBE_MAILTO = os.environ.get("NEWSLETTERS_UNSUBSCRIBE_MAILTO", "")

# Templates a topic page includes from the apps above the topics (`topic` in their context).
TOPIC_PAGE_INCLUDES = ["newsletters/includes/subscribe_form.html"]

# URLs in one sitemap file (the sitemaps protocol's maximum); past it,
# /sitemap.xml is an index of sitemap pages (home.sitemaps).
SITEMAP_URL_LIMIT = 50_000

# Names readers see for the organisation (citations, JSON-LD).
ORGANISATION_NAME = os.environ.get("ORGANISATION_NAME", WAGTAIL_SITE_NAME)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

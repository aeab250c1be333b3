from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from editorial.patterns import patterns
from home.sitemaps import sitemap
from home.views import language_redirect, robots_txt, root_icon, web_manifest
from operations.health import healthz, readyz
from operations.outage import server_error
from search.urls import page_urlpatterns as search_page_urls
from security.lockout import authenticate_with_password

# PostgreSQL away: a 503 maintenance page instead of the 500 page (operations.outage).
handler500 = server_error

urlpatterns = [
    path("", language_redirect, name="language_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # One name for both: the cache policy and purge tag of the sitemap apply to its pages.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap, name="sitemap"),
    path("api/search/", include("search.urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("manifest.webmanifest", web_manifest, name="web_manifest"),
    path("favicon.ico", root_icon, {"name": "favicon.ico"}, name="favicon"),
    path("apple-touch-icon.png", root_icon, {"name": "apple-touch-icon.png"}, name="apple_touch_icon"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Answers 404 unless settings.PATTERN_LIBRARY (on with DEBUG).
    path("patterns/", patterns, name="patterns"),
]

# Every public page lives under its language prefix: /fr/... and /en/...
urlpatterns += i18n_patterns(
    *search_page_urls,
    # Wagtail's page-password form, behind the lockout (before Wagtail's own URL).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
    ),
    path("", include("newsletters.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

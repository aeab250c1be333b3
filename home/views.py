from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .site_files import same_for_every_reader

THEME_COLOR = "#0b5c4f"
# Both change only with a deployment (the manifest names the static icons),
# and every page fetches the manifest: a day in browsers and shared caches.
SITE_FILE_MAX_AGE = 24 * 60 * 60


def language_redirect(request):
    """`/` sends readers to their language: cookie, then Accept-Language, else French."""
    language = get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return redirect(f"/{language}/")


@require_GET
@same_for_every_reader
@cache_control(public=True, max_age=SITE_FILE_MAX_AGE)
def robots_txt(request):
    """Crawlers may read every public page; the admin and the APIs are not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# Icons browsers ask for at the root when a page names none: Safari's home-screen
# icon and the `.ico` of browsers without SVG icons. Served here, the head names
# only the inline SVG (a tag less on every page).
ROOT_ICONS = {"favicon.ico": "brand/favicon.ico", "apple-touch-icon.png": "brand/apple-touch-icon.png"}


@require_GET
@same_for_every_reader
@cache_control(public=True, max_age=SITE_FILE_MAX_AGE)
def root_icon(request, name):
    path = finders.find(ROOT_ICONS.get(name, ""))
    if not path:
        raise Http404(name)
    return FileResponse(open(path, "rb"))


@require_GET
@same_for_every_reader
@cache_control(public=True, max_age=SITE_FILE_MAX_AGE)
def web_manifest(request):
    """The web app manifest, in the language asked for by `?lang=` (French otherwise)."""
    language = request.GET.get("lang")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        manifest = {
            "name": _("Institut du numérique responsable"),
            "short_name": _("INR"),
            "description": _(
                "Un laboratoire d'idées indépendant pour un numérique au service de l'humain et de la planète."
            ),
            "lang": language,
            "start_url": f"/{language}/",
            "scope": "/",
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOR,
            "icons": [
                {"src": static("brand/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("brand/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("brand/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
                {"src": static("brand/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        }
    return JsonResponse(manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})

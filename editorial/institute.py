"""The institute's identity as pages, feeds and JSON-LD show it, in the reader's language.

Every caller goes through these functions. The name is the one editors set in
Settings → Institut (`navigation.InstituteSettings`, looked up by name: the
settings model lives with the site chrome, a layer above this one), or the
ORGANISATION_NAME setting where no request tells which site is meant."""

from django.apps import apps
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language, gettext

from .absolute import absolute_url


def institute_name(request=None, language=None):
    """The institute's name in `language` (default: the active one)."""
    language = language or get_language()
    if request is None:
        return gettext(settings.ORGANISATION_NAME)
    return apps.get_model("navigation", "InstituteSettings").cached_for_request(request).name_in(language)


def institute_mission(context):
    """The mission editors write on the footer menu (`navigation.Menu.mission`),
    in the page's language: read from the menus the template context carries
    (the `navigation` context processor, a layer above this one); "" without one."""
    menus = context.get("navigation") or {}
    return (menus.get("footer") or {}).get("mission", "")


def institute_json_ld(request):
    """schema.org `Organization` of the institute, for the publisher or organiser of a page."""
    language = get_language()
    return {
        "@type": "Organization",
        "name": institute_name(request, language),
        "url": absolute_url(request, f"/{language}/"),
        "logo": absolute_url(request, static("brand/logo.svg")),
    }

"""The institute's identity as pages, feeds and JSON-LD show it, in the reader's language.

Every caller goes through these functions, so the source of the name (today the
ORGANISATION_NAME setting, translated by gettext) can change in one place."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language, gettext, gettext_lazy

from .absolute import absolute_url

MISSION = gettext_lazy("Un laboratoire d'idées indépendant pour un numérique au service de l'humain et de la planète.")


def institute_name():
    return gettext(settings.ORGANISATION_NAME)


def institute_mission():
    return str(MISSION)


def institute_json_ld(request):
    """schema.org `Organization` of the institute, for the publisher or organiser of a page."""
    language = get_language()
    return {
        "@type": "Organization",
        "name": institute_name(),
        "url": absolute_url(request, f"/{language}/"),
        "logo": absolute_url(request, static("brand/logo.svg")),
    }

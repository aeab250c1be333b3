"""What initiatives bring to the home page (editorial.content_types), declared in `InitiativesConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from editorial.content_types import HomeSection, register

from .models import InitiativeIndexPage, InitiativePage


def latest_initiatives(page, request, count=3):
    """The latest live, public initiatives of `page`'s language."""
    initiatives = (
        InitiativePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .order_by("-first_published_at", "-pk")[:count]
    )
    return {
        "request": request,
        "initiatives": list(initiatives),
        "index_url": InitiativeIndexPage.url_for_locale(page.locale_id),
    }


def register_initiatives():
    register(
        "initiatives",
        home_sections=[
            HomeSection(
                "initiatives",
                _("Initiatives et concertations"),
                "initiatives/includes/latest_initiatives.html",
                latest_initiatives,
                in_columns=True,
                order=40,
            )
        ],
    )

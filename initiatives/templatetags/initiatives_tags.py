from django import template

from initiatives.models import InitiativeIndexPage, InitiativePage

register = template.Library()


@register.inclusion_tag("initiatives/includes/latest_initiatives.html", takes_context=True)
def latest_initiatives(context, page, count=3):
    """The latest live, public initiatives of `page`'s language, for the home page."""
    initiatives = (
        InitiativePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .order_by("-first_published_at", "-pk")[:count]
    )
    return {
        "request": context.get("request"),
        "initiatives": list(initiatives),
        "index_url": InitiativeIndexPage.url_for_locale(page.locale_id),
    }

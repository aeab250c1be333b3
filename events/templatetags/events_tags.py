from django import template

from events.models import EventIndexPage
from events.models import upcoming_events as upcoming_events_of

register = template.Library()


@register.inclusion_tag("events/includes/upcoming.html", takes_context=True)
def upcoming_events(context, page, limit=3):
    """The next live, public events in the language of `page` (the home page)."""
    return {
        "request": context.get("request"),
        "upcoming_events": list(upcoming_events_of(page.locale_id, limit=limit)),
        "index_url": EventIndexPage.url_for_locale(page.locale_id),
    }

from django import template

from people.jsonld import person_json_ld as build_person_json_ld
from people.models import PeopleIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def person_url(context, person):
    """URL of the person's page in the person's language, or "" when that
    language has no people index page."""
    if person is None:
        return ""
    return PeopleIndexPage.snippet_url(person, context.get("request"))


@register.simple_tag(takes_context=True)
def person_json_ld(context, person):
    request = context.get("request")
    return build_person_json_ld(person, request, PeopleIndexPage.snippet_url(person, request))

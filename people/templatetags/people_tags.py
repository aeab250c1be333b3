from django import template
from django.conf import settings
from django.utils.translation import get_language

from people.jsonld import person_json_ld as build_person_json_ld
from people.models import PeopleIndexPage
from serving.sitewide import locale_for

register = template.Library()


@register.simple_tag(takes_context=True)
def person_link(context, person):
    """{"url", "language"} of the person's page: theirs, or, while it is not
    published (a translation made with the page and not yet reviewed), the
    published one of the source language, then of any language. `language` is
    set when the page is not in the reader's language (the link's `hreflang`);
    the url is "" when no version is published or its language has no people
    index page, so that no link leads to a 404."""
    shown = person
    if person is not None and not person.live:
        translations = person.get_translations().filter(live=True).select_related("locale")
        by_language = {translation.locale.language_code: translation for translation in translations}
        shown = by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()), None)
    if shown is None:
        return {"url": "", "language": None}
    # The reader's own locale from the site-wide data: no query per person listed.
    reader_locale = locale_for(get_language())
    in_reader_language = reader_locale is not None and shown.locale_id == reader_locale.pk
    return {
        "url": PeopleIndexPage.snippet_url(shown, context.get("request")),
        "language": None if in_reader_language else shown.locale.language_code,
    }


@register.simple_tag(takes_context=True)
def person_json_ld(context, person):
    request = context.get("request")
    return build_person_json_ld(person, request, PeopleIndexPage.snippet_url(person, request))

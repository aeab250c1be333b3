from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from navigation.models import InstituteSettings
from serving.sitewide import is_public, sites, sitewide

register = template.Library()


def live_translation_urls(page, request):
    """{language_code: absolute URL} of the live, public versions of `page`.

    Kept with the site-wide data (`serving.sitewide`), dropped whenever a page
    is published, unpublished, moved, deleted or made private: what changes a
    translation's address or visibility. The URLs are kept as Wagtail gives
    them for the request's site."""
    site = Site.find_for_request(request)

    def compute():
        # Home pages and sections: their translations are among the site-wide sites.
        known = sites()
        near = [other for other in [*known.homes, *known.sections] if other.translation_key == page.translation_key]
        if page.pk in {other.pk for other in near}:
            translations = [other for other in near if other.live and is_public(other)]
        else:
            translations = page.get_translations(inclusive=True).live().public().select_related("locale")
        return {t.locale.language_code: t.get_url(request) for t in translations}

    urls = sitewide("translations", compute, site.pk if site else "", page.translation_key)
    return {code: request.build_absolute_uri(url) for code, url in urls.items()}


@register.simple_tag(takes_context=True)
def language_context(context):
    """What the page head (hreflang, canonical) and the language switcher need.

    Views that are not plain Wagtail pages (routable sub-pages, search) put
    `language_alternates` ({code: absolute URL}) in the context themselves."""
    request = context["request"]
    current = get_language()
    alternates = context.get("language_alternates")
    page = context.get("page")
    if alternates is None:
        alternates = {}
        if isinstance(page, Page) and page.id and page.live:
            alternates = live_translation_urls(page, request)
    canonical = context.get("canonical_url") or alternates.get(current) or request.build_absolute_uri(request.path)
    # Named as a sentence of the active language names them: "en anglais", "in French".
    names_in_sentence = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    listing = context.get("listing")

    def switched(code):
        """The page in `code` with the reader's filters, in that language's words."""
        url = alternates.get(code)
        return url + listing.query_in(code) if url and listing is not None else url

    switcher = [
        {
            "code": code,
            "name": names_in_sentence.get(code, name),
            "url": switched(code),
            "home_url": f"/{code}/",
        }
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {
        "current": current,
        "canonical": canonical,
        "alternates": sorted(alternates.items()),
        "x_default": alternates.get(settings.LANGUAGE_CODE) or next(iter(alternates.values()), None),
        "switcher": switcher,
    }


@register.simple_tag(takes_context=True)
def institute(context):
    """The institute settings of the request's site, with `name` in the active language."""
    settings_ = InstituteSettings.cached_for_request(context["request"])
    return {
        "name": settings_.name_in(get_language()),
        "address_lines": [line.strip() for line in settings_.address.splitlines() if line.strip()],
        "email": settings_.email,
        "social_links": [link.value for link in settings_.social_links],
    }

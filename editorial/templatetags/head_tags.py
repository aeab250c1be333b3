"""The page head every page type shares: description, robots, Open Graph and
Twitter cards, and the feeds announced to readers' feed readers."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from editorial.absolute import absolute_url
from editorial.institute import institute_mission, institute_name

from .editorial_tags import jsonld

register = template.Library()


@register.simple_tag(takes_context=True)
def page_ld_entity(context):
    """The JSON-LD of the page's `ld_entity(context)` (`ServedPage.ld_entity`),
    once, in the base template's head; nothing for pages without one."""
    ld_entity = getattr(context.get("page"), "ld_entity", None)
    return jsonld(ld_entity(context) if ld_entity else None)


OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _page_description(page):
    for field in ("search_description", "summary", "intro"):
        text = strip_tags(str(getattr(page, field, "") or "")).strip()
        if text:
            return text
    return ""


def _robots(context):
    """Filtered and later pages of a listing are many and repeat the first:
    crawlers follow their links but do not index them."""
    listing = context.get("listing")
    if listing is not None and (listing.is_filtered or listing.page.number > 1):
        return "noindex, follow"
    return ""


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context, title="", description="", image=None, image_alt="", og_type="website", robots=""):
    """Description, robots and Open Graph of the current page; each value can be
    given (snippet pages, search), otherwise it comes from `page`."""
    page = context.get("page")
    request = context.get("request")
    lang = context.get("lang") or {}
    if page is not None:
        title = title or page.seo_title or page.title
        description = description or _page_description(page)
        image = image or getattr(page, "cover_image", None)
        image_alt = image_alt or getattr(page, "cover_alt", "")
    description = Truncator(strip_tags(str(description or institute_mission(context))).strip()).chars(300)
    current = lang.get("current", "")
    return {
        "title": title or institute_name(request),
        "description": description,
        "robots": robots or _robots(context),
        "og_type": og_type,
        "url": lang.get("canonical") or absolute_url(request, request.path if request else ""),
        "site_name": institute_name(request),
        "locale": OG_LOCALES.get(current, current),
        "alternate_locales": [
            OG_LOCALES.get(code, code) for code, _url in lang.get("alternates", ()) if code != current
        ],
        "image": image,
        "image_alt": image_alt,
        "request": request,
    }


@register.simple_tag(takes_context=True)
def absolute(context, url):
    """`url` as an absolute URL of the current request."""
    return absolute_url(context.get("request"), url)

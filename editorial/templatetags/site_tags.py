"""Display helpers of the site chrome (header, footer) that every page shares."""

from functools import cache
from pathlib import Path
from urllib.parse import quote

from django import template
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import NoReverseMatch
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from serving.sitewide import locale_for, sitewide

from .. import institute
from ..models import SectionIndexPage, section_indexes
from ..url_words import reverse_route

register = template.Library()

# The routes of index pages that readers subscribe to, in the order the footer lists them.
FEED_ROUTES = ("rss", "calendar")


@cache
def _feed_routes(language):
    """{page model: (route name, sub-path in `language`)} of the index page types that serve a feed."""
    routes = {}
    for model in get_page_models():
        if model._meta.abstract or not issubclass(model, RoutablePageMixin) or not issubclass(model, SectionIndexPage):
            continue
        for name in FEED_ROUTES:
            try:
                routes[model] = (name, reverse_route(model, name, language))
            except NoReverseMatch:
                continue
            break
    return routes


@register.simple_tag
def site_feeds():
    """[{title, url, kind}] of the live, public feed-serving index pages in the
    reader's language, in tree order, from the site-wide index pages."""
    language_code = get_language()
    locale = locale_for(language_code)
    if locale is None:
        return []
    indexes = section_indexes()
    feeds = []
    for model, (name, sub_path) in _feed_routes(language_code).items():
        index = indexes.get((model._meta.label_lower, locale.pk))
        if index and index.url:
            feeds.append((index.path, {"title": index.title, "url": index.url + sub_path, "kind": name}))
    return [feed for _path, feed in sorted(feeds, key=lambda pair: pair[0])]


@register.filter
def in_section(path, url):
    """Whether the current `path` lies in the section whose address is `url`."""
    return bool(url) and url != "/" and str(path).startswith(url)


@register.filter
def is_external(url):
    """Whether a menu link leaves the site (social networks, partners)."""
    return str(url).startswith(("http://", "https://"))


@register.simple_tag
@cache
def static_data_uri(path, content_type):
    """A small static file (the SVG favicon) as a `data:` URI: part of the page,
    not one more request on every first visit (docs/performance.md)."""
    return f"data:{content_type}," + quote(Path(finders.find(path)).read_text().strip(), safe="=:/;,()")


@register.simple_tag(takes_context=True)
def institute_name(context):
    """The institute's name as editors set it (Settings → Institut), in the page's language."""
    return institute.institute_name(context.get("request"))


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (`includes/footer.html`), rendered once per language and
    generation of the site-wide data: it shows nothing else (menus, feeds, the
    institute's settings)."""
    return sitewide("footer", lambda: render_to_string("includes/footer.html", context.flatten()), get_language())

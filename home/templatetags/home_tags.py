from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from editorial.content_types import home_sections as registered_sections
from serving.sitewide import kept_rendering

register = template.Library()


@register.simple_tag(takes_context=True)
def home_sections(context, page):
    """The home page's sections, in the editors' order (all of them, in their
    default order, if they chose none), rendered; consecutive sections that
    sit in columns grouped: [{"in_columns": bool, "parts": [html]}].

    Each section is kept rendered while the pages and snippets it shows are
    unchanged (`home-section`): the page is rendered again after every
    publication in its language, or when its cache entry expires, and most of
    the time only one section or none has changed (docs/caching.md)."""
    request = context.get("request")
    sections = registered_sections()
    keys = [block.value for block in page.sections] or list(sections)
    groups = []
    for key in dict.fromkeys(keys):
        section = sections.get(key)
        if section is None:  # its app is no longer installed
            continue

        def render(section=section):
            values = section.context(page, request)
            return render_to_string(section.template, values, request) if values else ""

        html = kept_rendering(
            "home-section",
            render,
            request,
            page.pk,
            section.key,
            get_language(),
            changes_with_time=section.changes_with_time,
        )
        if not html:
            continue
        if groups and section.in_columns and groups[-1]["in_columns"]:
            groups[-1]["parts"].append(html)
        else:
            groups.append({"in_columns": section.in_columns, "parts": [html]})
    return groups

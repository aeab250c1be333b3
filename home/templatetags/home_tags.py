from django import template
from django.template.loader import render_to_string

from editorial.content_types import home_sections as registered_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def home_sections(context, page):
    """The home page's sections, in the editors' order (all of them, in their
    default order, if they chose none), rendered; consecutive sections that
    sit in columns grouped: [{"in_columns": bool, "parts": [html]}]."""
    request = context.get("request")
    sections = registered_sections()
    keys = [block.value for block in page.sections] or list(sections)
    groups = []
    for key in dict.fromkeys(keys):
        section = sections.get(key)
        if section is None:  # its app is no longer installed
            continue
        values = section.context(page, request)
        if not values:
            continue
        html = render_to_string(section.template, values, request)
        if groups and section.in_columns and groups[-1]["in_columns"]:
            groups[-1]["parts"].append(html)
        else:
            groups.append({"in_columns": section.in_columns, "parts": [html]})
    return groups

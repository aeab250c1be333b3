from django import template

from home.jsonld import home_json_ld as build_home_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def home_json_ld(context, page):
    return build_home_json_ld(page, context.get("request"))

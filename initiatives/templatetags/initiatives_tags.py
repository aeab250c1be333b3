from django import template

from initiatives.jsonld import initiative_json_ld as build_initiative_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def initiative_json_ld(context, page):
    return build_initiative_json_ld(page, context.get("request"))

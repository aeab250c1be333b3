from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def person_link(context, person):
    """{"url", "language"} of the person's page (`Person.link`); no link for no one."""
    if person is None:
        return {"url": "", "language": None}
    return person.link(context.get("request"))

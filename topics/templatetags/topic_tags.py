from django import template

from topics.models import TopicIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_url(context, topic):
    """URL of the topic's page in the topic's language, or "" when that language
    has no topic index page."""
    if topic is None:
        return ""
    return TopicIndexPage.snippet_url(topic, context.get("request"))

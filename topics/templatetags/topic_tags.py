from django import template

from topics.models import TopicIndexPage, topics_with_counts

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_url(context, topic):
    """URL of the topic's page in the topic's language, or "" when that language
    has no topic index page."""
    if topic is None:
        return ""
    return TopicIndexPage.snippet_url(topic, context.get("request"))


@register.inclusion_tag("topics/includes/topic_entry_points.html", takes_context=True)
def topic_entry_points(context, page, count=8):
    """The topics of `page`'s language that have content, the busiest first, for the home page."""
    # A stable sort: topics with as many pages stay in alphabetical order.
    topics = sorted(
        (topic for topic in topics_with_counts(page.locale_id) if topic.item_count),
        key=lambda topic: -topic.item_count,
    )[:count]
    request = context.get("request")
    return {
        "request": request,
        "topics": [(topic, TopicIndexPage.snippet_url(topic, request)) for topic in topics],
        "index_url": TopicIndexPage.url_for_locale(page.locale_id, request),
    }

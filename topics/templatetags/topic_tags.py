from django import template
from django.db.models import Count, Q

from editorial.sitewide import sitewide
from topics.models import Topic, TopicIndexPage, live_pages_of

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
    """The topics of `page`'s language that have content, the busiest first, for
    the home page. Counting every page's topics takes 20 ms at 5,000 pages a
    language: kept with the site-wide data, which a publication or a topic's
    change renews."""

    def busiest():
        visible = live_pages_of(page.locale_id).values("pk")
        return list(
            Topic.objects.filter(locale_id=page.locale_id, live=True)
            .annotate(item_count=Count("page_links__page", filter=Q(page_links__page__in=visible), distinct=True))
            .filter(item_count__gt=0)
            .order_by("-item_count", "name")[:count]
        )

    topics = sitewide(f"topic-entry-points:{page.locale_id}:{count}", busiest)
    request = context.get("request")
    return {
        "request": request,
        "topics": [(topic, TopicIndexPage.snippet_url(topic, request)) for topic in topics],
        "index_url": TopicIndexPage.url_for_locale(page.locale_id, request),
    }

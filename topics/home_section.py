"""The topics' section of the home page (editorial.content_types), declared in `TopicsConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from editorial.content_types import HomeSection, register

from .models import TopicIndexPage, topics_with_counts


def topic_entry_points(page, request, count=8):
    """The topics of `page`'s language that have content, the busiest first."""
    # A stable sort: topics with as many pages stay in alphabetical order.
    topics = sorted(
        (topic for topic in topics_with_counts(page.locale_id) if topic.item_count),
        key=lambda topic: -topic.item_count,
    )[:count]
    return {
        "request": request,
        "topics": [(topic, TopicIndexPage.snippet_url(topic, request)) for topic in topics],
        "index_url": TopicIndexPage.url_for_locale(page.locale_id, request),
    }


def register_topics():
    register(
        "topics",
        home_sections=[
            HomeSection(
                "topics",
                _("Explorer par thème"),
                "topics/includes/topic_entry_points.html",
                topic_entry_points,
                order=90,
            )
        ],
    )

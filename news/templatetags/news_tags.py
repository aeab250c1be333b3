from django import template

from news.models import NewsArticlePage, NewsIndexPage

register = template.Library()


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, page, count=3):
    """The latest live, public articles of `page`'s language, for the home page."""
    articles = (
        NewsArticlePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .select_related("author")
        .order_by("-date", "-pk")[:count]
    )
    return {
        "request": context.get("request"),
        "articles": list(articles),
        "index_url": NewsIndexPage.url_for_locale(page.locale_id),
    }

"""What news brings to the pages that list every content type
(editorial.content_types), declared in `NewsConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from editorial.content_types import Contribution, HomeSection, SearchExtras, register
from editorial.related import newest_first_in_database
from people.models import Person
from serving.specific import specific_pages
from serving.tags import object_tag

from .models import NewsArticlePage, NewsIndexPage


def latest_news(page, request, count=3):
    """The latest live, public articles of `page`'s language."""
    articles = (
        NewsArticlePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .select_related("author")
        .order_by("-date", "-pk")[:count]
    )
    return {"request": request, "articles": list(articles), "index_url": NewsIndexPage.url_for_locale(page.locale_id)}


def signed(person, visible):
    return newest_first_in_database(visible.filter(pk__in=person.news_articles.values("pk")))


def load_articles(rows):
    return specific_pages(rows, [NewsArticlePage], defer_streamfields=True)


def register_news():
    register(
        "news",
        home_sections=[
            HomeSection(
                "news",
                _("Dernières actualités"),
                "news/includes/latest_news.html",
                latest_news,
                in_columns=True,
                order=30,
            )
        ],
        contributions=[Contribution("articles", _("Articles"), _("Pages des articles"), signed, load_articles)],
        search={NewsArticlePage: SearchExtras(related=("source_organisation",))},
        # An author's page lists their articles.
        ties=[
            (NewsArticlePage, lambda article: {object_tag(Person, article.author_id)} if article.author_id else set())
        ],
    )

"""Pages of this issue's apps for tests: index pages and articles, with topics."""

import datetime

from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from editorial.models import PageTopic
from news.models import NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage
from topics.models import TopicIndexPage


def add_child(parent, page):
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def index_pages(home):
    """The topic, people and news index pages under `home` (French slugs)."""
    return {
        "topics": add_child(home, TopicIndexPage(title="Thèmes", slug="themes")),
        "people": add_child(home, PeopleIndexPage(title="Personnes", slug="personnes")),
        "news": add_child(home, NewsIndexPage(title="Actualités", slug="actualites")),
    }


def article(index, title, topics=(), date=None, publish=True, **fields):
    """A news article under `index` with `topics`, published unless `publish` is False."""
    page = NewsArticlePage(
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        locale=index.locale,
        date=date or datetime.date(2025, 2, 10),
        summary=fields.pop("summary", f"Résumé de {title}."),
        body=fields.pop("body", [("paragraph", f"<p>Texte de {title}.</p>")]),
        live=publish,
        **fields,
    )
    page.page_topics = [PageTopic(topic=topic, locale=index.locale) for topic in topics]
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    return page

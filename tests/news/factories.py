"""Pages of this issue's apps for tests: index pages and articles, with topics."""

import datetime

from django.utils.text import slugify

from tests.kit.pages import NewsArticlePageFactory, NewsIndexPageFactory, PeopleIndexPageFactory, TopicIndexPageFactory


def add_child(parent, page):
    """`page`, built by hand, added under `parent` in its locale and published."""
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def index_pages(home):
    """The topic, people and news index pages under `home` (French slugs)."""
    return {
        "topics": TopicIndexPageFactory(parent=home),
        "people": PeopleIndexPageFactory(parent=home),
        "news": NewsIndexPageFactory(parent=home),
    }


def article(index, title, topics=(), date=None, publish=True, **fields):
    """A news article under `index` with `topics`, published unless `publish` is False."""
    return NewsArticlePageFactory(
        parent=index,
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        date=date or datetime.date(2025, 2, 10),
        topics=topics,
        live=publish,
        **fields,
    )

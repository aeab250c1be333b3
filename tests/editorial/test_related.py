import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.localize import translate
from editorial.models import RelatedPin
from editorial.related import related_items
from initiatives.models import InitiativeIndexPage
from tests.events.factories import event_index, event_page
from tests.initiatives.factories import initiative
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.news.factories import add_child, article, index_pages
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_fr):
    return index_pages(home_fr)


def day(n):
    return datetime.date(2025, 1, 1) + datetime.timedelta(days=n)


def titles(pages):
    return [page.title for page in pages]


def test_most_shared_topics_first_then_newest(site):
    news = site["news"]
    ai, rights, work = TopicFactory(), TopicFactory(), TopicFactory()
    current = article(news, "Courant", [ai, rights, work], day(50))
    article(news, "Deux anciens", [ai, rights], day(1))
    article(news, "Un récent", [ai], day(40))
    article(news, "Deux récents", [ai, rights], day(30))
    article(news, "Trois", [ai, rights, work], day(2))
    article(news, "Sans rapport", [TopicFactory()], day(45))
    assert titles(related_items(current)) == ["Trois", "Deux récents", "Deux anciens", "Un récent"]


def test_drafts_private_and_other_language_pages_never_appear(homes):
    home_fr, _home_en = homes
    site = index_pages(home_fr)
    news = site["news"]
    topic = TopicFactory()
    current = article(news, "Courant", [topic])
    article(news, "Visible", [topic])
    article(news, "Brouillon", [topic], publish=False)
    make_private(article(news, "Privé", [topic]))
    news_en = translate(news, {"Actualités": "News", "actualites": "news"})
    # An English page wrongly tagged with the French topic still stays out of French lists.
    article(news_en, "English", [topic])
    unpublished = article(news, "Retiré", [topic])
    unpublished.unpublish()
    assert titles(related_items(current)) == ["Visible"]


def test_pinned_items_come_first_in_the_reader_language(homes):
    home_fr, _home_en = homes
    news = index_pages(home_fr)["news"]
    topic = TopicFactory()
    topic_en = translate(topic, {topic.name: "Topic", topic.slug: "topic"})
    pinned = article(news, "Épinglé", [TopicFactory()], day(1), slug="epingle")
    shared = article(news, "Partagé", [topic], day(2), slug="partage")
    current = article(news, "Courant", [topic], day(3), slug="courant")
    current.related_pins = [RelatedPin(target=pinned, locale=current.locale)]
    current.save()
    current.save_revision().publish()
    assert titles(related_items(current)) == ["Épinglé", "Partagé"]

    news_en = translate(news, {"Actualités": "News", "actualites": "news"})
    assert news_en.locale.language_code == "en"
    pinned_en = translate(pinned, {"Épinglé": "Pinned", "epingle": "pinned"})
    shared_en = translate(shared, {"Partagé": "Shared", "partage": "shared"})
    current_en = translate(current, {"Courant": "Current", "courant": "current"})
    assert current_en.related_pins.get().target_id == pinned.pk  # synchronised from the source
    assert [link.topic for link in shared_en.page_topics.all()] == [topic_en]
    assert related_items(current_en) == [pinned_en, shared_en]


def test_pinned_item_without_translation_is_left_out(homes):
    home_fr, _ = homes
    news = index_pages(home_fr)["news"]
    pinned = article(news, "Épinglé", [TopicFactory()], slug="epingle")
    current = article(news, "Courant", [TopicFactory()], slug="courant")
    current.related_pins = [RelatedPin(target=pinned, locale=current.locale)]
    current.save()
    current.save_revision().publish()
    translate(news, {"Actualités": "News", "actualites": "news"})
    current_en = translate(current, {"Courant": "Current", "courant": "current"})
    assert related_items(current_en) == []


def test_limit_and_no_duplicates(site, settings):
    news = site["news"]
    topic = TopicFactory()
    current = article(news, "Courant", [topic])
    others = [article(news, f"Autre {n}", [topic], day(n)) for n in range(5)]
    current.related_pins = [RelatedPin(target=others[0], locale=current.locale)]
    current.save()
    current.save_revision().publish()
    settings.RELATED_ITEMS_LIMIT = 3
    assert titles(related_items(current)) == ["Autre 0", "Autre 4", "Autre 3"]
    assert len(related_items(current, limit=10)) == 5


def count_queries(func):
    with CaptureQueriesContext(connection) as queries:
        func()
    return len(queries)


@pytest.mark.parametrize("size", [3, 25])
def test_queries_do_not_grow_with_topics_or_items(site, size):
    news = site["news"]
    topics = [TopicFactory() for _ in range(size)]
    current = article(news, "Courant", topics)
    for n in range(size):
        article(news, f"Autre {n}", topics[: n + 1], day(n))
    cache.clear()
    assert count_queries(lambda: related_items(current)) <= 9
    # Cached with the site-wide data, pages included.
    assert count_queries(lambda: related_items(current)) == 0


def test_cache_is_invalidated_on_publish_unpublish_delete_and_privacy(site):
    news = site["news"]
    topic = TopicFactory()
    current = article(news, "Courant", [topic])
    assert related_items(current) == []
    newcomer = article(news, "Nouveau", [topic])
    assert titles(related_items(current)) == ["Nouveau"]
    restriction = make_private(newcomer).view_restrictions.get()
    assert related_items(current) == []
    restriction.delete()
    assert titles(related_items(current)) == ["Nouveau"]
    newcomer.unpublish()
    assert related_items(current) == []
    newcomer.save_revision().publish()
    assert titles(related_items(current)) == ["Nouveau"]
    newcomer.delete()
    assert related_items(current) == []


def test_related_block_on_the_page(client, site):
    news = site["news"]
    topic = TopicFactory()
    current = article(news, "Courant", [topic])
    article(news, "Lié", [topic], datetime.date(2025, 2, 11))
    article(news, "Brouillon lié", [topic], publish=False)
    make_private(article(news, "Privé lié", [topic]))
    html = client.get(current.url).text
    assert "Sur le même sujet" in html
    section = html.split("Sur le même sujet", 1)[1]
    assert "Lié" in section and "Actualité" in section and "11 février 2025" in section
    assert "Brouillon lié" not in html and "Privé lié" not in html


def test_english_page_shows_english_heading(client, homes):
    home_fr, _ = homes
    news = index_pages(home_fr)["news"]
    topic = TopicFactory()
    translate(topic, {topic.name: "Topic", topic.slug: "topic"})
    current = article(news, "Courant", [topic], slug="courant")
    other = article(news, "Autre", [topic], slug="autre")
    translate(news, {"Actualités": "News", "actualites": "news"})
    current_en = translate(current, {"Courant": "Current", "courant": "current"})
    translate(other, {"Autre": "Other", "autre": "other"})
    html = client.get(current_en.url).text
    assert "On the same subject" in html
    assert ">Other</a>" in html and ">Autre</a>" not in html


def test_every_content_type_shows_its_related_items(client, site, home_fr):
    topic = TopicFactory()
    pages = [
        article(site["news"], "Article lié", [topic]),
        report(report_index(home_fr), "Rapport lié", topics=[topic]),
        event_page(event_index(home_fr), "Événement lié", topics=[topic]),
    ]
    initiatives = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    pages.append(initiative(initiatives, "Initiative liée"))
    pages[-1].page_topics.create(topic=topic, locale=pages[-1].locale)
    pages[-1].save_revision().publish()
    article(site["news"], "Brouillon lié", [topic], publish=False)
    make_private(article(site["news"], "Privé lié", [topic]))
    titles_html = {"Article lié", "Rapport lié", "Événement lié", "Initiative liée"}
    for page in pages:
        html = client.get(page.url).text
        section = html.split("Sur le même sujet", 1)[1]
        others = titles_html - {page.title}
        assert all(other in section for other in others), (page.title, others)
        assert "Brouillon lié" not in section and "Privé lié" not in section


def test_a_related_cards_date_alone_is_its_own_line(client, site):
    """No paragraph around a lone date (one element less on every dated card): the
    `time` is the card's line, styled as the meta line."""
    news = site["news"]
    topic = TopicFactory()
    current = article(news, "Courant", [topic], day(5))
    article(news, "Voisin", [topic], day(3))
    (card,) = soup(client.get(current.url)).select(".related li.card")
    time = card.select_one("time")
    assert time.parent is card and "meta" in time["class"] and time["datetime"] == day(3).isoformat()
    assert not card.select("p.meta")

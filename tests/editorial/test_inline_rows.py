"""One row per topic, pin or author on a page, whatever the order in which
Wagtail's autosave and the editor's "Publish" reach the server."""

import pytest
from django.db import IntegrityError

from editorial.models import PageTopic
from news.models import NewsArticlePage
from tests.kit.factories import TopicFactory
from tests.news.factories import index_pages
from tests.roles.test_publish_requirements import article_form

pytestmark = pytest.mark.django_db


def test_publishing_before_the_autosave_answer_arrives_keeps_one_row_per_topic(admin_client, home_fr):
    """The autosave of a new page writes its topic row and sends the row's id back;
    a "Publish" clicked before the answer arrives posts the row without its id."""
    news = index_pages(home_fr)["news"]
    topic = TopicFactory(name="Travail")
    form = article_form("action-save", topics=[topic])
    del form["action-save"]
    autosave = admin_client.post(
        f"/admin/pages/add/news/newsarticlepage/{news.pk}/", form, HTTP_ACCEPT="application/json"
    )
    assert autosave.json()["success"] and "page_topics-0-id" in autosave.json()["field_updates"]
    page = NewsArticlePage.objects.get()
    assert PageTopic.objects.filter(page=page).count() == 1

    published = admin_client.post(autosave.json()["url"], article_form("action-publish", topics=[topic]))
    assert published.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert list(PageTopic.objects.filter(page=page).values_list("topic__name", flat=True)) == ["Travail"]
    assert admin_client.get(page.url).content.decode().count(">Travail<") == 1


def test_an_old_revision_with_a_topic_twice_publishes_with_it_once(home_fr):
    news = index_pages(home_fr)["news"]
    topic = TopicFactory()
    page = NewsArticlePage(title="Doublon", slug="doublon", summary="Résumé.", date="2025-01-01")
    news.add_child(instance=page)
    page.page_topics = [PageTopic(topic=topic), PageTopic(topic=topic)]
    page.save_revision().publish()
    assert PageTopic.objects.filter(page=page).count() == 1


def test_the_database_refuses_a_second_row_for_one_topic(home_fr):
    news = index_pages(home_fr)["news"]
    topic = TopicFactory()
    page = NewsArticlePage(title="Base", slug="base", summary="Résumé.", date="2025-01-01")
    news.add_child(instance=page)
    PageTopic.objects.create(page=page, topic=topic, locale=page.locale)
    with pytest.raises(IntegrityError):
        PageTopic.objects.create(page=page, topic=topic, locale=page.locale)

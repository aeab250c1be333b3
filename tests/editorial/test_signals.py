"""What invalidates the "On the same subject" lists, and what does not: the
receivers listen to pages, page privacy and topics (the home page's topic
tiles are kept with them), not to people or registrations."""

import pytest

from editorial.related import related_items
from events.models import Registration
from news.models import NewsIndexPage
from serving.registry import PAGES, TOPICS
from serving.tags import versions
from tests.events.factories import event_index, event_page
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.pages import make_private
from tests.news.factories import add_child, article, index_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_fr):
    return index_pages(home_fr)["news"]


def _generation():
    """The versions of the tags dropping the related lists (`serving.registry`)."""
    return versions([PAGES, TOPICS])


def test_deleting_a_page_of_any_type_clears_the_lists(client, home_fr, news):
    topic = TopicFactory()
    current = article(news, "Courant", [topic])
    gone = event_page(event_index(home_fr), "Événement lié", topics=[topic])
    assert [page.title for page in related_items(current)] == ["Événement lié"]
    gone.delete()
    assert related_items(current) == []
    assert "Événement lié" not in client.get(current.url).text


def test_deleting_or_saving_other_objects_leaves_the_lists(home_fr, news):
    topic = TopicFactory()
    current = article(news, "Courant", [topic])
    article(news, "Lié", [topic])
    event = event_page(event_index(home_fr), "Atelier", registration_mode="form")
    assert [page.title for page in related_items(current)] == ["Lié"]
    generation = _generation()
    PersonFactory().delete()
    registration = Registration.objects.create(
        event=event, event_key=event.translation_key, name="Ada", email="ada@example.org", language="fr"
    )
    registration.delete()
    assert _generation() == generation


def test_publication_unpublication_and_privacy_clear_the_lists(news):
    generation = _generation()
    page = article(news, "Publié", [TopicFactory()])
    assert _generation() != generation
    generation = _generation()
    restriction = make_private(page).view_restrictions.get()
    assert _generation() != generation
    generation = _generation()
    restriction.delete()
    assert _generation() != generation
    generation = _generation()
    page.unpublish()
    assert _generation() != generation


def test_moving_a_page_clears_the_lists(home_fr, news):
    page = article(news, "Déplacé", [TopicFactory()])
    other = add_child(home_fr, NewsIndexPage(title="Archives", slug="archives"))
    generation = _generation()
    page.move(other, pos="last-child")
    assert _generation() != generation


def test_a_topic_saved_or_deleted_clears_the_lists(news):
    generation = _generation()
    topic = TopicFactory()
    assert _generation() != generation
    generation = _generation()
    topic.delete()
    assert _generation() != generation

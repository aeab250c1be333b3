"""French topics and people go through the review workflow as pages do; readers
see their published version only."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from editorial.localize import translate
from people.models import Person
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.news.factories import index_pages
from topics.models import Topic

from .conftest import admin_messages

pytestmark = pytest.mark.django_db


def url(model, action, *args):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=args)


def actions(response):
    """The names of the buttons of the snippet editor's footer."""
    parsed = soup(response.content)
    return {button.get("name") for button in parsed.select("footer button[name], footer input[type=submit][name]")}


def topic_form(topic, **changes):
    return {"name": topic.name, "slug": topic.slug, "description": topic.description, **changes}


def topic_names(client, path):
    parsed = soup(client.get(path).content)
    return [link.get_text(strip=True) for link in parsed.select("main a[href^='/fr/themes/']")]


@pytest.fixture
def topics_section(roles):
    home_fr, _home_en = roles
    index_pages(home_fr)
    topic = TopicFactory(name="Sobriété numérique", slug="sobriete-numerique")
    topic.save_revision().publish()
    return topic


def test_an_editors_change_to_a_french_topic_waits_for_review(client, editor, reviewer, topics_section):
    topic = topics_section
    client.force_login(editor)
    edit = client.get(url(Topic, "edit", topic.pk))
    assert "action-publish" not in actions(edit)
    assert "action-submit" in actions(edit)

    response = client.post(
        url(Topic, "edit", topic.pk), topic_form(topic, name="Sobriété et IA", **{"action-submit": "1"}), follow=True
    )
    assert "soumis" in admin_messages(response)
    topic.refresh_from_db()
    assert topic.name == "Sobriété numérique"
    assert topic.has_unpublished_changes
    assert "Sobriété numérique" in topic_names(client, "/fr/themes/")
    assert client.get("/fr/themes/sobriete-numerique/").status_code == 200

    # A direct publish is refused to the editor.
    client.post(url(Topic, "edit", topic.pk), topic_form(topic, name="Publié seul", **{"action-publish": "1"}))
    topic.refresh_from_db()
    assert topic.name == "Sobriété numérique"

    client.force_login(reviewer)
    state = WorkflowState.objects.for_instance(topic).get(status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    client.post(url(Topic, "workflow_action", topic.pk, "approve", task_state.pk), {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    topic.refresh_from_db()
    assert topic.name == "Sobriété et IA"
    assert "Sobriété et IA" in topic_names(client, "/fr/themes/")


def test_a_new_topic_or_person_is_seen_by_readers_once_approved(client, editor, topics_section):
    client.force_login(editor)
    client.post(url(Topic, "add"), {"name": "Éthique des données", "slug": "ethique-des-donnees", "action-submit": "1"})
    topic = Topic.objects.get(slug="ethique-des-donnees")
    assert not topic.live
    assert "Éthique des données" not in topic_names(client, "/fr/themes/")
    assert client.get("/fr/themes/ethique-des-donnees/").status_code == 404

    client.post(
        url(Person, "add"),
        {"name": "Zoé Lefèvre", "slug": "zoe-lefevre", "show_in_listings": "on", "action-submit": "1"},
    )
    person = Person.objects.get(slug="zoe-lefevre")
    assert not person.live
    assert WorkflowState.objects.for_instance(person).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    assert client.get("/fr/personnes/zoe-lefevre/").status_code == 404


def test_translators_publish_english_topics_without_review_but_never_french_ones(client, translator, topics_section):
    topic = topics_section
    english = translate(
        topic, {"Sobriété numérique": "Digital sufficiency", "sobriete-numerique": "digital-sufficiency"}, publish=False
    )
    assert not english.live
    client.force_login(translator)

    # The translation editor's "Publier en anglais".
    client.post(url(Topic, "edit", english.pk), {"action": "publish"})
    english.refresh_from_db()
    assert english.live
    assert not WorkflowState.objects.for_instance(english).exists()

    response = client.post(url(Topic, "unpublish", topic.pk), follow=True)
    assert "Votre rôle ne vous permet pas de modifier les contenus dans cette langue" in admin_messages(response)
    topic.refresh_from_db()
    assert topic.live

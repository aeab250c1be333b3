"""The admin pages a French editor, reviewer and translator open read as French."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from editorial.localize import translate
from tests.kit.factories import TopicFactory
from tests.kit.html import soup

from .test_translation import french_standard_page

pytestmark = pytest.mark.django_db

ENGLISH = ["More actions", "seconds ago", "minutes ago", "English translation", " in English", "Locale", "Régions"]


def visible_text(response):
    parsed = soup(response.content)
    for hidden in parsed(["script", "style", "template"]):
        hidden.decompose()
    labels = [node.get(name) for name in ("aria-label", "title", "placeholder") for node in parsed.select(f"[{name}]")]
    return " ".join([parsed.get_text(" ", strip=True), *labels])


def english_words(client, urls):
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        words = [word for word in ENGLISH if word in visible_text(response)]
        if words:
            found[url] = words
    return found


def test_editor_and_translator_pages_have_no_english_words(client, editor, translator, roles):
    home_fr, home_en = roles
    page = french_standard_page(home_fr, "Charte", "charte", ["Texte."])
    topic = TopicFactory(name="Climat", slug="climat")
    english = translate(page, {"Charte": "Charter", "charte": "charter"})
    english_topic = translate(topic, {"Climat": "Climate", "climat": "climate"})

    client.force_login(editor)
    assert (
        english_words(
            client,
            [
                reverse("wagtailadmin_home"),
                reverse("wagtailadmin_explore", args=[home_fr.pk]),
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                reverse("wagtailadmin_pages:history", args=[page.pk]),
                reverse("wagtailsnippets_topics_topic:list"),
                reverse("wagtailsnippets_topics_topic:edit", args=[topic.pk]),
            ],
        )
        == {}
    )

    client.force_login(translator)
    assert (
        english_words(
            client,
            [
                reverse("wagtailadmin_home"),
                reverse("wagtailadmin_explore", args=[home_en.pk]),
                reverse("wagtailadmin_pages:edit", args=[english.pk]),
                reverse("wagtailsnippets_topics_topic:edit", args=[english_topic.pk]),
                reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                + f"?select_locale={Locale.objects.get(language_code='en').language_code}",
            ],
        )
        == {}
    )

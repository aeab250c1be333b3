"""The demo loader as a whole (`python manage.py load_demo`): safe to run twice,
every page in both languages, English pages made through wagtail-localize,
menus in the reader's language."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from navigation.models import Menu
from people.models import Person
from tests.kit.html import soup
from topics.models import Topic

pytestmark = pytest.mark.django_db


def test_demo_loader_is_idempotent(demo):
    counts = (Page.objects.count(), Person.objects.count(), Topic.objects.count(), Menu.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert counts == (Page.objects.count(), Person.objects.count(), Topic.objects.count(), Menu.objects.count())


def test_demo_english_pages_are_localize_translations(demo):
    from wagtail_localize.models import Translation

    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1)
    assert english_pages.exists()
    for page in english_pages:
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).exists(), (
            page
        )


def test_every_demo_page_renders_in_both_languages(client, demo):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    languages = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, (page.url, response.status_code)
        assert soup(response.content).html["lang"] == page.locale.language_code
        languages.add(page.locale.language_code)
    assert languages == {"fr", "en"}


def test_menus_link_to_pages_in_the_reader_language(client, demo):
    french_menu = soup(client.get("/fr/").content).select(".site-nav a")
    assert [link.text for link in french_menu] == [
        "Rapports",
        "Événements",
        "Actualités",
        "Initiatives",
        "Thèmes",
        "Personnes",
    ]
    english_menu = soup(client.get("/en/").content).select(".site-nav a")
    assert ("People", "/en/people/") in [(link.text, link["href"]) for link in english_menu]
    english = client.get("/en/").text
    assert 'href="/en/about/"' in english
    assert 'href="/fr/a-propos/"' not in english
    assert 'href="/fr/a-propos/"' in client.get("/fr/").text

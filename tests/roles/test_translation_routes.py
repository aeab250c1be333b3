"""wagtail-localize's "Traduire" and "Synchroniser" as a translator meets them:
no route makes a French page or snippet, translations start as drafts, and
syncing leads to the translation editor with what is left to translate."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from editorial.localize import translate
from home.models import StandardPage
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory
from topics.models import Topic

from .test_translation import dashboard, french_standard_page, republish

pytestmark = pytest.mark.django_db


def offered_languages(response):
    parsed = soup(response.content)
    return [box.find_parent("label").get_text(" ", strip=True) for box in parsed.select("input[name=locales]")]


@pytest.fixture
def english_only_page(roles):
    """An English page with no French version (made by someone allowed to)."""
    _home_fr, home_en = roles
    page = StandardPageFactory(parent=home_en, title="Only in English", slug="only-in-english", intro="Text")
    page.save_revision().publish()
    return page


def test_translator_cannot_make_a_french_page_from_an_english_one(client, translator, english_only_page):
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[english_only_page.pk])
    assert offered_languages(client.get(url)) == []
    french = Locale.objects.get(language_code="fr")
    response = client.post(url, {"locales": [french.pk]})
    assert response.status_code == 200
    assert not Page.objects.filter(translation_key=english_only_page.translation_key, locale=french).exists()


def test_translator_cannot_make_a_french_snippet_from_an_english_one(client, translator, roles):
    english = Locale.objects.get(language_code="en")
    french = Locale.objects.get(language_code="fr")
    topic = TopicFactory(name="Open data", slug="open-data", locale=english)
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["topics", "topic", topic.pk])
    response = client.post(url, {"locales": [french.pk]})
    assert response.status_code == 200
    assert not Topic.objects.filter(translation_key=topic.translation_key, locale=french).exists()


def test_translating_makes_an_english_draft(client, translator, roles):
    home_fr, _home_en = roles
    page = french_standard_page(home_fr, "Charte", "charte", ["Texte."])
    english = Locale.objects.get(language_code="en")
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert offered_languages(client.get(url)) == ["anglais"]
    response = client.post(url, {"locales": [english.pk]})
    target = Page.objects.get(translation_key=page.translation_key, locale=english)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert not target.live
    assert client.get("/en/charte/").status_code == 404


def test_after_sync_the_page_stays_listed_with_its_count_until_translated(client, translator, roles):
    home_fr, _home_en = roles
    page = french_standard_page(home_fr, "Feuille de route", "feuille-de-route", ["Premier.", "Second."])
    strings = {"Feuille de route": "Roadmap", "feuille-de-route": "roadmap", "Introduction": "Introduction"}
    strings.update({"Premier.": "First.", "Second.": "Second."})
    english = translate(page, strings)
    body = page.body
    del body[1]
    body.append(("paragraph", "<p>Ajouté.</p>"))
    page = republish(page, body=body)

    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    client.force_login(translator)
    sync = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert not soup(sync.content).select("input[name=publish_translations]")
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english.pk]), "lands in the editor"
    assert StandardPage.objects.get(pk=english.pk).body[1].value.source == "<p>Second.</p>", "nothing published"

    row = dashboard(client, translator).select_one("[data-to-translate=incomplete] tbody tr")
    assert row.select_one("td.title").get_text(strip=True) == "Roadmap"
    assert row.select_one("[data-untranslated]").get_text(strip=True) == "1 texte à traduire"

    translate(page, {**strings, "Ajouté.": "Added."})
    assert StringTranslation.objects.filter(data="Added.").exists()
    assert dashboard(client, translator).select_one("[data-to-translate=incomplete]") is None

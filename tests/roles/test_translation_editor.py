"""wagtail-localize's screens as a French-speaking translator gets them over
HTTP: the only language ticked, French dates in the editor's comments, the
count of texts translated, and the slug proposed from the translated title.
The browser walk (tests/browser/test_translation_screens.py) checks the words
the editor's script draws."""

import json
import re

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from editorial.localize import translate
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


def submitted(client, page):
    """The page's English translation as "Traduire" makes it."""
    english = Locale.objects.get(language_code="en")
    client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]})
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return Translation.objects.get(source=source, target_locale=english)


def save_text(client, translation, path, value):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT)


def editor_props(response):
    parsed = soup(response.content)
    return json.loads(parsed.select_one(".js-translation-editor")["data-props"])


def test_the_only_language_a_translator_works_in_is_ticked(client, translator, french_page):
    page = french_page
    client.force_login(translator)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    boxes = soup(response.content).select("input[name=locales]")
    assert [(box.find_parent("label").get_text(strip=True), box.has_attr("checked")) for box in boxes] == [
        ("anglais", True)
    ]


def test_a_saved_text_is_dated_in_french_and_counted(client, translator, french_page):
    page = french_page
    client.force_login(translator)
    translation = submitted(client, page)
    response = save_text(client, translation, "intro", "The original text")
    assert response.status_code == 201
    assert re.fullmatch(r"Traduit manuellement le \d{1,2} [a-zéû]+ \d{4}", response.json()["comment"])
    assert not re.search(r"[A-Z][a-z]+ \d{4}", response.json()["comment"])

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]))
    comments = [row["comment"] for row in editor_props(editor)["initialStringTranslations"]]
    assert comments == [response.json()["comment"]]
    total, translated = translation.get_progress()
    progress = soup(editor.content).select_one("[data-translation-progress]")
    assert progress.get_text(" ", strip=True) == f"Textes traduits : {translated} sur {total}"
    assert translated == 1


def test_the_translated_title_proposes_the_slug_and_the_translator_has_the_last_word(client, translator, french_page):
    page = french_page
    client.force_login(translator)
    translation = submitted(client, page)
    save_text(client, translation, "title", "Our commitments")
    slug = StringTranslation.objects.get(
        locale=translation.target_locale, context__object_id=page.translation_key, context__path="slug"
    )
    assert slug.data == "our-commitments"

    save_text(client, translation, "slug", "commitments")
    save_text(client, translation, "title", "What we commit to")
    slug.refresh_from_db()
    assert slug.data == "commitments"


def test_a_title_translated_elsewhere_proposes_the_slug_when_the_editor_opens(client, translator, french_page):
    page = french_page
    english = translate(page, {page.title: "Our commitments"}, publish=False)
    assert english.slug == page.slug
    client.force_login(translator)
    client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english.locale)
    translation.save_target(publish=False)
    english.refresh_from_db()
    assert english.get_latest_revision_as_object().slug == "our-commitments"

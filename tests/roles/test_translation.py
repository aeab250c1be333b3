"""The translator's side: what is left to translate, the reader's notice, sync,
PO export and import, machine translation."""

import json
import secrets
import subprocess
import sys
from html import unescape
from unittest import mock

import polib
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from editorial.localize import translate
from editorial.models import PageTopic
from home.models import StandardPage
from roles.translation_status import is_out_of_date
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory
from topics.models import Topic

pytestmark = pytest.mark.django_db

NOTICE = "Cette traduction n'est peut-être pas à jour"
NOTICE_EN = "This translation may be out of date"


def french_standard_page(parent, title, slug, paragraphs):
    page = StandardPageFactory(
        parent=parent,
        title=title,
        slug=slug,
        intro="Introduction",
        body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def translated(roles):
    home_fr, _home_en = roles
    page = french_standard_page(
        home_fr, "Feuille de route", "feuille-de-route", ["Premier paragraphe.", "Second paragraphe."]
    )
    english = translate(
        page,
        {
            "Feuille de route": "Roadmap",
            "feuille-de-route": "roadmap",
            "Introduction": "Introduction",
            "Premier paragraphe.": "First paragraph.",
            "Second paragraphe.": "Second paragraph.",
        },
    )
    return page, english


def republish(page, **changes):
    revision = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(revision, name, value)
    revision.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def dashboard(client, user):
    client.force_login(user)
    return soup(client.get(reverse("wagtailadmin_home")).content)


def test_panel_lists_french_pages_without_translation_with_a_translate_button(client, translator, roles):
    home_fr, _home_en = roles
    page = french_standard_page(home_fr, "Charte éthique", "charte-ethique", ["Texte."])
    draft = StandardPageFactory(parent=home_fr, title="Brouillon interne", slug="brouillon", live=False)
    html = dashboard(client, translator)
    missing = html.select_one("[data-to-translate=missing]")
    assert "Charte éthique" in missing.get_text()
    assert "Brouillon interne" not in missing.get_text(), draft
    link = missing.find("a", string="Traduire")
    assert link["href"] == reverse("wagtail_localize:submit_page_translation", args=[page.pk]) + "?select_locale=en"

    # Following it as a translator creates the English draft and opens the translation editor.
    response = client.post(link["href"], {"locales": [Locale.objects.get(language_code="en").pk]})
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert client.get(response["Location"]).status_code == 200
    assert dashboard(client, translator).select_one("[data-to-translate=missing]") is None, "nothing left to translate"


def test_source_change_shows_notice_until_sync_keeps_translated_strings(
    client, translator, translated, django_capture_on_commit_callbacks
):
    page, english = translated
    client.get("/en/")  # the language cookie is irrelevant: the URL prefix decides
    response = client.get("/en/roadmap/")
    assert NOTICE_EN not in response.content.decode()
    assert not is_out_of_date(english)

    # As in the editor: the first paragraph (and its block id) stays, the second is rewritten.
    body = page.body
    del body[1]
    body.append(("paragraph", "<p>Paragraphe ajouté.</p>"))
    page = republish(page, body=body)

    assert is_out_of_date(english)
    html = client.get("/en/roadmap/").content.decode()
    assert NOTICE_EN in html
    assert 'href="http://testserver/fr/feuille-de-route/"' in html, "the notice links to the French original"
    assert NOTICE not in client.get("/fr/feuille-de-route/").content.decode(), "no notice on the French page"

    panel = dashboard(client, translator).select_one("[data-to-translate=outdated]")
    assert "Roadmap" in panel.get_text()
    sync_link = panel.find("a", string="Synchroniser")["href"]
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    assert sync_link.startswith(reverse("wagtail_localize:update_translations", args=[source.pk]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_link)
    assert response.status_code == 302
    # Syncing no longer publishes: the translator publishes from the translation editor.
    translate(page, {"Premier paragraphe.": "First paragraph."})

    english = StandardPage.objects.get(pk=english.pk)
    texts = [block.value.source for block in english.body]
    assert texts == ["<p>First paragraph.</p>", "<p>Paragraphe ajouté.</p>"], (
        "kept the translation, new text to translate"
    )
    assert english.title == "Roadmap"
    assert not is_out_of_date(english)
    assert NOTICE_EN not in client.get("/en/roadmap/").content.decode()
    assert dashboard(client, translator).select_one("[data-to-translate=outdated]") is None


def test_notice_reads_the_site_wide_cache_renewed_by_a_publication(translated, django_assert_num_queries):
    page, english = translated
    assert not is_out_of_date(english)
    with django_assert_num_queries(0):
        assert not is_out_of_date(english)
    republish(page, title="Feuille de route 2027")
    assert is_out_of_date(english)


@pytest.mark.parametrize("count", [2, 12])
def test_dashboard_queries_do_not_grow_with_pages(client, translator, roles, count, django_assert_max_num_queries):
    home_fr, _home_en = roles
    for number in range(count):
        french_standard_page(home_fr, f"Page {number}", f"page-{number}", ["Texte."])
    client.force_login(translator)
    client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(45):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200


TRICKY = {
    "Feuille de route": "Roadmap — « 2026 » edition",
    "Premier paragraphe.": "First paragraph: « quoted », \"double\" and 'single' quotes; déjà vu, naïve, Œuvre… ¿¡!",
    "Second paragraphe.": "Second — line with 100 % & <b>bold</b>?",
}


def test_po_round_trip_keeps_every_string(client, translator, translated, django_capture_on_commit_callbacks):
    page, english = translated
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english.locale)
    client.force_login(translator)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-en.po")
    po = polib.pofile(response.content.decode("utf-8"))
    assert {entry.msgid for entry in po} >= set(TRICKY)
    for entry in po:
        if entry.msgid in TRICKY:
            entry.msgstr = TRICKY[entry.msgid]

    upload = SimpleUploadedFile("roadmap-en.po", str(po).encode("utf-8"), content_type="text/x-gettext-translation")
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": edit_url}
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url

    stored = dict(
        StringTranslation.objects.filter(locale=english.locale, translation_of__data__in=TRICKY).values_list(
            "translation_of__data", "data"
        )
    )
    assert stored == TRICKY

    # What was imported is what a new export gives back, and what readers see once published.
    again = polib.pofile(
        client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).content.decode()
    )
    assert {entry.msgid: entry.msgstr for entry in again if entry.msgid in TRICKY} == TRICKY
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=translator, publish=True)
    html = unescape(client.get(StandardPage.objects.get(pk=english.pk).url).content.decode())
    assert TRICKY["Premier paragraphe."] in html


def test_po_import_of_another_translation_is_refused(client, translator, translated):
    page, english = translated
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english.locale)
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    po.append(polib.POEntry(msgid="Premier paragraphe.", msgstr="Hijacked"))
    client.force_login(translator)
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("x.po", str(po).encode()), "next": "/admin/"},
        follow=True,
    )
    assert response.status_code == 200
    assert StringTranslation.objects.get(translation_of__data="Premier paragraphe.").data == "First paragraph."


def editor_props(client, user, english):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    element = soup(response.content).select_one(".js-translation-editor")
    return json.loads(element["data-props"])


def test_no_machine_translation_without_deepl_key(client, translator, translated, settings):
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    _page, english = translated
    assert editor_props(client, translator, english)["machineTranslator"] is None
    translation = Translation.objects.get(target_locale=english.locale, source__object_id=english.translation_key)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), follow=True)
    assert response.status_code == 404


DEEPL = {
    "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "test-key:fx"},
}


def test_deepl_button_with_a_key_translates_without_calling_the_network(client, translator, roles, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEEPL
    home_fr, _home_en = roles
    page = french_standard_page(home_fr, "Sobriété", "sobriete", ["Moins mais mieux."])
    english = translate(page, {"sobriete": "sufficiency"}, publish=False)
    props = editor_props(client, translator, english)
    assert props["machineTranslator"]["name"] == "DeepL"

    def fake_deepl(url, data, timeout, headers):
        assert url == "https://api-free.deepl.com/v2/translate"
        assert headers["Authorization"] == "DeepL-Auth-Key test-key:fx"
        assert (data["source_lang"], data["target_lang"]) == ("FR", "EN")
        answer = mock.Mock()
        answer.json.return_value = {"translations": [{"text": f"[EN] {text}"} for text in data["text"]]}
        return answer

    translation = Translation.objects.get(target_locale=english.locale, source__object_id=english.translation_key)
    with mock.patch("wagtail_localize.machine_translators.deepl.requests.post", side_effect=fake_deepl) as post:
        response = client.post(props["machineTranslator"]["url"], {"next": "/admin/"})
    assert response.status_code == 302
    assert post.call_count == 1
    assert StringTranslation.objects.get(translation_of__data="Moins mais mieux.").data == "[EN] Moins mais mieux."
    assert translation.get_status_display()


@pytest.mark.parametrize("key", ["", "a-real-looking-key:fx"])
def test_production_offers_deepl_only_with_a_key(key):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "example.org",
        "PATH": "/usr/bin:/bin",
    }
    if key:
        env["DEEPL_API_KEY"] = key
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from wagtail_localize.machine_translators import get_machine_translator; "
        "t = get_machine_translator(); print(t.display_name if t else 'none')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("DeepL" if key else "none")


def test_submitting_a_page_also_submits_the_snippets_it_uses(client, translator, roles):
    home_fr, _home_en = roles
    topic = TopicFactory(name="Données personnelles", slug="donnees-personnelles")
    page = StandardPageFactory(parent=home_fr, title="Vie privée", slug="vie-privee", intro="Texte")
    PageTopic.objects.create(page=page, topic=topic, locale=page.locale)
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")

    client.force_login(translator)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    english_topic = Topic.objects.get(translation_key=topic.translation_key, locale=english)
    # The translator translates the topic in the same editor, and only the English one.
    assert client.get(reverse("wagtailsnippets_topics_topic:edit", args=[english_topic.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_topics_topic:edit", args=[topic.pk]), follow=True).redirect_chain

"""Every admin screen a French-speaking translator opens, in French: the "À
traduire" list, "Traduire", the translation editor of a page and of a topic,
and "Synchroniser". wagtail-localize writes some words in English and dates
with English month names; none may reach the translator. The editor also
ticks the only language, counts the texts translated and proposes the slug
from the translated title."""

import re

from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from editorial.localize import translate
from roles.setup import TRANSLATORS
from tests.kit.factories import TopicFactory
from tests.news.factories import article, index_pages

from .admin import admin_login, translate_segments

ENGLISH_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FRENCH_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
# Words of the admin's English that French never uses; the test's own English
# content avoids them, so any that shows is the interface's.
ENGLISH = re.compile(
    r"\b(the|to|of|and|with|this|more|by|from|for|is|your|you|will|why|not|all|back|uses|revert|translations?|"
    r"translated|translate|manually|edit|save|publish|publishing|select|include|subtree|submit|sync|update|"
    r"existing|cancel|delete|preview|unpublish|lock|unlock|changed|choose|status|locales?|"
    rf"{ENGLISH_MONTHS})\b",
    re.IGNORECASE,
)
# Every text of the page and the labels read aloud or shown on hover, hidden ones included.
INTERFACE_TEXTS = """() => {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        if (parent && !["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"].includes(parent.tagName)) {
            texts.push(walker.currentNode.textContent.trim());
        }
    }
    const attributes = ["aria-label", "title", "placeholder", "alt", "data-w-progress-active-value"];
    for (const element of document.querySelectorAll(attributes.map((name) => `[${name}]`).join(","))) {
        for (const name of attributes) texts.push(element.getAttribute(name) || "");
    }
    return [document.title, ...texts.filter(Boolean)];
}"""


def assert_in_french(page):
    english = sorted({text for text in page.evaluate(INTERFACE_TEXTS) if ENGLISH.search(text)})
    assert not english, f"English on {page.url}: {english}"


def test_a_translator_reads_every_translation_screen_in_french(page, roles, member):
    home_fr, _home_en = roles
    news = index_pages(home_fr)["news"]
    translate(news, {"Actualités": "News", "actualites": "news"})
    topic = TopicFactory(name="Travail", slug="travail")
    english_topic = translate(topic, {"Travail": "Work", "travail": "work"})
    translated = article(news, "Sobriété numérique", [topic], summary="Moins de calcul.")
    translate(translated, {"Sobriété numérique": "Digital sufficiency", "sobriete-numerique": "digital-sufficiency"})
    fresh = article(
        news,
        "Numérique responsable",
        [topic],
        summary="Un numérique plus sobre.",
        body=[("paragraph", "<p>Texte.</p>")],
    )
    member(TRANSLATORS, "traductrice")

    admin_login(page, "traductrice")
    expect(page.locator("[data-to-translate=missing]")).to_contain_text("Numérique responsable")
    assert_in_french(page)

    # "Traduire", as from the page's actions (the list's link names the language): English, the only one, is ticked.
    page.goto(f"/admin/localize/submit/page/{fresh.pk}/")
    expect(page.get_by_role("checkbox", name="anglais")).to_be_checked()
    assert_in_french(page)
    page.get_by_role("button", name="Soumettre").click()

    # The editor: the texts translated across its tabs, counted as the translator works.
    progress = page.locator("[data-translation-progress]")
    expect(progress).to_have_text(re.compile(r"Textes traduits : 0 sur \d+"))
    total = int(re.search(r"sur (\d+)", progress.inner_text())[1])
    expect(page.locator(".js-translation-editor h3").first).to_have_text("Traduction : français vers anglais")
    assert_in_french(page)
    translate_segments(page, {"Numérique responsable": "Responsible computing"})
    expect(progress).to_have_text(f"Textes traduits : 1 sur {total}")
    title = page.locator(".js-translation-editor li", has_text="Responsible computing").last
    expect(title).to_contain_text(re.compile(rf"Traduit manuellement le \d+ ({FRENCH_MONTHS}) \d{{4}}"))
    assert_in_french(page)

    # The slug is proposed from the translated title, and published with it.
    page.reload()
    expect(progress).to_have_text(f"Textes traduits : 2 sur {total}")
    page.locator(".js-translation-editor").get_by_role("tab", name="Promotion").click()
    expect(page.locator(".js-translation-editor li", has_text="numerique-responsable").last).to_contain_text(
        "responsible-computing"
    )
    assert_in_french(page)
    page.get_by_role("button", name=re.compile(r"^Publier en anglais")).click()
    expect(page.locator(".messages")).to_be_visible()
    english = fresh.get_translation(Locale.objects.get(language_code="en"))
    assert english.live
    assert english.url.endswith("/en/news/responsible-computing/")

    # A topic's translation editor, and "Synchroniser".
    page.goto(f"/admin/snippets/topics/topic/edit/{english_topic.pk}/")
    expect(page.locator(".js-translation-editor")).to_contain_text("Work")
    assert_in_french(page)
    source = TranslationSource.objects.get(object_id=translated.translation_key, locale=translated.locale)
    page.goto(f"/admin/localize/update/{source.pk}/")
    expect(page.locator("main")).to_contain_text("Digital sufficiency")
    assert_in_french(page)

"""The four journeys of the site's users, each in Chromium against a live server."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale

from editorial.localize import translate
from events.models import Registration
from reports.models import ReportPage
from roles.setup import EDITORS, REVIEWERS, TRANSLATORS
from tests.events.factories import event_index, event_page
from tests.kit.factories import TopicFactory
from tests.news.factories import index_pages
from tests.reports.factories import recommendations_block, report, report_index

from .admin import admin_login, page_action, translate_segments


def bilingual_reports_section(home_fr):
    index = report_index(home_fr)
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    topic = TopicFactory(name="Sobriété numérique", slug="sobriete-numerique")
    translate(topic, {"Sobriété numérique": "Digital sufficiency", "sobriete-numerique": "digital-sufficiency"})
    return index, topic


def test_editor_writes_a_report_reviewer_approves_it_live_in_french(page, roles, member, login, settings):
    # Wagtail 8 autosaves drafts every half second; a draft autosaved while the
    # action is clicked would make this create the page twice (slug taken). The
    # journey is about the editor's choices, so no autosave here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    home_fr, _home_en = roles
    index, _topic = bilingual_reports_section(home_fr)
    editor = member(EDITORS, "redactrice")
    reviewer = member(REVIEWERS, "relecteur")

    admin_login(page, "redactrice")
    page.goto(f"/admin/pages/add/reports/reportpage/{index.pk}/")
    page.fill("#id_title", "Pour une IA frugale")
    page.fill("#id_summary", "Dix propositions pour réduire l'empreinte des systèmes d'IA.")
    # The body: one "Recommandations" block with one recommendation.
    page.get_by_role("button", name="Insérer un bloc").first.click()
    page.get_by_role("option", name="Recommandations").click()
    page.get_by_label("Titre de la recommandation").first.fill("Mesurer l'énergie de chaque modèle")
    text = page.locator("[id$='-recommendations-0-value-body'] + .Draftail-Editor__wrapper [contenteditable=true]")
    text.click()
    page.keyboard.type("Publier la consommation d'énergie à l'entraînement et à l'usage.")
    # Draftail saves its value into the form a moment after the last keystroke.
    expect(page.locator("[id$='-recommendations-0-value-body']")).to_have_value(re.compile("consommation"))
    page.get_by_label("Gouvernement et administrations").first.check()
    # A new author, created from the chooser without leaving the page.
    page.locator("#id_authors-ADD").click()
    page.locator("[id^=id_authors-0-person]").locator("..").get_by_role("button").first.click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Nouvelle personne").click()
    modal.locator("[name=name]").fill("Zoé Lefèvre")
    modal.locator("[name=role]").fill("Chercheuse associée")
    modal.get_by_role("button", name="Créer la personne").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_authors-0-person-chooser")).to_contain_text("Zoé Lefèvre")
    # A draft saves without a topic; submitting says one is needed.
    page_action(page, "Enregistrer le brouillon")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page_action(page, "Soumettre à Relecture avant publication")
    expect(page.locator(".messages")).to_contain_text("sans au moins un thème")
    page.locator("#id_page_topics-ADD").click()
    page.locator("[id^=id_page_topics-0-topic]").locator("..").get_by_role("button").first.click()
    page.locator(".modal").get_by_role("link", name="Sobriété numérique").click()
    expect(page.locator(".modal")).to_be_hidden()
    expect(page.locator("#id_page_topics-0-topic-chooser")).to_contain_text("Sobriété numérique")
    page_action(page, "Soumettre à Relecture avant publication")
    expect(page.locator(".messages")).to_contain_text("Pour une IA frugale")
    created = ReportPage.objects.get(title="Pour une IA frugale")
    assert not created.live

    assert created.authors.get().person.slug == "zoe-lefevre"

    login(reviewer)
    page.goto("/admin/")
    expect(page.locator("body")).to_contain_text("Pour une IA frugale")
    page.goto(f"/admin/pages/{created.pk}/edit/")
    page_action(page, "Demander des modifications")
    page.locator(".modal [name=comment]").fill("Précisez la source de la mesure, s'il vous plaît.")
    page.locator(".modal").get_by_role("button", name="Demander des modifications").click()
    expect(page.locator(".messages")).to_be_visible()

    login(editor)
    page.goto(f"/admin/pages/{created.pk}/edit/")
    expect(page.locator(".messages")).to_contain_text("Modifications demandées par relecteur")
    expect(page.locator(".messages")).to_contain_text("Précisez la source de la mesure")
    page_action(page, "Resoumettre à Relecture")
    expect(page.locator(".messages")).to_contain_text("Pour une IA frugale")

    login(reviewer)
    page.goto(f"/admin/pages/{created.pk}/edit/")
    page_action(page, "Approuver et Publier")
    expect(page.locator(".messages")).to_contain_text("Pour une IA frugale")

    created = ReportPage.objects.get(pk=created.pk)
    assert created.live
    page.goto(created.get_url())
    expect(page.locator("h1")).to_contain_text("Pour une IA frugale")
    expect(page.locator("main")).to_contain_text("Mesurer l'énergie de chaque modèle")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


CONTENT_TAB = {
    "Pour une IA frugale": "For frugal AI",
    "Dix propositions pour réduire l'empreinte des systèmes d'IA.": "Ten proposals to shrink the footprint of AI systems.",
}
CONTENT_TAB_SUMMARY = "Dix propositions pour réduire l'empreinte des systèmes d'IA."
PROMOTE_TAB = {"pour-une-ia-frugale": "for-frugal-ai"}


def untranslated_count(page, title):
    """The number of texts left to translate the dashboard shows for `title` (0 when not listed)."""
    cell = page.locator("[data-to-translate=incomplete] tr", has_text=title).locator("[data-untranslated]")
    return int(cell.get_attribute("data-untranslated")) if cell.count() else 0


def test_translator_translates_a_report_reader_switches_language(page, roles, member):
    home_fr, _home_en = roles
    index, topic = bilingual_reports_section(home_fr)
    french = report(
        index,
        title="Pour une IA frugale",
        slug="pour-une-ia-frugale",
        summary="Dix propositions pour réduire l'empreinte des systèmes d'IA.",
        topics=[topic],
        authors=[],
    )
    member(TRANSLATORS, "traductrice")

    admin_login(page, "traductrice")
    panel = page.locator("#to-translate, [data-to-translate=missing]").first
    expect(panel).to_contain_text("Pour une IA frugale")
    page.locator("[data-to-translate=missing] tr", has_text="Pour une IA frugale").get_by_role(
        "link", name="Traduire"
    ).click()
    page.get_by_role("button", name="Soumettre").or_(page.locator("input[type=submit][value=Soumettre]")).click()

    # wagtail-localize's editor: translate segment by segment, then publish.
    translate_segments(page, CONTENT_TAB)
    page.locator(".js-translation-editor").get_by_role("tab", name="Promotion").click()
    translate_segments(page, PROMOTE_TAB)
    page.get_by_role("button", name=re.compile(r"^Publier en anglais")).click()
    expect(page.locator(".messages")).to_be_visible()

    english = french.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.live
    assert english.title == "For frugal AI"

    # No route the admin offers makes a French page from the English one.
    page.goto(f"/admin/localize/submit/page/{english.pk}/")
    expect(page.locator("input[name=locales]")).to_have_count(0)

    # The French page changes: the translation is flagged, synced, then caught up.
    page.goto("/admin/")
    left = untranslated_count(page, "For frugal AI")
    french = french.get_latest_revision_as_object()
    french.summary = "Douze propositions pour réduire l'empreinte des systèmes d'IA."
    french.save_revision().publish()
    page.goto("/admin/")
    page.locator("[data-to-translate=outdated] tr", has_text="For frugal AI").get_by_role(
        "link", name="Synchroniser"
    ).click()
    page.locator("main form").get_by_role("button").last.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/$"))
    # The previous English text of the changed summary is offered as a starting point.
    suggestion = page.locator("[data-previous-translation]", has_text="Douze propositions")
    expect(suggestion.locator("[data-previous-source]")).to_have_text(CONTENT_TAB_SUMMARY)
    expect(suggestion.locator("[data-suggestion]")).to_have_text(CONTENT_TAB[CONTENT_TAB_SUMMARY])
    page.goto("/admin/")
    assert untranslated_count(page, "For frugal AI") == left + 1
    page.goto(f"/admin/pages/{english.pk}/edit/")
    translate_segments(page, {"Douze propositions": "Twelve proposals to shrink the footprint of AI systems."})
    page.get_by_role("button", name=re.compile(r"^Publier en anglais")).click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("[data-previous-translations]")).to_have_count(0)
    page.goto("/admin/")
    assert untranslated_count(page, "For frugal AI") == left
    assert ReportPage.objects.get(pk=english.pk).summary.startswith("Twelve proposals")

    # A reader of the English page switches to French.
    page.context.clear_cookies()
    page.goto(english.get_url())
    expect(page.locator("h1")).to_contain_text("For frugal AI")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".language-switcher").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/rapports/pour-une-ia-frugale/$"))
    expect(page.locator("h1")).to_contain_text("Pour une IA frugale")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_reader_registers_for_an_event_and_sees_the_confirmation(page, roles):
    home_fr, _home_en = roles
    index = event_index(home_fr)
    starts = timezone.localtime() + timedelta(days=30)
    event = event_page(
        index,
        title="Rencontre IA et climat",
        slug="rencontre-ia-climat",
        starts_at=starts,
        registration_mode="form",
        capacity=80,
    )

    page.goto(event.get_url())
    expect(page.locator("h1")).to_contain_text("Rencontre IA et climat")
    page.get_by_label("Nom et prénom").fill("Zoé Lefèvre")
    page.locator("main").get_by_label("Adresse e-mail").fill("zoe@example.org")
    page.get_by_label("J'accepte que ces données servent à organiser cet événement.").check()
    page.get_by_role("button", name="Je m'inscris").click()

    expect(page.locator("h1")).to_have_text("Inscription enregistrée")
    expect(page.locator("main")).to_contain_text("Votre inscription à « Rencontre IA et climat » est enregistrée")
    assert Registration.objects.filter(email="zoe@example.org").count() == 1


def test_reader_searches_without_accents_and_opens_the_result(page, roles, engine):
    # Readers search the engine; the database fallback on PostgreSQL does not fold accents.
    home_fr, _home_en = roles
    index, topic = bilingual_reports_section(home_fr)
    found = report(
        index,
        title="Sécurité des systèmes électoraux",
        slug="securite-systemes-electoraux",
        summary="Protéger l'intégrité des élections à l'ère numérique.",
        topics=[topic],
        body=[recommendations_block(1)],
    )

    page.goto("/fr/recherche/")
    page.get_by_role("searchbox").first.fill("securite electoraux")
    page.get_by_role("button", name="Rechercher").first.click()
    expect(page).to_have_url(re.compile(r"/fr/recherche/\?q=securite"))
    page.get_by_role("link", name="Sécurité des systèmes électoraux").first.click()
    expect(page).to_have_url(re.compile(re.escape(found.get_url()) + "$"))
    expect(page.locator("h1")).to_contain_text("Sécurité des systèmes électoraux")


def test_editor_changes_a_french_topic_it_waits_for_review(page, roles, member, login):
    home_fr, _home_en = roles
    index_pages(home_fr)
    topic = TopicFactory(name="Sobriété numérique", slug="sobriete-numerique")
    member(EDITORS, "redactrice")
    reviewer = member(REVIEWERS, "relecteur")

    admin_login(page, "redactrice")
    page.goto(f"/admin/snippets/topics/topic/edit/{topic.pk}/")
    page.fill("#id_name", "Sobriété numérique et IA")
    expect(page.locator("footer").get_by_role("button", name=re.compile("^Publier"))).to_have_count(0)
    page_action(page, "Soumettre à Relecture avant publication")
    expect(page.locator(".messages")).to_contain_text("soumis(e) à la relecture")

    page.goto("/fr/themes/")
    expect(page.locator("main")).to_contain_text("Sobriété numérique")
    expect(page.locator("main")).not_to_contain_text("Sobriété numérique et IA")

    login(reviewer)
    page.goto("/admin/")
    expect(page.locator("body")).to_contain_text("Sobriété numérique et IA")
    page.goto(f"/admin/snippets/topics/topic/edit/{topic.pk}/")
    page_action(page, "Approuver et Publier")
    expect(page.locator(".messages")).to_be_visible()

    page.goto("/fr/themes/")
    expect(page.locator("main")).to_contain_text("Sobriété numérique et IA")


def test_accented_titles_and_names_make_ascii_slugs(page, roles, member):
    home_fr, _home_en = roles
    index, _topic = bilingual_reports_section(home_fr)
    member(EDITORS, "redactrice")

    admin_login(page, "redactrice")
    page.goto(f"/admin/pages/add/reports/reportpage/{index.pk}/")
    page.fill("#id_title", "Souveraineté numérique : où en est-on ?")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value("souverainete-numerique-ou-en-est-on")

    page.goto("/admin/snippets/topics/topic/add/")
    page.fill("#id_name", "Éthique des données")
    page.locator("#id_name").blur()
    expect(page.locator("#id_slug")).to_have_value("ethique-des-donnees")

    page.goto("/admin/snippets/people/person/add/")
    page.fill("#id_name", "Zoé Lefèvre-Müller")
    page.locator("#id_name").blur()
    expect(page.locator("#id_slug")).to_have_value("zoe-lefevre-muller")

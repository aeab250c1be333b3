"""What a reader and an editor tripped over in their first week, walked again
in Chromium: an autosave then a publication, a person's link on an English
page, an initiative's reply, an empty filter, and a language switch that keeps
the reader's filters and place."""

import re

from django.contrib.auth.models import User
from playwright.sync_api import expect

from editorial.localize import translate
from editorial.models import PageTopic
from news.models import NewsArticlePage
from tests.events.factories import at, event_index, event_page
from tests.initiatives.factories import initiative
from tests.kit.factories import PersonFactory, TopicFactory
from tests.news.factories import add_child, article, index_pages
from tests.reports.factories import report, report_index

from .admin import admin_login, page_action
from .conftest import PASSWORD


def test_a_publication_right_after_an_autosave_keeps_one_row_per_topic(page, roles):
    """The autosave writes the new topic row; its answer (with the row's id) is
    lost, as when "Publish" is clicked before it arrives."""
    home_fr, _home_en = roles
    news = index_pages(home_fr)["news"]
    TopicFactory(name="Sobriété numérique", slug="sobriete-numerique")
    draft = article(news, "Brouillon à publier", [], publish=False)
    User.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    autosaves = []

    def lose_the_autosave_answer(route):
        """Only the answer of the autosave that carries the chosen topic."""
        request = route.request
        if request.method == "POST" and re.search(r'name="page_topics-0-topic"\r\n\r\n\d', request.post_data or ""):
            route.fetch()  # the server saves the rows...
            autosaves.append(route.request.url)
            route.abort()  # ...the editor never learns their ids
        else:
            route.continue_()

    admin_login(page, "admin")
    # Wagtail's editor takes the form as it is 2 s after loading as its
    # unchanged state: a topic chosen sooner counts as no edit, and nothing is
    # autosaved. An editor is never that fast; the test waits for the editor.
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { document.documentElement.dataset.watchingEdits = '' })"
    )
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    expect(page.locator("html[data-watching-edits]")).to_have_count(1)
    page.route(re.compile(r"/admin/pages/\d+/edit/"), lose_the_autosave_answer)
    page.locator("#id_page_topics-ADD").click()
    page.locator("[id^=id_page_topics-0-topic]").locator("..").get_by_role("button").first.click()
    page.locator(".modal").get_by_role("link", name="Sobriété numérique").click()
    expect(page.locator(".modal")).to_be_hidden()
    for _ in range(100):
        if autosaves:
            break
        page.wait_for_timeout(100)
    assert autosaves, "no autosave happened"
    assert PageTopic.objects.filter(page=draft).count() == 1
    page.unroute(re.compile(r"/admin/pages/\d+/edit/"))
    page_action(page, "Publier")
    # Wagtail notices the revision it was not told of, and asks before writing over it.
    page.get_by_role("dialog").get_by_role("button", name="Publier").click()
    expect(page.locator(".messages")).to_contain_text("Brouillon à publier")
    published = NewsArticlePage.objects.get(pk=draft.pk)
    assert published.live
    assert [link.topic.name for link in published.page_topics.all()] == ["Sobriété numérique"]


def test_an_english_report_leads_to_its_authors_published_page(page, roles):
    """The author was created from the chooser, in French; the report's translation
    made an English draft of them, which nobody published yet."""
    home_fr, _home_en = roles
    index = report_index(home_fr)
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    people = index_pages(home_fr)["people"]
    translate(people, {"Personnes": "People", "personnes": "people"})
    topic = TopicFactory(name="Travail", slug="travail")
    translate(topic, {"Travail": "Work", "travail": "work"})
    author = PersonFactory(name="Sophie Marchand", slug="sophie-marchand")
    translate(author.organisation, {})
    translate(author, {}, publish=False)
    french = report(index, "Le travail et l'IA", topics=[topic], authors=[author], slug="travail-ia")
    english = translate(french, {"Le travail et l'IA": "Work and AI", "travail-ia": "work-ai"})

    page.goto(english.get_url())
    page.get_by_role("link", name="Sophie Marchand").click()
    expect(page).to_have_url(re.compile(r"/fr/personnes/sophie-marchand/$"))
    expect(page.locator("h1")).to_have_text("Sophie Marchand")


def test_a_reader_sees_their_reply_to_an_initiative_where_they_are(page, roles):
    home_fr, _home_en = roles
    from initiatives.models import InitiativeIndexPage

    index = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    reply_page = initiative(index)
    page.goto(reply_page.get_url())
    page.get_by_label("Nom et prénom").fill("Alex Dupont")
    page.locator("main").get_by_label("Adresse e-mail").fill("alex@example.org")
    page.get_by_label("Collectivité ou structure").fill("Métropole de Lyon")
    page.get_by_label(re.compile("J'accepte que ces informations")).check()
    page.get_by_role("button", name="Envoyer").click()

    confirmation = page.locator("#confirmation")
    expect(confirmation).to_contain_text("Merci, c'est noté !")
    expect(confirmation).to_be_focused()
    expect(confirmation).to_be_in_viewport()
    expect(page.locator("#formulaire form")).to_have_count(0)


def test_an_empty_filter_says_so_and_switching_language_keeps_filters_and_place(page, roles):
    home_fr, _home_en = roles
    topic = TopicFactory(name="Travail", slug="travail")
    translate(topic, {"Travail": "Work", "travail": "work"})
    events = event_index(home_fr)
    translate(events, {"Événements": "Events", "evenements": "events"})
    summit = event_page(events, "Sommet du travail", topics=[topic], starts_at=at(2030, 2, 7, 10))
    translate(summit, {"Sommet du travail": "Work summit"})

    # A year without events: the empty list, and a way back.
    page.goto("/fr/evenements/?annee=2019")
    expect(page.locator("main")).to_contain_text("Aucun événement ne correspond à ces filtres.")
    page.get_by_role("link", name="Effacer les filtres").click()
    expect(page).to_have_url(re.compile(r"/fr/evenements/$"))
    expect(page.locator("main")).to_contain_text("Sommet du travail")

    # The filters chosen in French, then read in English.
    page.get_by_role("link", name="Sommet", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?format=sommet$"))
    page.get_by_role("link", name="Travail", exact=True).click()
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    expect(page).to_have_url(
        re.compile(r"/en/events/\?format=summit&topic=work$|/en/events/\?topic=work&format=summit$")
    )
    expect(page.locator(".filters a[aria-current=true]")).to_have_text(["Work", "Summit", "All", "All"])

    # A recommendation read in French, then in English: the same place.
    reports = report_index(home_fr)
    translate(reports, {"Rapports": "Reports", "rapports": "reports"})
    french = report(reports, "Le travail et l'IA", topics=[topic], authors=[], recommendations=3, slug="travail-ia")
    translate(french, {"Le travail et l'IA": "Work and AI", "travail-ia": "work-ai"})
    page.goto(f"{french.get_url()}#recommandation-3")
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/reports/work-ai/#recommandation-3$"))

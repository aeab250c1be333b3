"""Every admin page a French editor, reviewer and translator opens in the
journeys reads as French: edit forms of each page type and snippet, snippet
lists, choosers, the workflow dashboard and reports, the translations panel."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from editorial.localize import translate
from initiatives.models import InitiativeIndexPage
from tests.events.factories import event_index, event_page, programme
from tests.initiatives.factories import initiative
from tests.kit.factories import OrganisationFactory, PersonFactory, TopicFactory
from tests.news.factories import add_child, article, index_pages
from tests.reports.factories import report, report_index

from .test_admin_in_french import ENGLISH, visible_text

pytestmark = pytest.mark.django_db


def english_words(client, urls):
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # Choosers answer with their modal's HTML in JSON.
        text = visible_text(response) if response["Content-Type"].startswith("text/html") else response.json()["html"]
        words = [word for word in ENGLISH if word in text]
        if words:
            found[url] = words
    return found


@pytest.fixture
def content(roles):
    home_fr, _home_en = roles
    topic = TopicFactory(name="Climat", slug="climat")
    person = PersonFactory(name="Camille Durand", slug="camille-durand")
    organisation = OrganisationFactory(name="Agence du climat")
    reports = report_index(home_fr)
    events = event_index(home_fr)
    news = index_pages(home_fr)["news"]
    initiatives = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    pages = {
        "report": report(reports, "Rapport sur le climat", topics=[topic], authors=[person]),
        "event": event_page(events, "Colloque", topics=[topic], programme=programme(2, 2)),
        "news": article(news, "Une actualité", topics=[topic]),
        "initiative": initiative(initiatives),
    }
    for index, words in (
        (reports, {"Rapports": "Reports", "rapports": "reports"}),
        (events, {"Événements": "Events", "evenements": "events"}),
    ):
        translate(index, words)
    english_report = translate(pages["report"], {"Rapport sur le climat": "Report on climate"})
    translate(topic, {"Climat": "Climate", "climat": "climate"})
    return pages, english_report, topic, person, organisation


def test_every_admin_page_of_the_journeys_reads_as_french(client, editor, reviewer, translator, content):
    pages, english_report, topic, person, organisation = content
    # A page waiting for review fills the workflow dashboard and reports (with "… ago" times).
    draft = pages["report"]
    draft.title = "Rapport sur le climat, version 2"
    draft.save_revision(user=editor)
    draft.get_workflow().start(draft, editor)

    client.force_login(editor)
    parent = pages["report"].get_parent()
    editor_urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[parent.pk]),
        reverse("wagtailadmin_pages:add", args=("reports", "reportpage", parent.pk)),
        *[reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in pages.values()],
        reverse("wagtailadmin_pages:history", args=[draft.pk]),
        reverse("wagtailsnippets_topics_topic:list"),
        reverse("wagtailsnippets_topics_topic:edit", args=[topic.pk]),
        reverse("wagtailsnippets_people_person:list"),
        reverse("wagtailsnippets_people_person:edit", args=[person.pk]),
        reverse("wagtailsnippets_people_person:add"),
        reverse("wagtailsnippets_people_organisation:list"),
        reverse("wagtailsnippets_people_organisation:edit", args=[organisation.pk]),
        reverse("wagtailsnippetchoosers_people_person:choose"),
        reverse("wagtailsnippetchoosers_topics_topic:choose"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
    ]
    assert english_words(client, editor_urls) == {}

    client.force_login(reviewer)
    assert (
        english_words(
            client,
            [
                reverse("wagtailadmin_home"),
                reverse("wagtailadmin_pages:edit", args=[draft.pk]),
                reverse("wagtailadmin_reports:workflow"),
            ],
        )
        == {}
    )

    client.force_login(translator)
    english = Locale.objects.get(language_code="en")
    translator_urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[english_report.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[english_report.pk]),
        reverse("wagtailsnippets_topics_topic:list"),
        reverse("wagtailsnippets_people_person:list"),
        reverse("wagtail_localize:submit_page_translation", args=[pages["event"].pk])
        + f"?select_locale={english.language_code}",
    ]
    assert english_words(client, translator_urls) == {}

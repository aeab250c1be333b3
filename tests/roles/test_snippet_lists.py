"""Snippet lists open on the language the user works in, filter by language,
and link only rows the user may open."""

import pytest
from django.urls import reverse

from editorial.localize import translate
from tests.kit.factories import OrganisationFactory, PersonFactory, TopicFactory
from tests.kit.html import soup

pytestmark = pytest.mark.django_db

LISTS = [
    "wagtailsnippets_topics_topic:list",
    "wagtailsnippets_people_person:list",
    "wagtailsnippets_people_organisation:list",
]


@pytest.fixture
def snippets(roles):
    topic = TopicFactory(name="Climat", slug="climat")
    person = PersonFactory(name="Camille Durand", slug="camille-durand", role="Chercheuse")
    organisation = OrganisationFactory(name="Agence du climat")
    translate(topic, {"Climat": "Climate", "climat": "climate"})
    translate(person, {"Chercheuse": "Researcher"})
    translate(organisation, {"Agence du climat": "Climate agency"})
    return topic, person, organisation


def rows(client, url):
    """(text of the title cell, its link or None) of each row."""
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = soup(response.content)
    found = []
    for row in parsed.select("table.listing tbody tr"):
        title = row.select_one("td.title")
        link = title.select_one(".title-wrapper a[href]")
        found.append((title.select_one(".title-wrapper").get_text(" ", strip=True), link["href"] if link else None))
    return found


def titles(found):
    return sorted(title for title, _link in found)


def test_an_editor_sees_the_french_snippets_first_and_may_filter_english(client, editor, snippets):
    client.force_login(editor)
    assert titles(rows(client, reverse(LISTS[0]))) == ["Climat"]
    assert titles(rows(client, reverse(LISTS[1]))) == ["Camille Durand"]
    organisations = titles(rows(client, reverse(LISTS[2])))
    assert "Agence du climat" in organisations and "Climate agency" not in organisations
    assert titles(rows(client, reverse(LISTS[0]) + "?locale=en")) == ["Climate"]
    # The language filter is offered, set to French.
    parsed = soup(client.get(reverse(LISTS[0])).content)
    assert parsed.select_one("input[name=locale][value=fr]").has_attr("checked")


def test_a_translator_sees_the_english_snippets_first(client, translator, snippets):
    client.force_login(translator)
    assert titles(rows(client, reverse(LISTS[0]))) == ["Climate"]
    organisations = titles(rows(client, reverse(LISTS[2])))
    assert "Climate agency" in organisations and "Agence du climat" not in organisations


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_linked_row_opens_for_editors_and_translators(client, editor, translator, snippets, language):
    for user in (editor, translator):
        client.force_login(user)
        for name in LISTS:
            for title, link in rows(client, reverse(name) + f"?locale={language}"):
                if link is None:
                    continue
                response = client.get(link)
                assert response.status_code == 200, (user.username, title)


def test_rows_in_a_language_the_user_may_not_change_are_not_links(client, editor, translator, snippets):
    client.force_login(translator)
    assert rows(client, reverse(LISTS[0]) + "?locale=fr") == [("Climat", None)]
    client.force_login(editor)
    assert rows(client, reverse(LISTS[0]) + "?locale=en") == [("Climate", None)]
    assert rows(client, reverse(LISTS[0]) + "?locale=fr")[0][1] is not None

"""A fifth content type (tests/fake_type), plugged in by its own AppConfig.ready()
only: the home page, search, a person's page and the purges take it in."""

import pytest

from people.models import PeopleIndexPage, Person
from serving.tags import object_tag, versions
from tests.kit.factories import PersonFactory
from tests.kit.html import soup
from tests.news.factories import add_child

from .factories import note

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(home_fr):
    add_child(home_fr, PeopleIndexPage(title="Personnes", slug="personnes"))
    return PersonFactory(name="Ada Lovelace", slug="ada-lovelace")


def texts(client, url, selector):
    return [element.get_text(" ", strip=True) for element in soup(client.get(url)).select(selector)]


def test_the_home_page_shows_its_section_where_the_editors_put_it(client, home_fr, author):
    note(home_fr, "Carnet de Lisbonne", author)
    note(home_fr, "Carnet en brouillon", author, publish=False)
    headings = texts(client, "/fr/", "main h2")
    assert headings[0] == "Carnets"
    assert texts(client, "/fr/", ".home-section li a") == ["Carnet de Lisbonne"]

    home_fr.sections = [("section", "topics"), ("section", "field_notes")]
    home_fr.save_revision().publish()
    assert texts(client, "/fr/", "main h2")[-1] == "Carnets"


def test_a_person_page_lists_their_notes(client, home_fr, author):
    note(home_fr, "Carnet de Lisbonne", author)
    note(home_fr, "Carnet en brouillon", author, publish=False)
    assert "Carnets" in texts(client, "/fr/personnes/ada-lovelace/", "article h2")
    assert texts(client, "/fr/personnes/ada-lovelace/", "#person-field_notes ~ ul h3") == ["Carnet de Lisbonne"]


def test_search_finds_a_note_by_its_own_field(client, home_fr, author):
    note(home_fr, "Carnet de Lisbonne", author, observation="Les tramways jaunes de la colline.")
    assert "Carnet de Lisbonne" in texts(client, "/fr/recherche/?q=tramways", ".search-results > li h3 a")


def test_publishing_a_note_purges_its_authors_page(home_fr, author):
    tag = object_tag(Person, author.pk)
    before = versions([tag], create=True)[tag]
    note(home_fr, "Carnet de Lisbonne", author)
    assert versions([tag], create=True)[tag] != before

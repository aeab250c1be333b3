"""Partial matches, editors' synonyms and people on Wagtail's database backend (no engine)."""

import pytest

from people.models import PeopleIndexPage
from tests.kit.factories import OrganisationFactory, PersonFactory
from tests.kit.html import soup

from .conftest import standard_page


def found(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = soup(response.content)
    return [a.text for a in parsed.select(".search-main .search-results > li h3 a")]


def test_synonyms_and_partial_matches_without_an_engine(client, homes, synonyms):
    home_fr, home_en = homes
    standard_page(home_fr, "Gouverner l'intelligence artificielle", "Régulation et éthique.")
    standard_page(home_fr, "Les données ouvertes", "Ouvrir les données publiques.")
    standard_page(home_en, "AI in schools", "Teaching with AI.")
    # An editors' synonym: "IA" finds "intelligence artificielle", and the other way round in English.
    assert found(client, "/fr/recherche/?q=IA") == ["Gouverner l'intelligence artificielle"]
    assert found(client, "/fr/recherche/?q=r%C3%A9gulation+IA") == ["Gouverner l'intelligence artificielle"]
    assert found(client, "/en/search/?q=artificial+intelligence") == ["AI in schools"]
    # A word no page has does not empty the page: the pages with the others come, best first.
    assert found(client, "/fr/recherche/?q=donn%C3%A9es+zanzibar")[:1] == ["Les données ouvertes"]
    assert found(client, "/fr/recherche/?q=zanzibar") == []


@pytest.fixture
def people(homes):
    home_fr, _ = homes
    index = PeopleIndexPage(title="Personnes", slug="personnes", locale=home_fr.locale)
    home_fr.add_child(instance=index)
    index.save_revision().publish()
    sacd = OrganisationFactory(name="Société des auteurs et compositeurs dramatiques", acronym="SACD")
    PersonFactory(name="Pascal Rogard", slug="pascal-rogard", organisation=sacd)
    PersonFactory(name="Cécile Duflot", slug="cecile-duflot", organisation=OrganisationFactory(name="Oxfam France"))
    PersonFactory(name="Sophie de Quatrebarbes", slug="sophie-de-quatrebarbes")


def test_people_by_their_organisations_acronym_and_name_only(client, people):
    assert found(client, "/fr/recherche/?q=SACD") == ["Pascal Rogard"]
    assert found(client, "/fr/recherche/?q=oxfam+france") == ["Cécile Duflot"]
    # Not half a name: "Ouest-France" is not "Oxfam France".
    assert found(client, "/fr/recherche/?q=Ouest-France") == []


# SQLite has no accent folding nor similarity.
@pytest.mark.postgres
def test_people_whatever_the_accents_with_a_typo_or_in_part_on_postgresql(client, people):
    assert found(client, "/fr/recherche/?q=cecile+duflot") == ["Cécile Duflot"]
    assert found(client, "/fr/recherche/?q=Pascal+Rogart") == ["Pascal Rogard"]
    assert found(client, "/fr/recherche/?q=quatrebarbe") == ["Sophie de Quatrebarbes"]

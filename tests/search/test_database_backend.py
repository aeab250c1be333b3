"""Partial matches and editors' synonyms on Wagtail's database backend (no engine)."""

from bs4 import BeautifulSoup

from .conftest import standard_page


def found(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.text for a in soup.select(".search-main .search-results > li h3 a")]


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

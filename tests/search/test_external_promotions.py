"""External links pinned above the results: in the language they were made for only."""

from search.models import ExternalPromotion
from tests.kit.html import soup


def promoted(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = soup(response.content)
    return [(a.text, a["href"]) for a in parsed.select(".search-results--promoted h3 a")], parsed


def test_an_external_link_shows_in_its_language_only(superuser, client, homes, locales):
    _french, english = locales
    client.force_login(superuser)
    response = client.post(
        "/admin/snippets/search/externalpromotion/add/?locale=fr",
        {"query": "Intelligence artificielle", "url": "https://example.org/ia", "text": "Le portail de l'IA"},
    )
    assert response.status_code == 302
    client.logout()

    # Any accents and case in what the reader types; counted in the total.
    links, soup = promoted(client, "/fr/recherche/?q=intelligence+artificielle")
    assert links == [("Le portail de l'IA", "https://example.org/ia")]
    assert soup.select_one(".search-summary").text.startswith("1 résultat")
    assert promoted(client, "/fr/recherche/?q=INTELLIGENCE+ARTIFICIELLE")[0] == links
    # The same words typed on the English site: not the French link.
    assert promoted(client, "/en/search/?q=intelligence+artificielle")[0] == []
    assert client.get("/api/search/?q=intelligence+artificielle&locale=en").json()["results"] == []

    # Its English translation shows in English, with its own words and address.
    link = ExternalPromotion.objects.get()
    ExternalPromotion.objects.create(
        locale=english,
        translation_key=link.translation_key,
        query="artificial intelligence",
        url="https://example.org/ai",
        text="The AI portal",
    )
    assert promoted(client, "/en/search/?q=Artificial+Intelligence")[0] == [("The AI portal", "https://example.org/ai")]
    assert promoted(client, "/fr/recherche/?q=artificial+intelligence")[0] == []

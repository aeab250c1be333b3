"""The search page, its API and its admin report on Wagtail's database backend
(what `make run` uses, and what answers when the engine is down)."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from news.models import NewsIndexPage
from people.models import PeopleIndexPage
from search.models import Synonym
from search.vocabulary import synonym_rules
from tests.events.factories import event_index
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import links, soup
from tests.kit.pages import make_private
from tests.news.factories import add_child
from topics.models import TopicIndexPage

from .conftest import standard_page


def result_links(response):
    return links(response, ".search-main .search-results > li h3 a")


@pytest.fixture
def pages(homes):
    home_fr, home_en = homes
    return {
        "fr": standard_page(home_fr, "La souveraineté numérique", "Le cloud européen et les données."),
        "fr2": standard_page(home_fr, "Données ouvertes", "Ouvrir les données publiques."),
        "en": standard_page(home_en, "Digital sovereignty", "The European cloud and data."),
    }


def test_search_form_markup_in_both_languages(client, homes):
    for url, label in (("/fr/recherche/", "Rechercher"), ("/en/search/", "Search")):
        html = soup(client.get(url))
        form = html.select_one("form[role=search]")
        assert form["action"] == url and form["method"] == "get"
        assert form.select_one("input[name=q]") is not None
        assert form.select_one("button").text == label
    assert html.select_one("html")["lang"] == "en"
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")}
    assert alternates["fr"].endswith("/fr/recherche/?q=") or alternates["fr"].endswith("/fr/recherche/")


def test_results_of_the_current_language_only(client, pages):
    assert result_links(client.get("/fr/recherche/?q=données")) == [pages["fr2"].url, pages["fr"].url] or set(
        result_links(client.get("/fr/recherche/?q=données"))
    ) == {pages["fr"].url, pages["fr2"].url}
    assert result_links(client.get("/en/search/?q=sovereignty")) == [pages["en"].url]
    assert result_links(client.get("/en/search/?q=souveraineté")) == []


def test_result_shows_type_excerpt_and_only_a_date_of_its_own(client, pages):
    html = soup(client.get("/fr/recherche/?q=cloud"))
    hit = html.select_one(".search-main .search-results > li")
    assert hit.select_one("h3 a").text == "La souveraineté numérique"
    assert hit.select_one(".search-result__type").text == "Page standard"
    # A standard page has no date of its own: not the day it was published (the type alone above).
    assert "Le cloud européen" in hit.select_one(".search-result__excerpt").text
    assert "1 résultat pour « cloud »" in html.select_one(".search-summary").text


def test_drafts_and_private_pages_never_returned(client, homes):
    home_fr, _ = homes
    standard_page(home_fr, "Brouillon tapiresque", publish=False)
    private = standard_page(home_fr, "Privé tapiresque")
    make_private(private)
    public = standard_page(home_fr, "Public tapiresque")
    assert result_links(client.get("/fr/recherche/?q=tapiresque")) == [public.url]
    data = client.get("/api/search/?q=tapiresque&locale=fr").json()
    assert [item["title"] for item in data["results"]] == ["Public tapiresque"]


@pytest.mark.parametrize(
    "query",
    ['AND OR NOT (cloud" ~2 ^3 [a TO b] {x} title:* \\ / ! ? -', "*", '"', "+-&&||", "cloud)" * 3, "   "],
)
def test_search_syntax_characters_give_a_normal_page(client, pages, query):
    response = client.get("/fr/recherche/", {"q": query})
    assert response.status_code == 200
    assert client.get("/api/search/", {"q": query, "locale": "fr"}).status_code == 200


def test_empty_query_invites_to_type(client, homes):
    html = soup(client.get("/fr/recherche/?q="))
    assert "Saisissez un ou plusieurs mots" in html.text
    assert html.select(".search-results") == []


def test_long_query_is_cut_and_said(client, pages):
    query = "cloud " * 400
    html = soup(client.get("/fr/recherche/", {"q": query}))
    assert "seuls ses 1 000 premiers caractères" in html.text
    assert len(html.select_one("main input[name=q]")["value"]) >= 1000


@pytest.mark.parametrize(
    "params", ["type=nope", "type=home.nope", "topic=abc", "year=99999", "page=-3", "page=abc", "type=<script>"]
)
def test_unknown_facets_and_pages_give_a_normal_page(client, pages, params):
    assert result_links(client.get(f"/fr/recherche/?q=cloud&{params}")) == [pages["fr"].url]


def test_facets_and_pagination_links(client, homes):
    home_fr, _ = homes
    for number in range(12):
        standard_page(home_fr, f"Pangolin {number}")
    html = soup(client.get("/fr/recherche/?q=pangolin"))
    assert len(html.select(".search-main .search-results > li")) == 10
    next_link = html.select_one("a[rel=next]")
    assert next_link["href"] == "/fr/recherche/?q=pangolin&page=2"
    html = soup(client.get(next_link["href"]))
    assert len(html.select(".search-main .search-results > li")) == 2
    assert html.select_one("ol.search-results")["start"] == "11"
    type_link = html.select_one(".search-facets a")
    assert "type=home.standardpage" in type_link["href"] and "(12)" in type_link.text
    assert type_link.get_text(" ", strip=True) == "Pages standard (12)"


@pytest.mark.parametrize(
    ("url", "labels"),
    [("/fr/recherche/?q=pangolin", {"Pages standard (1)"}), ("/en/search/?q=pangolin", {"Standard pages (1)"})],
)
def test_type_facets_are_plurals_and_listings_are_neither_results_nor_facets(client, homes, url, labels):
    for home in homes:
        standard_page(home, "Pangolin")
        add_child(home, NewsIndexPage(title="Pangolin actualités", slug="pangolin-actualites"))
        event_index(home, title="Pangolin événements", slug="pangolin-evenements")
    html = soup(client.get(url))
    assert {link.get_text(" ", strip=True) for link in html.select(".search-facets a")} == labels
    assert [a.text for a in html.select(".search-main .search-results > li h3 a")] == ["Pangolin"]


def test_no_result_is_singular_in_french(client, pages):
    assert soup(client.get("/fr/recherche/?q=okapi")).select_one(".search-summary").text.startswith("0 résultat pour")
    assert soup(client.get("/en/search/?q=okapi")).select_one(".search-summary").text.startswith("0 results for")


def test_promotions_pinned_above_and_not_repeated(client, pages):
    SearchPromotion.objects.create(
        query=Query.get("données"), page=pages["fr"], sort_order=0, description="Notre dossier."
    )
    SearchPromotion.objects.create(query=Query.get("données"), page=pages["en"], sort_order=1)
    html = soup(client.get("/fr/recherche/?q=Données"))
    promoted = html.select(".search-results--promoted h3 a")
    assert [a["href"] for a in promoted] == [pages["fr"].url]
    assert "Notre dossier." in html.select_one(".search-results--promoted").text
    assert [a["href"] for a in html.select(".search-main .search-results h3 a")] == [pages["fr2"].url]
    data = client.get("/api/search/?q=données&locale=fr").json()
    assert [(item["title"], item["promoted"]) for item in data["results"]] == [
        ("La souveraineté numérique", True),
        ("Données ouvertes", False),
    ]


def test_promotions_match_the_query_with_or_without_accents_and_are_counted(client, pages):
    SearchPromotion.objects.create(query=Query.get("Données"), page=pages["fr"], sort_order=0)
    for typed in ("donnees", "DONNÉES", "Donnees"):
        html = soup(client.get("/fr/recherche/", {"q": typed}))
        assert [a["href"] for a in html.select(".search-results--promoted h3 a")] == [pages["fr"].url]
    # The pinned page and the other page about data.
    html = soup(client.get("/fr/recherche/", {"q": "DONNÉES"}))
    assert html.select_one(".search-summary").text.startswith("2 résultats")
    assert client.get("/api/search/?q=DONNÉES&locale=fr").json()["total"] == 2


def test_no_results_suggests_and_counts_the_other_language(client, pages):
    html = soup(client.get("/fr/recherche/?q=sovereignty"))
    empty = html.select_one(".search-empty")
    assert "Aucun résultat" in empty.text and "Vérifiez l'orthographe" in empty.text
    # Said in the other language, for its readers, and marked with its lang.
    link = empty.select_one("p[lang=en] a[hreflang=en][href^='/en/search/']")
    assert link.text == "1 result in English" and link["href"] == "/en/search/?q=sovereignty"
    html = soup(client.get("/en/search/?q=numérique"))
    assert html.select_one(".search-empty p[lang=fr] a[hreflang=fr]").text == "1 résultat en français"


def test_json_api(client, pages):
    data = client.get("/api/search/?q=cloud&locale=en").json()
    assert data["locale"] == "en" and data["total"] == 1 and data["engine"] is False
    item = data["results"][0]
    assert item["title"] == "Digital sovereignty"
    assert item["url"] == "http://testserver" + pages["en"].url
    # A standard page has no date of its own (not the day it was published).
    assert item["type"] == "home.standardpage" and item["date"] is None
    assert data["facets"]["type"][0]["count"] == 1
    assert client.get("/api/search/?q=cloud&locale=xx").json()["locale"] == "fr"


def test_suggest_api(client, pages):
    data = client.get("/api/search/suggest/?q=souv&locale=fr").json()
    assert data["results"] == [{"title": "La souveraineté numérique", "url": pages["fr"].url, "type": "Page standard"}]
    assert client.get("/api/search/suggest/?q=s&locale=fr").json()["results"] == []


def test_suggestions_start_with_topics(client, pages, homes):
    add_child(homes[0], TopicIndexPage(title="Thèmes", slug="themes"))
    TopicFactory(name="Souveraineté numérique", slug="souverainete-numerique")
    TopicFactory(name="Brouillon souverain", slug="brouillon", live=False)
    data = client.get("/api/search/suggest/?q=sou&locale=fr").json()["results"]
    assert data[0] == {"title": "Souveraineté numérique", "url": "/fr/themes/souverainete-numerique/", "type": "Thème"}
    assert [item["title"] for item in data[1:]] == ["La souveraineté numérique"]
    assert client.get("/api/search/suggest/?q=sou&locale=en").json()["results"] == []


# SQLite does not fold accents.
@pytest.mark.postgres
def test_suggestions_whatever_the_accents_and_people_too(client, pages, homes):
    people = PeopleIndexPage(title="Personnes", slug="personnes", locale=homes[0].locale)
    homes[0].add_child(instance=people)
    people.save_revision().publish()
    PersonFactory(name="Cécile Souvignet", slug="cecile-souvignet", locale=homes[0].locale)
    titles = [item["title"] for item in client.get("/api/search/suggest/?q=souverainete&locale=fr").json()["results"]]
    assert titles == ["La souveraineté numérique"]
    data = client.get("/api/search/suggest/?q=cecile&locale=fr").json()["results"]
    assert data == [{"title": "Cécile Souvignet", "url": f"{people.url}cecile-souvignet/", "type": "Personne"}]


def test_engine_down_falls_back_with_a_notice(client, pages, settings, index_now):
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "engine": {
            "BACKEND": "search.backends.opensearch2",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 0.5,
            "AUTO_UPDATE": False,
        },
    }
    html = soup(client.get("/fr/recherche/?q=cloud"))
    assert "mode simplifié" in html.select_one(".notice").text
    assert [a["href"] for a in html.select(".search-main .search-results h3 a")] == [pages["fr"].url]
    assert client.get("/api/search/?q=cloud&locale=fr").json()["degraded"] is True
    assert client.get("/api/search/suggest/?q=souv&locale=fr").json()["results"][0]["url"] == pages["fr"].url
    # Publishing still works; the change waits for the engine.
    page = standard_page(pages["fr"].get_parent(), "Publiée pendant la panne")
    assert page.live
    from search.models import PendingIndexUpdate

    assert PendingIndexUpdate.objects.filter(kind="page", object_id=str(page.pk)).exists()


def test_synonyms_are_snippets_editors_manage(superuser, client, locales):
    client.force_login(superuser)
    response = client.post("/admin/snippets/search/synonym/add/?locale=fr", {"terms": "IA"})
    assert response.status_code == 200
    assert "Indiquez au moins deux termes" in response.content.decode()
    response = client.post("/admin/snippets/search/synonym/add/?locale=fr", {"terms": "IA, intelligence artificielle"})
    assert response.status_code == 302
    assert Synonym.objects.get().term_list == ["IA", "intelligence artificielle"]
    # The engine reads them after the English forms shipped with the code.
    assert synonym_rules("fr")[-1] == "IA, intelligence artificielle"
    assert "littératie en IA, littératie de l'IA, AI literacy" in synonym_rules("fr")


def test_query_count_does_not_grow_with_results(client, homes, django_assert_max_num_queries):
    home_fr, _ = homes
    for number in range(3):
        standard_page(home_fr, f"Okapi {number}")
    with django_assert_max_num_queries(30):
        client.get("/fr/recherche/?q=okapi")
    for number in range(3, 25):
        standard_page(home_fr, f"Okapi {number}")
    with django_assert_max_num_queries(30):
        assert len(result_links(client.get("/fr/recherche/?q=okapi"))) == 10

"""The search page and API on a real OpenSearch/Elasticsearch node (SEARCH_URL)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils.text import capfirst
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from search.models import PendingIndexUpdate, Synonym
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.reports.factories import report, report_index

from .conftest import indexed_count, standard_page

pytestmark = pytest.mark.search_engine


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = soup(response.content)
    return [a["href"] for a in parsed.select(".search-main .search-results > li h3 a")], parsed


@pytest.fixture
def corpus(synonyms, engine, homes):
    home_fr, home_en = homes
    pages = {
        "litteratie": standard_page(
            home_fr,
            "La littératie numérique des élèves",
            "Apprendre à lire les écrans dès l'école.",
            "Un programme national.",
        ),
        "ia": standard_page(
            home_fr,
            "Gouverner l'intelligence artificielle",
            "Régulation et éthique.",
            "Les systèmes d'intelligence artificielle en Europe.",
        ),
        "souverainete": standard_page(home_fr, "Souveraineté et infrastructures", "Le cloud européen.", "Dépendances."),
        "algorithme": standard_page(
            home_fr, "Transparence", "Ouvrir le code.", "Chaque algorithme public doit être documenté."
        ),
        "ai": standard_page(
            home_en, "Governing artificial intelligence", "Regulation and ethics.", "Systems in Europe."
        ),
        "policy": standard_page(
            home_en, "A children's policy", "Screens at school.", "The children of the digital age."
        ),
    }
    return pages


@pytest.mark.parametrize(
    "url, key",
    [
        ("/fr/recherche/?q=litteratie", "litteratie"),  # accent-less
        ("/fr/recherche/?q=LITTÉRATIE", "litteratie"),
        ("/fr/recherche/?q=souverainete", "souverainete"),
        ("/fr/recherche/?q=l'IA", "ia"),  # elided acronym, synonym of "intelligence artificielle"
        ("/fr/recherche/?q=l’IA", "ia"),  # typographic apostrophe
        ("/fr/recherche/?q=algorithmes+publics", "algorithme"),  # plural
        ("/fr/recherche/?q=eleve", "litteratie"),
        ("/en/search/?q=AI", "ai"),  # acronym
        ("/en/search/?q=policies", "policy"),  # plural
        ("/en/search/?q=children", "policy"),  # possessive
    ],
)
def test_language_aware_matching(client, corpus, url, key):
    found, _soup = results(client, url)
    assert corpus[key].url in found[:3]


def test_never_across_languages(client, corpus):
    found, _soup = results(client, "/en/search/?q=intelligence+artificielle")
    assert corpus["ia"].url not in found
    assert all(url.startswith("/en/") for url in found)
    found_fr, _ = results(client, "/fr/recherche/?q=governing")
    assert found_fr == []


def test_no_results_gives_the_other_language_count_and_a_spelling_suggestion(client, corpus):
    response = client.get("/fr/recherche/?q=governing")
    parsed = soup(response.content)
    other = parsed.select_one(".search-empty p[lang=en] a[href^='/en/search/']")
    assert other is not None and "1 result in English" in other.text
    # Below five letters a typo is not forgiven, but corrected when the correction finds something.
    response = client.get("/fr/recherche/?q=clud")
    parsed = soup(response.content)
    assert "Vouliez-vous dire" in parsed.select_one(".search-empty").text
    assert parsed.select_one(".search-empty a")["href"].startswith("/fr/recherche/?q=cloud")


def test_nothing_found_before_the_other_language_has_an_index(client, engine, homes):
    standard_page(homes[0], "Souveraineté et infrastructures")
    engine.delete_index("en")
    # Two typos: more than the search forgives, not more than a suggestion corrects.
    response = client.get("/fr/recherche/?q=souvreinete")
    assert response.status_code == 200
    parsed = soup(response.content)
    empty = parsed.select_one(".search-empty")
    assert parsed.select_one(".notice") is None
    assert empty.select_one("a")["href"] == "/fr/recherche/?q=souverainete"
    assert empty.select_one("[lang=en]") is None


def test_typos_and_partial_matches_still_find_pages(client, corpus):
    found, _ = results(client, "/fr/recherche/?q=souverainte")
    assert found[:1] == [corpus["souverainete"].url]
    # A word no page has does not empty the page: the pages with the others come.
    found, _ = results(client, "/fr/recherche/?q=souveraineté+zanzibarique+cloud")
    assert found[:1] == [corpus["souverainete"].url]


def test_drafts_private_pages_are_never_indexed_nor_returned(client, engine, homes):
    home_fr, _ = homes
    standard_page(home_fr, "Brouillon zanzibarique", publish=False)
    private = standard_page(home_fr, "Privé zanzibarique")
    make_private(private)
    public = standard_page(home_fr, "Public zanzibarique")
    found, _ = results(client, "/fr/recherche/?q=zanzibarique")
    assert found == [public.url]
    assert indexed_count(engine, "fr") == 1


def test_unpublish_delete_move_and_privacy_remove_the_page(client, engine, homes):
    home_fr, _ = homes
    section = standard_page(home_fr, "Rubrique")
    one = standard_page(home_fr, "Premier quokkanesque")
    two = standard_page(home_fr, "Deuxième quokkanesque")
    three = standard_page(section, "Troisième quokkanesque")
    assert len(results(client, "/fr/recherche/?q=quokkanesque")[0]) == 3

    one.unpublish()
    two.delete()
    make_private(section)
    assert results(client, "/fr/recherche/?q=quokkanesque")[0] == []
    assert indexed_count(engine, "fr") == 0  # the section itself is private too

    PageViewRestriction.objects.filter(page=section).delete()
    assert results(client, "/fr/recherche/?q=quokkanesque")[0] == [three.url]
    private_section = standard_page(home_fr, "Réservé")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    three.move(private_section, pos="last-child")
    assert results(client, "/fr/recherche/?q=quokkanesque")[0] == []


def test_a_match_in_a_recommendation_links_to_its_anchor(client, engine, homes):
    home_fr, _ = homes
    index = report_index(home_fr)
    page = report(
        index,
        title="Écrans et jeunesse",
        body=[
            (
                "recommendations",
                {
                    "title": "Nos recommandations",
                    "recommendations": [
                        {
                            "title": "Former les enseignants",
                            "body": "<p>Un plan de formation.</p>",
                            "audiences": ["government"],
                        },
                        {
                            "title": "Mesurer l'exposition",
                            "body": "<p>Créer un observatoire des écrans.</p>",
                            "audiences": ["government"],
                        },
                    ],
                },
            )
        ],
    )
    response = client.get("/fr/recherche/?q=observatoire")
    parsed = soup(response.content)
    hit = parsed.select_one(".search-main .search-results > li")
    assert hit.select_one("h3 a")["href"] == page.url
    match = hit.select_one(".search-result__match a")
    entry = page.recommendation_entries()[1]
    assert match["href"] == f"{page.url}#{entry['anchor']}"
    assert "Recommandation 2" in match.text
    assert "<mark>observatoire</mark>" in str(hit.select_one(".search-result__match"))


def test_facets_come_from_the_engine_and_combine(client, engine, homes):
    home_fr, _ = homes
    index = report_index(home_fr)
    climat, sante = TopicFactory(name="Climat"), TopicFactory(name="Santé")
    report(index, title="Capteurs et climat", topics=[climat], date=datetime.date(2024, 3, 1), summary="Des capteurs.")
    report(index, title="Capteurs et santé", topics=[sante], date=datetime.date(2025, 3, 1), summary="Des capteurs.")
    standard_page(home_fr, "Capteurs urbains")

    found, soup = results(client, "/fr/recherche/?q=capteurs")
    assert len(found) == 3
    facets = {a.text.strip(): a["href"] for a in soup.select(".search-facets a")}
    assert "Rapports (2)" in facets and f"{capfirst(StandardPage._meta.verbose_name_plural)} (1)" in facets
    assert "Climat (1)" in facets and "2025 (1)" in facets

    found, soup = results(client, facets["Rapports (2)"])
    assert len(found) == 2
    year_link = next(a["href"] for a in soup.select(".search-facets a") if a.text.startswith("2024"))
    found, soup = results(client, year_link)
    assert len(found) == 1 and "climat" in found[0]
    assert "type=reports.reportpage" in year_link and "year=2024" in year_link
    assert soup.select_one(".search-facets a[aria-current]") is not None


def test_highlighted_excerpt_and_promotion_pinned_once(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(
        query=Query.get("écrans"), page=corpus["litteratie"], sort_order=0, description="À lire."
    )
    response = client.get("/fr/recherche/?q=écrans")
    parsed = soup(response.content)
    promoted = [a["href"] for a in parsed.select(".search-results--promoted h3 a")]
    assert promoted == [corpus["litteratie"].url]
    found = [a["href"] for a in parsed.select(".search-main .search-results h3 a")]
    assert corpus["litteratie"].url not in found

    found, parsed = results(client, "/fr/recherche/?q=europeen")
    assert "<mark>européen</mark>" in str(parsed.select_one(".search-result__excerpt"))


def test_editors_synonyms_apply_once_saved(client, engine, homes):
    home_fr, _ = homes
    page = standard_page(home_fr, "Le règlement général sur la protection des données")
    assert results(client, "/fr/recherche/?q=RGPD")[0] == []
    Synonym.objects.create(locale=home_fr.locale, terms="RGPD, règlement général sur la protection des données")
    assert results(client, "/fr/recherche/?q=RGPD")[0] == [page.url]


def test_json_api_and_suggestions(client, corpus):
    data = client.get("/api/search/?q=litteratie&locale=fr").json()
    assert data["engine"] is True and data["total"] == 1
    first = data["results"][0]
    assert first["url"] == "http://testserver" + corpus["litteratie"].url
    assert (first["type"] == "home.standardpage" and "<mark>" in first["excerpt"]) or first["excerpt"]
    assert {"type", "topic", "year"} <= set(data["facets"])
    suggest = client.get("/api/search/suggest/?q=souve&locale=fr").json()
    assert [item["url"] for item in suggest["results"]] == [corpus["souverainete"].url]
    assert client.get("/api/search/suggest/?q=souve&locale=en").json()["results"] == []


def test_missed_updates_are_replayed(client, engine, homes, settings):
    home_fr, _ = homes
    working = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {
        **working,
        "engine": {**working["engine"], "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 0.5},
    }
    page = standard_page(home_fr, "Publié pendant la panne ornithorynque")
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
    response = client.get("/fr/recherche/?q=ornithorynque")
    assert response.status_code == 200
    assert "mode simplifié" in response.content.decode()
    assert page.title in response.content.decode()

    settings.WAGTAILSEARCH_BACKENDS = working
    call_command("rebuild_search_index", pending=True, stdout=io.StringIO())
    assert not PendingIndexUpdate.objects.exists()
    assert results(client, "/fr/recherche/?q=ornithorynque")[0] == [page.url]


def test_rebuild_command_reports_progress(engine, homes, capsys):
    home_fr, home_en = homes
    standard_page(home_fr, "Une page")
    standard_page(home_en, "A page")
    call_command("rebuild_search_index", locale="fr")
    out = capsys.readouterr().out
    assert "[##############################] 1/1" in out and "fr: 1 document(s) indexed" in out
    assert indexed_count(engine, "fr") == 1


def test_engine_search_query_count_is_bounded(client, engine, homes, django_assert_max_num_queries):
    home_fr, _ = homes
    for number in range(3):
        standard_page(home_fr, f"Tatou {number}")
    with django_assert_max_num_queries(30):
        client.get("/fr/recherche/?q=tatou")
    for number in range(3, 12):
        standard_page(home_fr, f"Tatou {number}")
    with django_assert_max_num_queries(30):
        assert len(results(client, "/fr/recherche/?q=tatou")[0]) == 10


def test_hostile_parameters_on_the_engine(client, engine, homes):
    home_fr, _ = homes
    for number in range(12):
        standard_page(home_fr, f"Fennec {number}")
    found, soup = results(client, "/fr/recherche/?q=%C2%85fennec%C2%9F&page=" + "9" * 30 + "&type=nope.nope&colour=x")
    assert len(found) == 2 and soup.select_one("ol.search-results")["start"] == "11"
    assert soup.select_one("main input[name=q]")["value"] == " fennec "
    data = client.get("/api/search/", {"q": "fennec\u0085", "locale": "fr", "page": "1000"}).json()
    assert data["engine"] is True and data["page"] == 2 and len(data["results"]) == 2

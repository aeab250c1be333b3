"""Sorting results by date, on both backends, and counts and facets made of
what readers may see even when the engine's index lags behind a change."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.reports.factories import report, report_index

from .conftest import indexed_count


def titles(html):
    return [a.text for a in html.select(".search-main .search-results > li h3 a")]


@pytest.fixture
def reports(homes):
    index = report_index(homes[0])
    # The title match ranks the oldest first by relevance.
    return [
        report(index, "Okapi okapi", summary="Okapi.", date=datetime.date(2021, 1, 1)),
        report(index, "Rapport récent", summary="Un okapi.", date=datetime.date(2025, 6, 1)),
        report(index, "Rapport moyen", summary="Un okapi.", date=datetime.date(2023, 6, 1)),
    ]


def check_sorting(client):
    html = soup(client.get("/fr/recherche/?q=okapi"))
    assert titles(html)[0] == "Okapi okapi"
    control = html.select_one("nav.search-sort")
    current = control.select_one("a[aria-current]")
    assert current.text == "pertinence"
    by_date = control.select_one("a:not([aria-current])")
    assert by_date.text == "date" and by_date["href"] == "/fr/recherche/?q=okapi&sort=date"
    html = soup(client.get(by_date["href"]))
    assert titles(html) == ["Rapport récent", "Rapport moyen", "Okapi okapi"]
    assert html.select_one("nav.search-sort a[aria-current]").text == "date"
    # Facets keep the order; the API takes the same parameter.
    assert all("sort=date" in a["href"] for a in html.select(".search-facets a"))
    data = client.get("/api/search/?q=okapi&locale=fr&sort=date").json()
    assert data["sort"] == "date" and next(hit["title"] for hit in data["results"]) == "Rapport récent"
    # An unknown order is the default one, never an error.
    assert titles(soup(client.get("/fr/recherche/?q=okapi&sort=zzz")))[0] == "Okapi okapi"


def test_sort_by_date_on_the_database_backend(client, reports):
    check_sorting(client)


def test_sort_control_in_english(client, homes):
    from .conftest import standard_page

    standard_page(homes[1], "Okapi notes", "An okapi.")
    html = soup(client.get("/en/search/?q=okapi"))
    assert [a.text for a in html.select("nav.search-sort a")] == ["relevance", "date"]
    assert "Sort by" in html.select_one("nav.search-sort").text


@pytest.mark.search_engine
def test_sort_by_date_on_the_engine(client, engine, reports):
    check_sorting(client)


@pytest.mark.search_engine
def test_counts_and_facets_leave_out_pages_the_index_still_holds(client, engine, reports):
    private = reports[1]
    assert "Rapport récent" in titles(soup(client.get("/fr/recherche/?q=okapi")))
    # Made private without telling the index (as after an engine outage).
    from django.db.models.signals import post_save

    from search import indexing

    post_save.disconnect(
        indexing.on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_save"
    )
    try:
        make_private(private)
    finally:
        post_save.connect(
            indexing.on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_save"
        )
    assert indexed_count(engine, "fr", {"ids": {"values": [indexing.page_doc_id(private.pk)]}}) == 1
    html = soup(client.get("/fr/recherche/?q=okapi"))
    assert html.select_one(".search-summary").text.startswith("2 résultats")
    assert "Rapport récent" not in titles(html)
    years = [a.text for a in html.select(".search-facets a")]
    assert not any(text.startswith("2025") for text in years)
    data = client.get("/api/search/?q=okapi&locale=fr").json()
    assert data["total"] == 2
    assert [v["value"] for v in data["facets"]["year"]] == ["2023", "2021"]
    # Nor does the English page count it as a French result.
    html = soup(client.get("/en/search/?q=r%C3%A9cent"))
    assert html.select_one(".search-other-language") is None


@pytest.mark.search_engine
def test_pages_with_some_of_the_words_come_only_when_those_with_all_are_too_few(client, engine, homes):
    from search.query.value import PER_PAGE

    from .conftest import standard_page

    both = [standard_page(homes[0], f"Okapi et pangolin {number}") for number in range(PER_PAGE)]
    standard_page(homes[0], "Le pangolin seul")
    standard_page(homes[0], "Okapy et pangolin")  # a typo away
    # A page of results with every word: the count and the facets are theirs.
    html = soup(client.get("/fr/recherche/?q=okapi+pangolin"))
    assert html.select_one(".search-summary").text.startswith(f"{PER_PAGE} résultats")
    assert sorted(titles(html)) == sorted(page.title for page in both)
    assert client.get("/api/search/?q=okapi+pangolin&locale=fr").json()["total"] == PER_PAGE
    # One fewer: the pages with every word first, then the typo, then the one with a word of two.
    both[0].unpublish()
    html = soup(client.get("/fr/recherche/?q=okapi+pangolin"))
    assert html.select_one(".search-summary").text.startswith(f"{PER_PAGE + 1} résultats")
    found = titles(html)
    assert sorted(found[: PER_PAGE - 1]) == sorted(page.title for page in both[1:])
    assert found[PER_PAGE - 1 :] == ["Okapy et pangolin"]
    assert client.get("/api/search/?q=okapi+pangolin&locale=fr&page=2").json()["results"][0]["title"] == (
        "Le pangolin seul"
    )

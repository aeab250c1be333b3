"""Whatever a reader (or a robot) puts in the search parameters, the page and
the API answer without an error: control characters are refused with a message
(`security.middleware`, the one place that handles them), other unprintable
characters are cleaned out, and what cannot be valid is ignored."""

import pytest

from tests.kit.html import soup

from .conftest import standard_page


def page_soup(client, params):
    response = client.get("/fr/recherche/", params)
    assert response.status_code == 200
    return soup(response.content)


def result_titles(soup):
    return [a.text for a in soup.select(".search-main .search-results > li h3 a")]


def api(client, params):
    response = client.get("/api/search/", {"locale": "fr", **params})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def cloud(homes):
    home_fr, _ = homes
    return standard_page(home_fr, "Le cloud européen", "Des données hébergées en Europe.")


@pytest.fixture
def pangolins(homes):
    home_fr, _ = homes
    return [standard_page(home_fr, f"Pangolin {number}") for number in range(12)]


@pytest.mark.parametrize(
    "typed",
    ["cloud\x00", "\x00cloud\x00\x00", "cloud\x00européen", "cloud\x07\x1b", "\x7fcloud", "cloud\r\n\t\x0b"],
)
def test_control_characters_are_refused_with_a_message_in_the_readers_language(client, cloud, typed):
    french = client.get("/fr/recherche/", {"q": typed})
    english = client.get("/en/search/", {"q": typed})
    assert french.status_code == english.status_code == 400
    assert soup(french.content).h1.get_text(strip=True) == "Requête refusée"
    assert soup(english.content).html["lang"] == "en"
    assert client.get("/api/search/", {"locale": "fr", "q": typed}).status_code == 400


def test_other_unprintable_characters_are_left_out(client, cloud):
    soup = page_soup(client, {"q": "\x85cloud\x9f"})
    assert "Le cloud européen" in result_titles(soup)
    value = soup.select_one("main input[name=q]")["value"]
    assert not any(ord(char) < 32 or 127 <= ord(char) < 160 for char in value)
    data = api(client, {"q": "\x85cloud\x9f"})
    assert "Le cloud européen" in [item["title"] for item in data["results"]]


def test_unprintable_characters_alone_are_no_search(client, cloud):
    soup = page_soup(client, {"q": "\x85\x9f"})
    assert "Saisissez un ou plusieurs mots" in soup.text
    assert api(client, {"q": "\x85"})["results"] == []


def test_undecodable_bytes_give_a_normal_page(client, cloud):
    response = client.get("/fr/recherche/?q=%ED%A0%80cloud%FF")
    assert response.status_code == 200
    assert client.get("/api/search/?locale=fr&q=%ED%A0%80cloud%FF").status_code == 200


def test_very_long_text_is_cut(client, cloud):
    typed = "cloud " + "x" * 200_000
    soup = page_soup(client, {"q": typed})
    assert "seuls ses 1 000 premiers caractères" in soup.select_one(".notice").text
    assert len(soup.select_one("main input[name=q]")["value"]) <= 2000
    data = api(client, {"q": typed})
    # The word that is there still finds its page (best partial match).
    assert len(data["query"]) == 1000 and data["total"] == 1


def test_repeated_parameters_count_once(client, cloud, pangolins):
    soup = page_soup(client, {"q": ["pangolin", "cloud"], "page": ["2", "1"], "year": ["2024", "abc"]})
    assert result_titles(soup) == ["Le cloud européen"]
    data = api(client, {"q": ["pangolin", "cloud"], "page": ["1", "2"]})
    assert data["query"] == "cloud" and data["page"] == 1


@pytest.mark.parametrize("params", [{"q[]": "cloud"}, {"q[0]": "cloud", "page[]": "2"}])
def test_array_syntax_is_not_a_parameter(client, cloud, params):
    soup = page_soup(client, params)
    assert "Saisissez un ou plusieurs mots" in soup.text
    assert api(client, params)["results"] == []


@pytest.mark.parametrize(
    "facets",
    [
        {"colour": "bleu"},
        {"type": "nope.nope"},
        {"type": "a" * 300 + ".b"},
        {"type": "HOME.STANDARDPAGE"},
        {"topic": "²"},
        {"topic": "9" * 40},
        {"topic": "١٢"},
        {"year": "20٢٤"},
        {"year": "2024\x85"},
        {"type[]": "home.standardpage", "topic": ""},
    ],
)
def test_unknown_facets_are_ignored(client, cloud, facets):
    soup = page_soup(client, {"q": "cloud", **facets})
    assert result_titles(soup) == ["Le cloud européen"]
    assert soup.select(".search-facets a[aria-current]") == []
    data = api(client, {"q": "cloud", **facets})
    assert [item["title"] for item in data["results"]] == ["Le cloud européen"]
    assert not any(value["selected"] for values in data["facets"].values() for value in values)


@pytest.mark.parametrize("number", ["3", "1000", "1001", "99999999999999999999999", "9" * 5000, "1e9", "2.5"])
def test_page_numbers_past_the_end_show_the_last_page(client, pangolins, number):
    soup = page_soup(client, {"q": "pangolin", "page": number})
    if number in ("1e9", "2.5"):
        assert len(result_titles(soup)) == 10 and soup.select_one("ol.search-results")["start"] == "1"
    else:
        assert len(result_titles(soup)) == 2 and soup.select_one("ol.search-results")["start"] == "11"
        assert soup.select_one(".pagination [aria-current=page]").text.strip().endswith("2")
        assert soup.select_one("a[rel=prev]")["href"] == "/fr/recherche/?q=pangolin"
    data = api(client, {"q": "pangolin", "page": number})
    assert data["total"] == 12 and data["page"] in (1, 2)
    assert len(data["results"]) == (10 if data["page"] == 1 else 2)


def test_unknown_locale_falls_back(client, cloud):
    for locale in ("xx", "\x85", "fr\x85", "EN"):
        data = client.get("/api/search/", {"q": "cloud", "locale": locale}).json()
        assert data["locale"] == "fr" and data["total"] == 1


def test_suggestions_take_cleaned_text(client, cloud):
    response = client.get("/api/search/suggest/", {"q": "\x85clo\x9f", "locale": "fr"})
    assert response.status_code == 200
    assert response.json()["query"] == "clo"
    long = client.get("/api/search/suggest/", {"q": "cloud" * 1000, "locale": "fr"}).json()
    assert len(long["query"]) == 100 and long["results"] == []

"""The shared filter and pagination mechanism (`editorial.listing`): first on
its own, over any page queryset, then through every index that uses it."""

import datetime

import pytest
from django.db import connection
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from editorial.listing import Listing, choice_filter, page_type_filter, topic_filter, year_filter
from initiatives.models import InitiativeIndexPage, InitiativePage
from news.models import NewsArticlePage
from tests.events.factories import at, event_index, event_page
from tests.initiatives.factories import initiative
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.news.factories import add_child, article, index_pages
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_fr):
    return index_pages(home_fr)["news"]


def articles_of(index):
    return NewsArticlePage.objects.live().public().child_of(index).order_by("-date", "-pk")


def listing(index, query="", per_page=12, extra_filters=()):
    request = RequestFactory().get(f"/liste/{query}")
    pages = articles_of(index)
    filters = [topic_filter(pages, index.locale_id), year_filter(pages, "date"), *extra_filters]
    return Listing(request, pages, filters=filters, per_page=per_page)


def rendered(listing):
    html = render_to_string("editorial/includes/filters.html", {"listing": listing})
    html += render_to_string("editorial/includes/pagination.html", {"listing": listing})
    return soup(html)


def group(soup, param):
    """{label: (href, is current)} of the links of one filter."""
    return {
        link.text: (link["href"], link.get("aria-current") == "true")
        for link in soup.select(f'[role=group][aria-labelledby="filter-{param}"] a')
    }


def test_filters_offer_only_what_the_pages_use(news):
    work, culture = TopicFactory(name="Travail", slug="travail"), TopicFactory(name="Culture", slug="culture")
    TopicFactory(name="Inutilisé", slug="inutilise")
    article(news, "Ancien", [work], datetime.date(2023, 5, 1))
    article(news, "Récent", [culture], datetime.date(2025, 5, 1))
    article(news, "Brouillon", [TopicFactory(name="Caché", slug="cache")], datetime.date(2021, 1, 1), publish=False)
    soup = rendered(listing(news))
    assert group(soup, "theme") == {
        "Tous": ("/liste/", True),
        "Culture": ("?theme=culture", False),
        "Travail": ("?theme=travail", False),
    }
    assert group(soup, "annee") == {
        "Toutes": ("/liste/", True),
        "2025": ("?annee=2025", False),
        "2023": ("?annee=2023", False),
    }
    assert soup.select_one(".filters__reset") is None


def test_filters_combine_and_go_back_to_the_first_page(news):
    work = TopicFactory(name="Travail", slug="travail")
    for n in range(3):
        article(news, f"Travail {n}", [work], datetime.date(2024, 1, 1 + n))
    article(news, "Autre année", [work], datetime.date(2025, 1, 1))
    article(news, "Autre thème", [TopicFactory(slug="culture")], datetime.date(2024, 6, 1))
    chosen = listing(news, "?theme=travail&annee=2024&page=2", per_page=2)
    assert [page.title for page in chosen.page] == ["Travail 0"]
    soup = rendered(chosen)
    assert group(soup, "annee")["2025"] == ("?theme=travail&annee=2025", False)
    assert group(soup, "annee")["2024"] == ("?theme=travail&annee=2024", True)
    assert group(soup, "theme")["Tous"] == ("?annee=2024", False)
    assert soup.select_one(".filters__reset a")["href"] == "/liste/"
    assert soup.select_one('a[rel="prev"]')["href"] == "?theme=travail&annee=2024"
    assert soup.select_one('.pagination [aria-current="page"]').text.strip() == "Page 2"


@pytest.mark.parametrize("query", ["?theme=inconnu", "?annee=abc", "?annee=0999", "?page=0", "?page=deux"])
def test_malformed_values_and_pages_are_not_found(news, query):
    article(news, "Seul", [TopicFactory(slug="travail")], datetime.date(2024, 1, 1))
    with pytest.raises(Http404):
        listing(news, query)


def test_a_well_formed_value_that_lists_nothing_is_an_empty_list(news):
    article(news, "Seul", [TopicFactory(slug="travail")], datetime.date(2024, 1, 1))
    TopicFactory(slug="culture")
    for query in ("?annee=1990", "?theme=culture", "?theme=travail&annee=2023"):
        assert list(listing(news, query).page) == [], query
    past_the_end = listing(news, "?page=3")
    assert list(past_the_end.page) == [] and past_the_end.past_the_end
    notice = rendered(past_the_end).select_one('[role="status"]')
    assert "la liste tient sur 1 page" in notice.text
    assert notice.a["href"] == "/liste/"


def test_choice_filter_offers_all_choices_or_those_used(news):
    article(news, "Un", [TopicFactory()])
    pages = articles_of(news)
    choices = [("un", "Un"), ("deux", "Deux")]
    assert [choice[0] for choice in choice_filter("p", "P", "slug", choices).load_choices()] == ["un", "deux"]
    assert [choice[0] for choice in choice_filter("p", "P", "slug", choices, pages).load_choices()] == ["un"]


def test_page_type_filter_counts_each_type(home_fr, news):
    topic = TopicFactory()
    pages = [article(news, "Article", [topic]), article(news, "Autre", [topic], slug="autre")]
    pages.append(report(report_index(home_fr), "Rapport", topics=[topic]))
    pages = Page.objects.filter(pk__in=[page.pk for page in pages])
    type_filter = page_type_filter(pages)
    choices = type_filter.load_choices()
    assert [(value, label) for value, label, _obj in choices] == [
        ("actualite", "Actualités (2)"),
        ("rapport", "Rapports (1)"),
    ]
    reports = choices[1][2]
    assert [page.title for page in type_filter.apply(pages, reports)] == ["Rapport"]


@pytest.fixture
def indexes(home_fr):
    """Each index using the shared filters, with one page carrying topic `travail`."""
    topic = TopicFactory(name="Travail", slug="travail")
    pages = index_pages(home_fr)
    article(pages["news"], "Article", [topic], datetime.date(2024, 3, 1))
    report(report_index(home_fr), "Rapport", topics=[topic], date=datetime.date(2024, 3, 1))
    event_page(event_index(home_fr), "Événement", topics=[topic], starts_at=at(2024, 3, 1, 10))
    initiatives = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    initiative(initiatives, "Initiative")
    return {
        "/fr/actualites/": ("theme=travail", "annee=2024"),
        "/fr/rapports/": ("theme=travail", "annee=2024", "type=rapport"),
        "/fr/evenements/": ("theme=travail", "annee=2024", "format=sommet", "role=organisateur"),
        "/fr/initiatives/": ("statut=ouverte",),
        "/fr/themes/travail/": ("type=actualite",),
    }


def test_every_index_filters_through_the_same_parameters(client, indexes):
    for url, queries in indexes.items():
        parsed = soup(client.get(url).content)
        offered = {link["href"] for link in parsed.select(".filters a")}
        for query in queries:
            assert f"?{query}" in offered, (url, query)
            response = client.get(f"{url}?{query}")
            assert response.status_code == 200, (url, query)
            current = soup(response.content).select('.filters a[aria-current="true"]')
            assert f"?{query}" in {link["href"] for link in current}, (url, query)


def test_every_index_answers_404_to_malformed_values_only(client, indexes):
    for url, queries in indexes.items():
        for query in queries:
            param = query.split("=")[0]
            assert client.get(f"{url}?{param}=inconnu").status_code == 404, (url, param)
        assert client.get(f"{url}?page=abc").status_code == 404, url
        past_the_end = client.get(f"{url}?page=99")
        assert past_the_end.status_code == 200, url
        assert "Aller à la dernière page" in past_the_end.text, url


def test_an_empty_combination_says_so_with_a_way_back(client, indexes):
    for url in ("/fr/actualites/", "/fr/rapports/", "/fr/evenements/"):
        response = client.get(f"{url}?annee=2019")
        assert response.status_code == 200, url
        parsed = soup(response.content)
        assert "noindex" in parsed.select_one('meta[name="robots"]')["content"]
        assert parsed.select_one(".filters__reset a")["href"] == url
    assert "Aucun événement ne correspond à ces filtres." in client.get("/fr/evenements/?format=webinaire").text


def test_filter_values_are_words_of_the_readers_language(client, indexes):
    english = client.get("/fr/evenements/?format=summit&role=organiser")  # links shared before still work
    assert english.status_code == 200 and "Événement" in english.text


def test_private_and_draft_pages_give_no_filter_value(client, news):
    make_private(article(news, "Privé", [TopicFactory(slug="prive")], datetime.date(2020, 1, 1)))
    article(news, "Visible", [TopicFactory(slug="visible")], datetime.date(2024, 1, 1))
    parsed = soup(client.get("/fr/actualites/").content)
    assert "?theme=prive" not in {link["href"] for link in parsed.select(".filters a")}
    assert "?annee=2020" not in {link["href"] for link in parsed.select(".filters a")}
    for query in ("?theme=prive", "?annee=2020"):
        response = client.get(f"/fr/actualites/{query}")
        assert response.status_code == 200 and "Privé" not in response.text
    assert client.get("/fr/actualites/?theme=visible").status_code == 200


def test_initiative_status_filter_shows_every_status(client, home_fr):
    initiatives = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    initiative(initiatives, "Ouverte")
    parsed = soup(client.get("/fr/initiatives/").content)
    labels = [link.text for link in parsed.select('[role=group][aria-labelledby="filter-statut"] a')]
    assert labels == ["Tous", *[str(label) for _value, label in InitiativePage.Status.choices]]


def test_an_index_follows_each_publication_while_its_choices_are_kept(client, news):
    """The filters' choices and the page count are kept with the site-wide data:
    the second read asks the database for none of them, and a publication, an
    unpublication or a topic's new name shows on the next read."""
    work = TopicFactory(name="Travail", slug="travail")
    for n in range(12):
        article(news, f"Article {n}", [work], datetime.date(2024, 1, 1 + n), slug=f"article-{n}")

    def read():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/actualites/")
        assert response.status_code == 200
        return soup(response.content), [query["sql"] for query in queries]

    read()
    page, queries = read()
    assert not [sql for sql in queries if "DISTINCT" in sql or "COUNT(" in sql]
    assert list(group(page, "annee")) == ["Toutes", "2024"]
    assert page.select_one('a[rel="next"]') is None

    late = article(news, "Nouveau", [TopicFactory(name="Culture", slug="culture")], datetime.date(2019, 5, 1))
    page, _queries = read()
    assert list(group(page, "annee")) == ["Toutes", "2024", "2019"]
    assert list(group(page, "theme")) == ["Tous", "Culture", "Travail"]
    assert page.select_one('a[rel="next"]')["href"] == "?page=2"

    late.unpublish()
    page, _queries = read()
    assert list(group(page, "annee")) == ["Toutes", "2024"]
    assert list(group(page, "theme")) == ["Tous", "Travail"]
    assert page.select_one('a[rel="next"]') is None

    work.name = "Emploi"
    work.save()
    assert list(group(read()[0], "theme")) == ["Tous", "Emploi"]

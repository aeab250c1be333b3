"""A deep page of a listing (`?page=` near the end of a long archive) costs
what the first does: `editorial.listing.EitherEndPaginator` reads the pages
past the middle from the end of the list."""

import datetime
import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from editorial.listing import Listing
from news.models import NewsIndexPage
from tests.kit.html import soup
from tests.news.factories import add_child, article, index_pages

from .test_listing import articles_of

pytestmark = pytest.mark.django_db

OLDEST = datetime.date(2020, 1, 1)


def archive(index, count, prefix="Article"):
    """`count` articles under `index`, one a day from OLDEST: [titles], newest first."""
    for number in range(count):
        article(index, f"{prefix} {number}", date=OLDEST + datetime.timedelta(days=number), slug=f"a-{number}")
    return [f"{prefix} {number}" for number in reversed(range(count))]


def listing_page(index, number, per_page):
    request = RequestFactory().get(f"/liste/?page={number}")
    return Listing(request, articles_of(index), per_page=per_page)


def titles(listing):
    return [page.title for page in listing.page.object_list]


@pytest.fixture
def news(home_fr):
    return index_pages(home_fr)["news"]


def test_every_page_lists_its_share_of_the_archive_whichever_end_it_is_read_from(news):
    newest_first = archive(news, 11)
    pages = [titles(listing_page(news, number, per_page=3)) for number in range(1, 5)]
    assert pages == [newest_first[0:3], newest_first[3:6], newest_first[6:9], newest_first[9:11]]


def test_the_last_page_costs_what_the_first_does_at_two_sizes(home_fr):
    """The same queries at page 1 and at the last page, at 6 and 30 articles;
    none skips more than a page of rows (a plain paginator's last page skips 27)."""
    counts = {}
    for size, slug in ((6, "petite"), (30, "grande")):
        index = add_child(home_fr, NewsIndexPage(title=f"Actualités {slug}", slug=slug))
        newest_first = archive(index, size, prefix=slug)
        last = size // 3
        titles(listing_page(index, 1, per_page=3))  # the site-wide data (view restrictions) read once
        for number in (1, last):
            with CaptureQueriesContext(connection) as queries:
                shown = titles(listing_page(index, number, per_page=3))
            assert shown == newest_first[(number - 1) * 3 : number * 3]
            skipped = [int(rows) for query in queries for rows in re.findall(r"OFFSET (\d+)", query["sql"])]
            assert all(rows <= 3 for rows in skipped), (size, number, skipped)
            counts[size, number] = len(queries)
    assert len(set(counts.values())) == 1, counts


@pytest.fixture
def archives(home_fr, home_en, monkeypatch):
    """Five articles in each language, two a page: three pages each."""
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    french = index_pages(home_fr)["news"]
    english = add_child(home_en, NewsIndexPage(title="News", slug="news"))
    return {"/fr/actualites/": archive(french, 5), "/en/news/": archive(english, 5, prefix="Story")}


def shown_titles(soup):
    return [link.text.strip() for link in soup.select("ul.cards .card h2 a") if link.text.strip()]


def test_the_last_page_shows_the_oldest_items_and_its_links_lead_back(client, archives):
    for url, newest_first in archives.items():
        last = soup(client.get(f"{url}?page=3").content)
        assert shown_titles(last) == [newest_first[4]], url
        assert last.select_one('[aria-current="page"]').text.split()[-1] == "3"
        previous = last.select_one('a[rel="prev"]')["href"]
        assert previous == "?page=2"
        middle = soup(client.get(f"{url}{previous}").content)
        assert shown_titles(middle) == newest_first[2:4], url
        assert middle.select_one('a[rel="next"]')["href"] == "?page=3"
        first_link = next(link for link in middle.select(".pagination a") if link.text.split()[-1] == "1")
        assert first_link["href"] == url
        first = soup(client.get(url).content)
        assert shown_titles(first) == newest_first[0:2], url


def test_malformed_page_numbers_are_still_not_found_and_a_page_past_the_end_says_so(client, archives):
    for url in archives:
        for bad in ("0", "-1", "abc", "2.5"):
            assert client.get(f"{url}?page={bad}").status_code == 404, (url, bad)
        past = client.get(f"{url}?page=4")
        assert past.status_code == 200
        parsed = soup(past.content)
        assert shown_titles(parsed) == []
        assert parsed.select_one(".notice a")["href"] == "?page=3"

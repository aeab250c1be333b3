"""Who is served from the page cache, and what each kind of response says to
browsers and proxies (Cache-Control, ETag, Last-Modified, 304)."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.news.factories import article, index_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_fr):
    return index_pages(home_fr)


@pytest.fixture
def page(site):
    return article(site["news"], "Un article", [TopicFactory()])


def title_of(response):
    return soup(response.content).select_one("h1").get_text(strip=True)


def test_second_anonymous_read_comes_from_the_cache(reader, page):
    first = reader.get(page.url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    second = Client().get(page.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert title_of(second) == "Un article"


def page_entries():
    """{key: (versions, content, headers)} of the page cache (the test settings'
    local-memory cache, whose keys read `:1:pagecache:…`)."""
    keys = [key.split(":", 2)[2] for key in cache._cache if ":pagecache:" in key]
    return {key: cache.get(key) for key in keys}


def test_the_cache_keeps_a_page_deflated_and_serves_it_whole(reader, page):
    first = reader.get(page.url)
    [(_versions, kept, _headers)] = page_entries().values()
    assert len(kept) * 2 < len(first.content)
    assert Client().get(page.url).content == first.content


def test_an_entry_kept_whole_by_an_earlier_release_is_a_miss(reader, page):
    first = reader.get(page.url)
    [(key, (versions, _kept, headers))] = page_entries().items()
    cache.set(key, (versions, first.content, headers))
    again = Client().get(page.url)
    assert again.status_code == 200
    assert again["X-Page-Cache"] == "miss"
    assert title_of(again) == "Un article"


def test_a_cached_page_answers_only_the_allowed_hosts(reader, page, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert reader.get(page.url).status_code == 200
    assert reader.get(page.url)["X-Page-Cache"] == "hit"
    assert reader.get(page.url, Host="attacker.example").status_code == 400


def test_a_page_names_what_it_shows_in_its_tags(reader, page):
    tags = reader.get(page.url)["xkey"].split()
    assert {f"page-{page.pk}", "site", "menus"} <= set(tags)


def test_public_pages_and_feeds_say_how_long_to_keep_them(reader, page, site):
    response = reader.get(page.url)
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert response["ETag"] and response["Last-Modified"]
    feed = reader.get(site["news"].url + "flux/rss/")
    assert feed.status_code == 200
    assert feed["Cache-Control"] == "public, max-age=900, stale-while-revalidate=3600"
    sitemap = reader.get("/sitemap.xml")
    assert sitemap["Cache-Control"] == "public, max-age=900, stale-while-revalidate=3600"


@pytest.mark.parametrize("from_cache", [False, True])
def test_a_current_copy_is_revalidated_with_304(reader, page, from_cache):
    first = reader.get(page.url)
    if from_cache:
        assert reader.get(page.url)["X-Page-Cache"] == "hit"
    by_etag = reader.get(page.url, if_none_match=first["ETag"])
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    by_date = reader.get(page.url, if_modified_since=first["Last-Modified"])
    assert by_date.status_code == 304
    assert reader.get(page.url, if_none_match='"something-else"').status_code == 200


def test_304_without_the_page_cache(reader, page, settings):
    settings.PAGE_CACHE_ENABLED = False
    first = reader.get(page.url)
    assert "X-Page-Cache" not in first
    assert reader.get(page.url, if_none_match=first["ETag"]).status_code == 304


def test_logged_in_users_are_never_served_nor_stored(admin_client, reader, page):
    reader.get(page.url)
    response = admin_client.get(page.url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response
    assert admin_client.get("/admin/")["Cache-Control"] == "private, no-store"


def test_a_logged_in_visit_does_not_fill_the_cache(admin_client, reader, page):
    admin_client.get(page.url)
    assert reader.get(page.url)["X-Page-Cache"] == "miss"


def test_private_pages_are_never_stored(reader, client, site):
    private = make_private(article(site["news"], "Secret", [TopicFactory()]))
    for _ in range(2):
        response = reader.get(private.url)
        assert response.status_code == 200  # the password form
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"
    assert not soup(response.content).find(string="Résumé de Secret.")


def test_a_reader_who_entered_the_password_is_not_stored(reader, site):
    private = make_private(article(site["news"], "Secret", [TopicFactory()]))
    restriction = private.view_restrictions.get()
    form = reader.client.get(private.url)
    token = soup(form.content).select_one("input[name=csrfmiddlewaretoken]")["value"]
    reader.client.post(
        f"/fr/_util/authenticate_with_password/{restriction.pk}/{private.pk}/",
        {"password": "secret", "return_url": private.url, "csrfmiddlewaretoken": token},
    )
    response = reader.get(private.url)
    assert title_of(response) == "Secret"
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in response
    assert not soup(Client().get(private.url).content).find(string="Résumé de Secret.")


def test_preview_is_private(admin_client, page):
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response["Cache-Control"] == "private, no-store"


def test_query_strings_are_normalised_and_tracking_ignored(reader, site, page):
    base = site["news"].url
    theme = page.topics[0].slug
    assert reader.get(f"{base}?page=1&theme={theme}")["X-Page-Cache"] == "miss"
    assert reader.get(f"{base}?theme={theme}&page=1&utm_source=lettre")["X-Page-Cache"] == "hit"
    assert reader.get(f"{base}?theme={theme}")["X-Page-Cache"] == "miss"


def test_control_characters_in_a_dropped_parameter_are_still_refused(reader, site):
    reader.get(site["news"].url)
    assert reader.get(f"{site['news'].url}?utm_source=%00").status_code == 400


def test_each_language_has_its_own_entry(reader, homes):
    assert reader.get("/sitemap.xml", accept_language="fr")["X-Page-Cache"] == "miss"
    assert reader.get("/sitemap.xml", accept_language="en")["X-Page-Cache"] == "miss"
    assert reader.get("/sitemap.xml", accept_language="en")["X-Page-Cache"] == "hit"


def test_search_results_are_revalidated_and_never_stored(reader, page):
    response = reader.get("/fr/recherche/?q=article")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    assert "X-Page-Cache" not in response
    assert reader.get("/fr/recherche/?q=article", if_none_match=response["ETag"]).status_code == 304


def test_errors_and_redirects_are_not_stored(reader, site):
    assert reader.get("/fr/nulle-part/").status_code == 404
    assert "X-Page-Cache" not in reader.get("/fr/nulle-part/")

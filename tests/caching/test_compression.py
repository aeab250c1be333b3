"""Pages compressed by the app server for readers who take gzip, from the page
cache too; pages with a CSRF token compressed with their per-response mask."""

import gzip

import pytest
from django.test import Client

from tests.caching.test_forms import workshop  # noqa: F401 (fixture)
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.news.factories import article, index_pages

pytestmark = pytest.mark.django_db

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture
def page(home_fr):
    return article(index_pages(home_fr)["news"], "Un article compressé", [TopicFactory()])


def test_pages_are_gzipped_for_readers_who_take_it(reader, page):
    plain = Client().get(page.url)
    assert "Content-Encoding" not in plain
    for expected_cache in ("hit", "hit"):
        response = reader.get(page.url, **GZIP)
        assert response["X-Page-Cache"] == expected_cache
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain.content
        # A short page (5–6 kB since the light footer) still loses more than half.
        assert len(response.content) < len(plain.content) / 2


def test_a_compressed_copy_is_revalidated_with_304(reader, page):
    first = reader.get(page.url, **GZIP)
    assert first["ETag"].startswith('W/"')
    assert reader.get(page.url, If_None_Match=first["ETag"], **GZIP).status_code == 304


def test_feeds_and_the_manifest_are_compressed_too(reader, page):
    feed = reader.get(page.get_parent().url + "flux/rss/", **GZIP)
    assert feed["Content-Encoding"] == "gzip"
    assert b"Un article compress" in gzip.decompress(feed.content)
    manifest = reader.get("/manifest.webmanifest?lang=fr", **GZIP)
    assert manifest["Content-Encoding"] == "gzip"


def test_a_page_with_a_form_is_compressed_with_a_token_masked_anew(workshop):  # noqa: F811
    reader = Client(enforce_csrf_checks=True)
    bodies = [gzip.decompress(reader.get(workshop.url, headers=GZIP).content) for _ in range(2)]
    tokens = [soup(body).select_one("input[name=csrfmiddlewaretoken]")["value"] for body in bodies]
    # BREACH needs a secret repeated byte for byte in every response: the mask changes it each time.
    assert tokens[0] != tokens[1]
    form = soup(bodies[1]).select_one("form.registration__form")
    data = {"name": "Ada", "email": "ada@example.org", "consent": "on", "csrfmiddlewaretoken": tokens[1]}
    assert reader.post(form["action"], data).status_code == 302

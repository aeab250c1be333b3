"""The generic snippet index page (`editorial.snippet_index`), through the two
indexes built on it: topics and people."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from editorial.localize import translate
from people.models import PeopleIndexPage
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.news.factories import index_pages
from topics.models import TopicIndexPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "index_key, snippet_factory, prefix",
    [("topics", TopicFactory, "/fr/themes/"), ("people", PersonFactory, "/fr/personnes/")],
)
def test_each_snippet_has_a_page_under_its_index(client, home_fr, index_key, snippet_factory, prefix):
    index_pages(home_fr)
    snippet = snippet_factory(slug="premier")
    response = client.get(f"{prefix}premier/")
    assert response.status_code == 200
    parsed = soup(response.content)
    assert parsed.select_one('link[rel="canonical"]')["href"] == f"http://testserver{prefix}premier/"
    assert parsed.select_one("h1").text.strip() == (snippet.name)
    assert client.get(f"{prefix}inconnu/").status_code == 404
    assert f"{prefix}premier/" in client.get("/sitemap.xml").text


def test_snippet_pages_link_their_translations(client, homes):
    home_fr, _ = homes
    pages = index_pages(home_fr)
    translate(pages["topics"], {"Thèmes": "Topics", "themes": "topics"})
    topic = TopicFactory(name="Travail", slug="travail")
    translate(topic, {"Travail": "Work", "travail": "work"})
    parsed = soup(client.get("/fr/themes/travail/").content)
    alternates = {link["hreflang"]: link["href"] for link in parsed.select('link[rel="alternate"][hreflang]')}
    assert alternates["fr"] == "http://testserver/fr/themes/travail/"
    assert alternates["en"] == "http://testserver/en/topics/work/"


def test_no_url_without_a_live_public_index(home_fr):
    pages = index_pages(home_fr)
    person, topic = PersonFactory(), TopicFactory()
    make_private(pages["people"])
    pages["topics"].unpublish()
    assert PeopleIndexPage.snippet_url(person) == ""
    assert TopicIndexPage.snippet_url(topic) == ""


def test_index_url_is_looked_up_once_per_request_and_language(home_fr):
    index_pages(home_fr)
    people = [PersonFactory() for _ in range(5)]
    request = RequestFactory().get("/fr/")
    PeopleIndexPage.snippet_url(people[0], request)
    with CaptureQueriesContext(connection) as queries:
        urls = [PeopleIndexPage.snippet_url(person, request) for person in people]
    assert len(queries) == 0
    assert urls == [f"/fr/personnes/{person.slug}/" for person in people]
    # Each index class has its own entry.
    assert TopicIndexPage.url_for_locale(home_fr.locale_id, request) == "/fr/themes/"

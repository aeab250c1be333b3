"""A live page below a section is kept as routed (`routed-page`: its row, its
type's, the cover, PDFs and series joined, its topics, authors and
programme loaded), so a page rendered again (its cache entry expired or purged by
a list it shows) routes without a query. What an editor changes on it, or on
what it shows, reaches readers at once all the same."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.caching.site import build, text_of
from tests.events.factories import event_page, programme
from tests.kit.factories import PersonFactory
from tests.kit.html import soup
from tests.news.factories import article
from tests.reports.factories import report

pytestmark = pytest.mark.django_db

REPORT = "/fr/rapports/le-rapport/"


@pytest.fixture
def site(home_fr, settings):
    # Without the page cache, every read renders the page and routes its URL.
    settings.PAGE_CACHE_ENABLED = False
    return build(home_fr)


@pytest.mark.parametrize("url", [REPORT, "/fr/actualites/epingle/"])
def test_a_page_rendered_again_is_routed_without_reading_it_again(reader, site, settings, url):
    def queries_when_rendered_again():
        cache.clear()
        assert reader.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert reader.get(url).status_code == 200
        return [query["sql"] for query in queries]

    settings.BODY_CACHE_ENABLED = False
    unkept = queries_when_rendered_again()
    settings.BODY_CACHE_ENABLED = True
    kept = queries_when_rendered_again()
    assert len(kept) < len(unkept)
    assert not [sql for sql in kept if '"wagtailcore_page"' in sql or "pagetopic" in sql]


def test_an_author_renamed_shows_everywhere_on_the_report_at_once(reader, editor_acts, site):
    assert "Ada Lovelace" in text_of(reader, REPORT)
    with editor_acts():
        site["author"].name = "Ada King"
        site["author"].save()
    # Everywhere: the byline, the citation, each recommendation's citation (the body), the JSON-LD.
    shown = reader.read(REPORT)
    assert "Ada King" in shown
    assert "Ada Lovelace" not in shown


def test_a_topic_renamed_shows_on_the_report_at_once(reader, editor_acts, site):
    assert "Travail" in text_of(reader, REPORT)
    with editor_acts():
        site["topic"].name = "Emploi"
        site["topic"].save()
    assert "Emploi" in text_of(reader, REPORT)


def test_a_report_retitled_or_unpublished_reaches_readers_at_once(reader, editor_acts, site):
    assert "Le rapport" in text_of(reader, REPORT)
    with editor_acts():
        site["report"].title = "Le rapport revu"
        site["report"].save_revision().publish()
    assert soup(reader.get(REPORT)).h1.get_text(strip=True) == "Le rapport revu"
    with editor_acts():
        site["report"].unpublish()
    assert reader.get(REPORT).status_code == 404


def test_a_section_with_a_new_slug_routes_its_pages_at_their_new_paths(reader, editor_acts, site):
    assert reader.get(REPORT).status_code == 200
    with editor_acts():
        site["reports"].slug = "publications"
        site["reports"].save_revision().publish()
    response = reader.get("/fr/publications/le-rapport/")
    assert response.status_code == 200
    # Its links to itself (canonical, citation, PDF, JSON-LD) are at the new path.
    html = response.content.decode()
    assert soup(response).find("link", rel="canonical")["href"].endswith("/fr/publications/le-rapport/")
    assert "/publications/le-rapport/pdf/" in html
    assert "/rapports/le-rapport/" not in html
    moved = reader.get(REPORT)
    assert (moved.status_code, moved["Location"]) == (301, "/fr/publications/le-rapport/")


def test_a_page_published_where_a_deleted_draft_was_is_served(reader, editor_acts, site):
    # Without topics or authors, whose rows would purge their tags as it goes.
    draft = report(site["reports"], "Le brouillon", slug="la-note", publish=False, topics=[], authors=[])
    assert reader.get("/fr/rapports/la-note/").status_code == 404
    with editor_acts():
        draft.delete()
    with editor_acts():
        report(site["reports"], "La note publiée", slug="la-note")
    assert soup(reader.get("/fr/rapports/la-note/")).h1.get_text(strip=True) == "La note publiée"


def test_a_speaker_renamed_shows_in_the_programme_at_once(reader, editor_acts, site):
    event = event_page(site["events"], "Le colloque", programme=programme(1, 1))
    url = f"/fr/evenements/{event.slug}/"
    speaker = event.sessions[0].people[-1].person
    assert speaker.name in text_of(reader, url)
    with editor_acts():
        speaker.name = "Nouveau Nom"
        speaker.save()
    assert "Nouveau Nom" in text_of(reader, url)


def test_an_articles_author_renamed_shows_on_it_at_once(reader, editor_acts, site):
    author = PersonFactory(name="Alan Turing", slug="alan-turing")
    article(site["news"], "L'article signé", author=author, slug="signe")
    assert "Alan Turing" in text_of(reader, "/fr/actualites/signe/")
    with editor_acts():
        author.name = "A. M. Turing"
        author.save()
    assert "A. M. Turing" in text_of(reader, "/fr/actualites/signe/")


def test_a_private_page_is_routed_again_each_time_and_still_guarded(reader, editor_acts, site):
    with editor_acts():
        PageViewRestriction.objects.create(
            page=site["report"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    assert reader.get(REPORT).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(REPORT)
    # Its content is kept nowhere: the page row is read again, and the password form shown.
    assert [query for query in queries if '"wagtailcore_page"' in query["sql"]]
    assert soup(response).find("input", attrs={"name": "password"}) is not None
    assert "Un texte." not in response.content.decode()

"""The home page keeps each of its sections rendered (`home-section`), and
an index each page of its cards (`listing-page`; the people index, of its
people), while what they show is unchanged: a page rendered again (its cache
entry expired, another section changed) reads them instead of querying. What an editor changes reaches
readers at once all the same, and what time alone changes (an event over)
within the page cache's timeout."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports.models import ReportSeries
from tests.caching.site import build, text_of
from tests.events.factories import event_page
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.reports.factories import report

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_fr):
    return build(home_fr)


@pytest.fixture
def rendered_each_time(settings):
    """Without the page cache, every read renders the page: its sections come from their own entries."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.mark.parametrize("url", ["/fr/", "/fr/rapports/"])
def test_a_list_kept_rendered_shows_an_author_renamed(reader, editor_acts, site, rendered_each_time, url):
    assert "Ada Lovelace" in text_of(reader, url)
    with editor_acts():
        site["author"].name = "Ada King"
        site["author"].save()
    shown = text_of(reader, url)
    assert "Ada King" in shown
    assert "Ada Lovelace" not in shown


def test_a_series_renamed_reaches_the_home_page_in_the_page_cache_too(reader, editor_acts, site):
    note = ReportSeries.objects.create(name="Note", slug="note", locale=site["reports"].locale)
    report(site["reports"], "La note", series=note, series_number="12", date=datetime.date(2026, 1, 5), slug="la-note")
    assert "Note n° 12" in text_of(reader, "/fr/")
    assert reader.get("/fr/")["X-Page-Cache"] == "hit"
    with editor_acts():
        note.name = "Étude"
        note.save()
    shown = text_of(reader, "/fr/")
    assert "Étude n° 12" in shown
    assert "Note n° 12" not in shown


def test_a_series_renamed_reaches_the_index_filter_at_once(reader, editor_acts, site):
    note = ReportSeries.objects.create(name="Note", slug="note", locale=site["reports"].locale)
    report(site["reports"], "La note", series=note, series_number="12", slug="la-note")
    filter_links = "#filter-collection ~ a"
    assert [link.get_text() for link in soup(reader.get("/fr/rapports/")).select(filter_links)] == ["Toutes", "Note"]
    with editor_acts():
        note.name = "Étude"
        note.save()
    assert [link.get_text() for link in soup(reader.get("/fr/rapports/")).select(filter_links)] == ["Toutes", "Étude"]


def test_a_new_page_appears_in_its_section_at_once(reader, editor_acts, site, rendered_each_time):
    assert "Le colloque" not in text_of(reader, "/fr/")
    with editor_acts():
        event_page(site["events"], "Le colloque", starts_at=timezone.now() + datetime.timedelta(days=3))
    assert "Le colloque" in text_of(reader, "/fr/")


def test_an_event_over_leaves_the_home_page_within_the_page_caches_timeout(
    reader, site, rendered_each_time, settings, monkeypatch
):
    now = timezone.now()
    event_page(site["events"], "Le colloque", starts_at=now + datetime.timedelta(minutes=5))
    assert "Le colloque" in text_of(reader, "/fr/")
    # An hour later, no publication in between: only time has passed.
    later = now + datetime.timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    clock = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: clock)
    assert settings.PAGE_CACHE_TIMEOUT < 3600
    shown = text_of(reader, "/fr/")
    assert "Le colloque" not in shown
    assert "Le rapport" in shown


def test_each_page_and_filter_of_an_index_is_kept_apart(reader, site, rendered_each_time):
    report(site["reports"], "L'autre rapport", date=datetime.date(2024, 3, 1), slug="autre")
    assert "L'autre rapport" in text_of(reader, "/fr/rapports/")
    only_work = text_of(reader, "/fr/rapports/?theme=travail")
    assert "Le rapport" in only_work
    assert "L'autre rapport" not in only_work


def test_an_event_over_moves_to_the_past_events_of_the_index_within_the_page_caches_timeout(
    reader, site, rendered_each_time, settings, monkeypatch
):
    now = timezone.now()
    event_page(site["events"], "Le colloque", starts_at=now + datetime.timedelta(minutes=5))
    assert "Événements passés" not in text_of(reader, "/fr/evenements/")
    later = now + datetime.timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    clock = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: clock)
    shown = text_of(reader, "/fr/evenements/")
    assert "Événements passés" in shown
    assert "Le colloque" in shown


@pytest.mark.parametrize("url", ["/fr/", "/fr/themes/travail/", "/fr/personnes/ada-lovelace/"])
def test_a_list_kept_rendered_shows_a_page_retitled(reader, editor_acts, site, rendered_each_time, url):
    assert "Le rapport" in text_of(reader, url)
    with editor_acts():
        site["report"].title = "Le rapport revu"
        site["report"].save_revision().publish()
    assert "Le rapport revu" in text_of(reader, url)


def test_a_persons_contributions_past_their_last_page_are_not_found(reader, site, rendered_each_time):
    assert reader.get("/fr/personnes/ada-lovelace/").status_code == 200
    assert reader.get("/fr/personnes/ada-lovelace/?rapports=2").status_code == 404


@pytest.mark.parametrize(
    "url", ["/fr/", "/fr/rapports/", "/fr/evenements/", "/fr/themes/travail/", "/fr/personnes/ada-lovelace/"]
)
def test_a_page_rendered_again_reads_its_kept_lists_instead_of_their_pages(
    reader, site, rendered_each_time, settings, url
):
    event_page(
        site["events"], "Le colloque", starts_at=timezone.now() + datetime.timedelta(days=3), topics=[site["topic"]]
    )

    def queries_when_rendered_again():
        cache.clear()
        assert reader.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert reader.get(url).status_code == 200
        return len(queries)

    settings.BODY_CACHE_ENABLED = False
    unkept = queries_when_rendered_again()
    settings.BODY_CACHE_ENABLED = True
    assert queries_when_rendered_again() < unkept


def test_a_topic_renamed_shows_in_the_filters_of_an_index_rendered_again(reader, editor_acts, site, rendered_each_time):
    report(site["reports"], "L'autre rapport", topics=[TopicFactory(name="Climat")], date=datetime.date(2024, 3, 1))
    # The page of 2024 lists the other report only: no card on it names the topic.
    url = "/fr/rapports/?annee=2024"
    assert "Travail" in text_of(reader, url)
    with editor_acts():
        site["topic"].name = "Emploi"
        site["topic"].save()
    shown = text_of(reader, url)
    assert "Emploi" in shown
    assert "Travail" not in shown


def test_the_people_index_kept_rendered_shows_a_person_added_renamed_or_hidden(
    reader, editor_acts, site, rendered_each_time
):
    assert "Ada Lovelace" in text_of(reader, "/fr/personnes/")
    with editor_acts():
        PersonFactory(name="Grace Hopper", slug="grace-hopper", locale=site["author"].locale)
    assert "Grace Hopper" in text_of(reader, "/fr/personnes/")
    with editor_acts():
        site["author"].name = "Ada King"
        site["author"].save()
    assert "Ada King" in text_of(reader, "/fr/personnes/")
    with editor_acts():
        site["author"].show_in_listings = False
        site["author"].save()
    assert "Ada King" not in text_of(reader, "/fr/personnes/")


def test_the_people_index_rendered_again_reads_its_kept_list(reader, site, rendered_each_time, settings):
    for number in range(30):
        PersonFactory(name=f"Personne {number:02}", locale=site["author"].locale)

    def queries_when_rendered_again():
        cache.clear()
        assert reader.get("/fr/personnes/?page=2").status_code == 200
        with CaptureQueriesContext(connection) as queries:
            later = reader.get("/fr/personnes/?page=2")
        # A later page says so to crawlers, kept or not.
        assert '<meta name="robots" content="noindex, follow">' in later.content.decode()
        return len(queries)

    settings.BODY_CACHE_ENABLED = False
    unkept = queries_when_rendered_again()
    settings.BODY_CACHE_ENABLED = True
    assert queries_when_rendered_again() == 0 < unkept

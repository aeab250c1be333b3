"""Building the engine's documents costs the same number of queries whatever
the number of pages (a rebuild sends thousands), and gives the documents that
publishing one page gives."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from editorial.search_text import plain_text
from initiatives.models import InitiativeIndexPage
from search.documents import page_document, page_documents
from search.indexing import visible_pages
from tests.events.factories import event_index, event_page, organisation, programme
from tests.initiatives.factories import initiative
from tests.kit.factories import ImageFactory, OrganisationFactory, TopicFactory
from tests.news.factories import add_child, article, index_pages
from tests.reports.factories import recommendations_block, report, report_index

from .conftest import standard_page


def add_content(indexes, home, start, count):
    """`count` pages of each content type, with topics, people, organisations and entries."""
    for number in range(start, start + count):
        topics = [TopicFactory(), TopicFactory()]
        standard_page(home, f"Page {number}", "Une introduction.", "Un texte.")
        figure = {
            "image": ImageFactory(title=f"Figure {number}", file__width=64, file__height=32),
            "alt_text": "Une courbe",
            "caption": f"Courbe des usages {number}",
            "source": "",
            "source_url": "",
        }
        body = [("paragraph", "<p>Un texte.</p>"), ("figure", figure), recommendations_block(3)]
        report(indexes["reports"], title=f"Rapport {number}", topics=topics, body=body)
        event_page(
            indexes["events"],
            title=f"Sommet {number}",
            topics=topics,
            organiser=organisation(),
            programme=programme(2, 2),
            venue_name="Station F",
        )
        article(indexes["news"], f"Article {number}", topics=topics, source_organisation=OrganisationFactory())
        initiative(indexes["initiatives"], title=f"Initiative {number}", slug=f"initiative-{number}")


def documents_and_queries():
    ids = list(visible_pages("fr").values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        documents = page_documents(ids)
    return ids, documents, len(queries)


def test_documents_cost_the_same_queries_at_two_sizes(home_fr):
    indexes = {
        "reports": report_index(home_fr),
        "events": event_index(home_fr),
        "news": index_pages(home_fr)["news"],
        "initiatives": add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives")),
    }
    add_content(indexes, home_fr, 0, 1)
    small_ids, _documents, small = documents_and_queries()
    add_content(indexes, home_fr, 1, 2)
    ids, documents, large = documents_and_queries()
    assert len(ids) == len(small_ids) + 2 * 5
    assert large == small

    # The same documents as one page at a time (what publishing sends).
    assert dict(documents) == {
        f"page-{page.pk}": page_document(page) for page in Page.objects.filter(pk__in=ids).specific()
    }
    event = next(doc for doc in dict(documents).values() if doc["title"] == "Sommet 2")
    assert event["entries"] and "Station F" in event["body"]
    # A body's text read from its raw data (no image read) is the text Wagtail gives for it.
    report_page = Page.objects.get(title="Rapport 2").specific
    document = dict(documents)[f"page-{report_page.pk}"]
    assert "Courbe des usages 2" in document["body"] and len(document["entries"]) == 3
    assert plain_text(report_page.body.stream_block.get_searchable_content(report_page.body)) in document["body"]

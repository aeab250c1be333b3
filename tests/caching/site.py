"""A small bilingual site for the purge tests: a report with a topic and an
author, translated, and a news article pinning it."""

from editorial.localize import translate
from editorial.models import RelatedPin
from tests.events.factories import event_index
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.news.factories import article, index_pages
from tests.reports.factories import report, report_index

REPORT_EN = {"Le rapport": "The report", "le-rapport": "the-report", "Résumé de Le rapport.": "Summary."}


def build(home_fr):
    pages = index_pages(home_fr)
    pages["reports"] = report_index(home_fr)
    pages["events"] = event_index(home_fr)
    translate(pages["reports"], {"Rapports": "Reports", "rapports": "reports"})
    topic = TopicFactory(name="Travail", slug="travail")
    translate(topic, {"Travail": "Work", "travail": "work"})
    author = PersonFactory(name="Ada Lovelace", slug="ada-lovelace")
    translate(author, {})
    pages["report"] = report(pages["reports"], "Le rapport", topics=[topic], authors=[author], slug="le-rapport")
    pages["pinning"] = article(pages["news"], "L'article qui épingle", [TopicFactory()], slug="epingle")
    pages["pinning"].related_pins = [RelatedPin(target=pages["report"], locale=home_fr.locale)]
    pages["pinning"].save_revision().publish()
    pages["topic"], pages["author"] = topic, author
    return pages


def english(report_page):
    return translate(report_page, REPORT_EN)


def text_of(reader, url):
    return soup(reader.read(url)).get_text(" ")


def warm(reader, urls):
    """Reads each URL twice: the second read must come from the cache, so the
    reads after an editor's action prove a purge."""
    for url in urls:
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit", url

"""What shows a page is declared by what shows it: the pages, topics and
people a render loads, and the listings it shows. A new page, shown nowhere
yet, reaches every listing of it through the tags of those listings and the
rows that tie it to its topics, authors and pins."""

import pytest

from editorial.localize import translate
from editorial.models import RelatedPin
from serving import tags
from tests.caching.site import build, english, text_of, warm
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.news.factories import article
from tests.reports.factories import report

pytestmark = pytest.mark.django_db

NEW = "Le nouveau rapport"


@pytest.fixture
def site(home_fr):
    return build(home_fr)


def related_titles(reader, url):
    return [link.get_text(strip=True) for link in soup(reader.read(url)).select("section.related a")]


def test_a_new_report_appears_on_every_page_listing_it(reader, editor_acts, site):
    """Its topic and author new too: no page read before showed them."""
    topic = TopicFactory(name="Climat", slug="climat")
    author = PersonFactory(name="Grace Hopper", slug="grace-hopper")
    neighbour = article(site["news"], "La voisine", [topic], slug="voisine")
    urls = ["/fr/", "/fr/rapports/", "/fr/rapports/flux/rss/", "/fr/themes/climat/", "/fr/personnes/grace-hopper/"]
    warm(reader, [*urls, neighbour.url, "/sitemap.xml"])
    with editor_acts():
        new = report(site["reports"], NEW, topics=[topic], authors=[author], slug="nouveau")
    for url in urls:
        assert NEW in text_of(reader, url), url
    assert NEW in related_titles(reader, neighbour.url)
    assert new.url in reader.read("/sitemap.xml")


def test_a_new_translation_appears_in_the_other_languages_listings(reader, editor_acts, homes, site):
    english(site["report"])
    translate(site["topics"], {"Thèmes": "Topics", "themes": "topics"})
    new = report(site["reports"], NEW, topics=[site["topic"]], authors=[site["author"]], slug="nouveau")
    warm(reader, ["/en/", "/en/reports/", "/en/topics/work/", new.url])
    with editor_acts():
        translate(new, {NEW: "The new report", "nouveau": "new"})
    for url in ["/en/", "/en/reports/", "/en/topics/work/"]:
        assert "The new report" in text_of(reader, url), url
    french = soup(reader.read(new.url))
    assert french.select_one("link[rel=alternate][hreflang=en]")["href"] == "http://testserver/en/reports/new/"


def test_a_pinned_page_published_again_appears_on_the_translation_pinning_it(reader, editor_acts, homes, site):
    """Pins point to the French page; the English page pinning it shows its translation."""
    translate(site["news"], {"Actualités": "News", "actualites": "news"})
    pinning = translate(article(site["news"], "La brève", [TopicFactory()], slug="breve"), {"La brève": "The brief"})
    pinning.related_pins = [RelatedPin(target=site["report"], locale=pinning.locale)]
    pinning.save_revision().publish()
    pinned = english(site["report"])
    pinned.unpublish()
    warm(reader, ["/en/news/breve/"])
    assert "The report" not in related_titles(reader, "/en/news/breve/")
    with editor_acts():
        pinned.save_revision().publish()
    assert "The report" in related_titles(reader, "/en/news/breve/")


def test_a_block_read_from_the_site_wide_data_names_the_pages_it_shows(reader, editor_acts, site):
    """The "same subject" block is rendered once for every address of its page:
    a response reading it stored names the pages it shows all the same."""
    url = site["pinning"].url
    reader.get(f"{url}?premiere=lecture")
    response = reader.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert f"page-{site['report'].pk}" in response["xkey"].split()
    with editor_acts():
        site["report"].title = "Le rapport renommé"
        site["report"].save_revision().publish()
    assert "Le rapport renommé" in related_titles(reader, url)


def test_renaming_an_organisation_shows_on_its_peoples_pages(reader, editor_acts, site):
    organisation = site["author"].organisation
    colleague = PersonFactory(name="Grace Hopper", slug="grace-hopper", organisation=organisation)
    urls = ["/fr/personnes/ada-lovelace/", "/fr/personnes/grace-hopper/", "/fr/personnes/"]
    warm(reader, urls)
    with editor_acts():
        organisation.name = "Institut renommé"
        organisation.save()
    for url in urls:
        assert "Institut renommé" in text_of(reader, url), url
    assert colleague.organisation_id == organisation.pk


def test_a_response_showing_too_many_pages_is_purged_by_any_page(reader, editor_acts, monkeypatch, site):
    monkeypatch.setattr(tags, "MAX_SHOWN", 5)
    shown = reader.get("/sitemap.xml")["xkey"].split()
    assert "pages" in shown
    assert not [tag for tag in shown if tag.startswith(("page-", "person-", "topic-"))]
    warm(reader, ["/sitemap.xml"])
    with editor_acts():
        new = report(site["reports"], NEW, slug="nouveau")
    assert new.url in reader.read("/sitemap.xml")

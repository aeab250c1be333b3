"""A reader reads, an editor acts, the reader reads again: every page showing
the changed page shows the change at once (purged from the page cache)."""

import pytest
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage
from tests.caching.site import build, english, text_of, warm
from tests.kit.html import soup
from tests.news.factories import add_child

pytestmark = pytest.mark.django_db

LISTS = ["/fr/", "/fr/rapports/", "/fr/rapports/flux/rss/", "/fr/themes/travail/", "/fr/personnes/ada-lovelace/"]


@pytest.fixture
def site(home_fr):
    return build(home_fr)


def test_publishing_a_change_shows_everywhere_the_page_is_listed(reader, editor_acts, site):
    urls = ["/fr/rapports/le-rapport/", "/fr/actualites/epingle/", *LISTS]
    warm(reader, urls)
    page = site["report"]
    with editor_acts():
        page.title = "Le rapport révisé"
        page.save_revision().publish()
    for url in urls:
        assert "Le rapport révisé" in text_of(reader, url), url


def test_publishing_a_translation_adds_the_hreflang_of_the_french_page(reader, editor_acts, homes, site):
    warm(reader, ["/fr/rapports/le-rapport/"])
    with editor_acts():
        english(site["report"])
    doc = soup(reader.read("/fr/rapports/le-rapport/"))
    assert doc.select_one("link[rel=alternate][hreflang=en]")["href"] == "http://testserver/en/reports/the-report/"
    assert "The report" in text_of(reader, "/en/reports/")


def test_unpublishing_in_the_admin_removes_the_page_everywhere(reader, editor_acts, admin_client, homes, site):
    english(site["report"])
    urls = ["/fr/actualites/epingle/", "/en/reports/the-report/", *LISTS]
    warm(reader, ["/fr/rapports/le-rapport/", "/sitemap.xml", *urls])
    with editor_acts():
        response = admin_client.post(f"/admin/pages/{site['report'].pk}/unpublish/")
    assert response.status_code == 302
    assert reader.get("/fr/rapports/le-rapport/").status_code == 404
    for url in urls:
        assert "Le rapport" not in text_of(reader, url), url
    assert "/fr/rapports/le-rapport/" not in reader.read("/sitemap.xml")
    # The English page loses its link to the French one.
    doc = soup(reader.read("/en/reports/the-report/"))
    assert doc.select_one("link[rel=alternate][hreflang=fr]") is None


def test_moving_a_page_serves_it_at_its_new_address_only(reader, editor_acts, home_fr, site):
    archives = add_child(home_fr, NewsIndexPage(title="Archives", slug="archives"))
    page = site["pinning"]
    warm(reader, ["/fr/actualites/", "/fr/actualites/epingle/", "/fr/archives/"])
    with editor_acts():
        page.move(archives, pos="last-child")
    # Wagtail leaves a redirect behind; the old page is no longer served.
    old = reader.get("/fr/actualites/epingle/")
    assert (old.status_code, old["Location"]) == (301, "/fr/archives/epingle/")
    assert "L'article qui épingle" not in text_of(reader, "/fr/actualites/")
    assert "L'article qui épingle" in text_of(reader, "/fr/archives/")
    assert reader.get("/fr/archives/epingle/").status_code == 200


def test_deleting_a_page_removes_it_everywhere(reader, editor_acts, site):
    warm(reader, ["/fr/rapports/le-rapport/", "/fr/actualites/epingle/", *LISTS])
    with editor_acts():
        site["report"].delete()
    assert reader.get("/fr/rapports/le-rapport/").status_code == 404
    for url in ["/fr/actualites/epingle/", *LISTS]:
        assert "Le rapport" not in text_of(reader, url), url


def test_making_a_page_private_and_public_again(reader, editor_acts, site):
    urls = ["/fr/actualites/epingle/", *LISTS]
    warm(reader, ["/fr/rapports/le-rapport/", *urls])
    with editor_acts():
        restriction = PageViewRestriction.objects.create(
            page=site["report"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    assert "Résumé de Le rapport." not in text_of(reader, "/fr/rapports/le-rapport/")
    for url in urls:
        assert "Le rapport" not in text_of(reader, url), url
    warm(reader, urls)
    with editor_acts():
        restriction.delete()
    for url in ["/fr/rapports/le-rapport/", *urls]:
        assert "Le rapport" in text_of(reader, url), url


def test_a_pinned_item_follows_its_target(reader, editor_acts, site):
    warm(reader, ["/fr/actualites/epingle/"])
    with editor_acts():
        site["report"].title = "Nouveau titre du rapport"
        site["report"].save_revision().publish()
    related = soup(reader.read("/fr/actualites/epingle/"))
    assert related.find(string=lambda s: "Nouveau titre du rapport" in s)


def test_a_new_slug_is_not_hidden_by_the_old_address(reader, editor_acts, site):
    warm(reader, ["/fr/rapports/le-rapport/"])
    page = site["report"]
    with editor_acts():
        page.slug = "rapport-renomme"
        page.save_revision().publish()
    old = reader.get("/fr/rapports/le-rapport/")
    assert (old.status_code, old["Location"]) == (301, "/fr/rapports/rapport-renomme/")

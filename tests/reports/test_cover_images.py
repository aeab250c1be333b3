"""Covers in modern formats sized to their slot: AVIF sources and a WebP
image in a <picture>, widths for a phone and a wide screen; the image a
reader sees first fetched with priority, the cards below it lazily."""

import pytest

from tests.kit.factories import ImageFactory
from tests.kit.html import soup
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(home_fr):
    index = report_index(home_fr)
    cover = ImageFactory(title="Couverture", file__width=1200, file__height=630)
    pages = []
    for number in range(3):
        page = report(index, title=f"Rapport {number}", slug=f"rapport-{number}")
        page.cover_image = cover
        page.cover_alt = "Des lignes bleues"
        page.save_revision().publish()
        pages.append(page)
    return index, pages


def pictures(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return soup(response.content).select("picture")


def widths(srcset):
    return [int(candidate.split()[1].removesuffix("w")) for candidate in srcset.split(", ")]


def test_a_report_cover_is_avif_with_a_webp_fallback_fetched_first(client, reports):
    _index, pages = reports
    (picture,) = pictures(client, pages[0].url)
    source, image = picture.select_one("source"), picture.select_one("img")
    assert source["type"] == "image/avif"
    assert widths(source["srcset"]) == [800, 1200]
    assert image["src"].endswith(".webp") and widths(image["srcset"]) == [800, 1200]
    assert image["sizes"] == source["sizes"]
    assert image["alt"] == "Des lignes bleues"
    assert image["width"] == "800" and image["height"] == "420"
    assert image["fetchpriority"] == "high" and not image.has_attr("loading")
    assert client.get(source["srcset"].split()[0])["Content-Type"] == "image/avif"
    assert client.get(image["src"])["Content-Type"] == "image/webp"


def test_cards_are_lazy_below_the_first(client, reports):
    index, _pages = reports
    images = [picture.select_one("img") for picture in pictures(client, index.url)]
    assert [image["loading"] for image in images] == ["eager", "lazy", "lazy"]
    assert all(widths(image["srcset"]) == [400, 640] for image in images)


def test_the_home_page_lead_is_fetched_first_and_its_cards_lazily(client, reports, home_fr):
    images = [picture.select_one("img") for picture in pictures(client, home_fr.url)]
    lead, *cards = images
    assert lead["fetchpriority"] == "high" and not lead.has_attr("loading")
    assert cards and all(card["loading"] == "lazy" for card in cards)


def test_a_listed_card_follows_its_cover_and_its_authors(client, reports):
    # Cards are kept rendered in the cache (editorial_tags.card): what they show must still change.
    index, pages = reports
    first = soup(client.get(index.url).content).select_one(".card")
    newest = pages[-1]
    author = newest.authors.first().person
    assert author.name in first.text
    author.name = "Camille Nouveau-Nom"
    author.save()
    first = soup(client.get(index.url).content).select_one(".card")
    assert "Camille Nouveau-Nom" in first.text
    old_src = first.select_one("img")["src"]
    cover = newest.cover_image
    cover.focal_point_x, cover.focal_point_y, cover.focal_point_width, cover.focal_point_height = 100, 100, 50, 50
    cover.save()
    assert soup(client.get(index.url).content).select_one(".card img")["src"] != old_src

"""An image used by pages: an editor moving its focal point shows on every
page that crops it (the index's and the home page's cards), read from the
cache before; uploading a new image purges nothing, as it is shown nowhere yet."""

import pytest

from tests.caching.site import build, warm
from tests.kit.factories import ImageFactory
from tests.kit.html import soup

pytestmark = pytest.mark.django_db

URLS = ["/fr/rapports/", "/fr/"]


@pytest.fixture
def site(home_fr):
    return build(home_fr)


def card_images(reader, url):
    images = soup(reader.read(url)).select("main img")
    return [image["src"] for image in images if "couverture" in image["src"]]


def test_a_new_focal_point_shows_on_every_card_of_the_image(reader, editor_acts, site):
    cover = ImageFactory(title="Couverture", file__filename="couverture.png", file__width=1200, file__height=630)
    site["report"].cover_image = cover
    site["report"].save_revision().publish()
    warm(reader, URLS)
    before = {url: card_images(reader, url) for url in URLS}
    assert all(before.values())
    with editor_acts():
        cover.focal_point_x, cover.focal_point_y, cover.focal_point_width, cover.focal_point_height = 100, 100, 50, 50
        cover.save()
    for url in URLS:
        after = card_images(reader, url)
        assert after and after != before[url], url


def test_uploading_an_image_purges_no_page(reader, editor_acts, site):
    warm(reader, URLS)
    with editor_acts():
        ImageFactory(title="Nouvelle", file__width=800, file__height=420)
    for url in URLS:
        assert reader.get(url)["X-Page-Cache"] == "hit", url

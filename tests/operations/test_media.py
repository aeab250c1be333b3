"""Images: each rendition is made once, then served from the disk with a
year's cache lifetime; documents never from the media folder."""

import pytest
from wagtail.images.models import Rendition

from tests.kit.factories import ImageFactory
from tests.kit.html import soup
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_fr):
    page = report(report_index(home_fr), title="Rapport illustré", slug="illustre")
    page.cover_image = ImageFactory(title="Couverture", file__width=400, file__height=300)
    page.cover_alt = "Des lignes bleues"
    page.save_revision().publish()
    return page


def cover_url(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return soup(response.content).select_one("img.cover")["src"]


def test_second_render_makes_no_new_rendition(client, page, settings):
    first = cover_url(client, page)
    renditions = list(Rendition.objects.values_list("pk", "file"))
    files = sorted(path.name for path in (settings.MEDIA_ROOT / "images").iterdir())
    assert renditions and files

    assert cover_url(client, page) == first
    assert list(Rendition.objects.values_list("pk", "file")) == renditions
    assert sorted(path.name for path in (settings.MEDIA_ROOT / "images").iterdir()) == files


def test_images_are_served_for_a_year(client, page):
    response = client.get(cover_url(client, page))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    original = client.get(f"/media/{page.cover_image.file.name}")
    assert original.status_code == 200 and original["Cache-Control"] == "public, max-age=31536000, immutable"


def test_only_images_come_from_the_media_folder(client, page, settings):
    (settings.MEDIA_ROOT / "documents").mkdir()
    (settings.MEDIA_ROOT / "documents" / "prive.pdf").write_bytes(b"%PDF-1.4")
    for path in ("/media/documents/prive.pdf", "/media/images/../documents/prive.pdf", "/media/images/absent.jpg"):
        assert client.get(path).status_code == 404, path


def test_media_left_to_the_storage_when_it_serves_them(client, page, settings):
    url = cover_url(client, page)
    settings.SERVE_MEDIA = False
    assert client.get(url).status_code == 404


def test_images_are_one_copy_for_every_reader(client, page):
    url = cover_url(client, page)
    for headers in ({"Accept-Language": "en", "Accept-Encoding": "gzip"}, {"Cookie": "sessionid=abc"}):
        response = client.get(url, headers=headers)
        assert response.status_code == 200
        # Already compressed; a Vary on the reader's language or cookies would split every cache's copy.
        assert "Content-Encoding" not in response
        assert "Vary" not in response
        assert "Content-Language" not in response

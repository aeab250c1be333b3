"""A page's body is rendered once per content and kept across page-cache
misses: readers still see at once what an editor changes in it or in what it
shows (an image, a linked page), drafts stay in previews, private bodies are
never kept."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import PageViewRestriction

from tests.kit.factories import ImageFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.reports.factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Only the body's own cache stands between the editor and the reader.
    settings.PAGE_CACHE_ENABLED = False


def body_text(client, url):
    return soup(client.get(url)).select_one(".body").get_text(" ", strip=True)


@pytest.fixture
def index(homes):
    return report_index(homes[0])


def test_a_published_change_shows_at_once_a_draft_only_in_its_preview(client, index, superuser):
    page = report(index, title="Un rapport", body=[("paragraph", "<p>Texte publié.</p>")])
    assert "Texte publié." in body_text(client, page.url)

    page.body = [("paragraph", "<p>Texte du brouillon.</p>")]
    draft = page.save_revision()
    client.force_login(superuser)
    preview = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, draft.pk]))
    assert "Texte du brouillon." in soup(preview).select_one(".body").text
    assert not [key for key, value in cache._cache.items() if b"Texte du brouillon" in value]
    client.logout()
    assert "Texte publié." in body_text(client, page.url)

    draft.publish()
    assert "Texte du brouillon." in body_text(client, page.url)


def test_a_link_in_the_body_follows_the_linked_page(client, index):
    target = report(index, title="Rapport cité", slug="rapport-cite")
    page = report(
        index,
        title="Un rapport",
        body=[("paragraph", f'<p>Voir <a linktype="page" id="{target.pk}">ce rapport</a>.</p>')],
    )
    link = soup(client.get(page.url)).select_one(".body a")
    assert link["href"] == "/fr/rapports/rapport-cite/"

    target.slug = "rapport-cite-2025"
    target.save_revision().publish()
    link = soup(client.get(page.url)).select_one(".body a")
    assert link["href"] == "/fr/rapports/rapport-cite-2025/"


def png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 320), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_image_replaced_in_the_admin_shows_in_the_body(client, index, superuser):
    image = ImageFactory(title="Figure test", file__width=640, file__height=320)
    page = report(index, title="Un rapport", body=[("figure", {"image": image, "alt_text": "Une courbe"})])
    before = soup(client.get(page.url)).select_one(".body figure img")["src"]

    client.force_login(superuser)
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "file": SimpleUploadedFile("courbe-2026.png", png("#225588"), "image/png")},
    )
    assert response.status_code == 302
    client.logout()

    after = soup(client.get(page.url)).select_one(".body figure img")
    assert after["alt"] == "Une courbe"
    assert after["src"] != before
    assert "courbe-2026" in after["src"]


def test_a_private_body_is_rendered_for_its_readers_and_never_kept(client, index, superuser):
    page = report(index, title="Un rapport réservé", body=[("paragraph", "<p>Texte réservé.</p>")])
    make_private(page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302

    client.force_login(superuser)
    assert "Texte réservé." in body_text(client, page.url)
    assert not [key for key in cache._cache if ":body:" in key]

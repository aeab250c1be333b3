"""Deleting or unpublishing a published page takes a superuser: a reviewer
(change + publish in Wagtail includes delete) could remove a live French page
and leave its English translation without a source."""

import pytest
from wagtail.models import Page

from editorial.localize import translate
from home.models import StandardPage

from .conftest import admin_messages

pytestmark = pytest.mark.django_db

REFUSED = "seul un administrateur peut la supprimer ou la dépublier"


@pytest.fixture
def translated(french_page):
    english = translate(french_page, {"Nos engagements": "Our commitments", "nos-engagements": "our-commitments"})
    return french_page, english


def test_a_reviewer_can_neither_delete_nor_unpublish_a_live_page(client, reviewer, translated):
    french, english = translated
    client.force_login(reviewer)
    assert REFUSED in admin_messages(client.get(f"/admin/pages/{french.pk}/delete/", follow=True))
    for action in ("delete", "unpublish"):
        assert REFUSED in admin_messages(client.post(f"/admin/pages/{french.pk}/{action}/", follow=True))
    assert Page.objects.get(pk=french.pk).live and Page.objects.get(pk=english.pk).live
    editor_page = client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert 'name="action-unpublish"' not in editor_page


def test_a_translator_cannot_unpublish_the_english_page(client, translator, translated):
    _french, english = translated
    client.force_login(translator)
    assert REFUSED in admin_messages(client.post(f"/admin/pages/{english.pk}/unpublish/", follow=True))
    assert Page.objects.get(pk=english.pk).live


def test_bulk_delete_is_refused_too(client, reviewer, translated):
    french, _english = translated
    client.force_login(reviewer)
    url = f"/admin/bulk/wagtailcore/page/delete/?id={french.pk}"
    assert REFUSED in admin_messages(client.post(url, follow=True))
    assert Page.objects.filter(pk=french.pk).exists()


def test_a_reviewer_still_deletes_a_page_never_published(client, reviewer, roles):
    home_fr, _home_en = roles
    draft = StandardPage(title="Brouillon", slug="brouillon", intro="x", live=False)
    home_fr.add_child(instance=draft)
    client.force_login(reviewer)
    response = client.post(f"/admin/pages/{draft.pk}/delete/", follow=True)
    assert response.status_code == 200 and not Page.objects.filter(pk=draft.pk).exists()


def test_a_superuser_deletes_the_page_with_its_translation_and_is_told(client, admin_user, translated):
    french, english = translated
    client.force_login(admin_user)
    confirmation = client.get(f"/admin/pages/{french.pk}/delete/")
    assert "Ses traductions seront supprimées avec elle : « Our commitments »" in admin_messages(confirmation)
    client.post(f"/admin/pages/{french.pk}/delete/")
    assert not Page.objects.filter(pk__in=[french.pk, english.pk]).exists()

"""Scheduled publishing and previews, for every page type of the site (the
demo content has at least one page of each)."""

import io
from datetime import timedelta
from html import unescape
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, get_page_models

from home.models import StandardPage

from .conftest import standard_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def one_page_of_each_type():
    """{model: a French page of that type} for every concrete page model of the
    site (the test settings' fake content type, tests/fake_type, is not the demo's)."""
    pages = {}
    for model in get_page_models():
        if model is Page or model._meta.app_config.name.startswith("tests."):
            continue
        page = model.objects.filter(locale__language_code="fr").order_by("depth", "pk").first()
        assert page is not None, f"the demo content has no {model.__name__}: add one so it is tested here"
        pages[model] = page
    return pages


def run_publish_scheduled(at):
    with mock.patch("django.utils.timezone.now", return_value=at):
        call_command("publish_scheduled", stdout=io.StringIO())


def test_go_live_and_expiry_dates_work_for_every_page_type(demo):
    now = timezone.now()
    for model, page in one_page_of_each_type().items():
        page.unpublish()
        page = model.objects.get(pk=page.pk)
        page.go_live_at = now + timedelta(days=2)
        page.expire_at = now + timedelta(days=9)
        page.save_revision().publish()

        page = model.objects.get(pk=page.pk)
        assert not page.live, f"{model.__name__}: a future go-live date keeps the page unpublished"
        run_publish_scheduled(now + timedelta(days=1))
        assert not model.objects.get(pk=page.pk).live, f"{model.__name__}: not before its date"

        run_publish_scheduled(now + timedelta(days=3))
        page = model.objects.get(pk=page.pk)
        assert page.live, f"{model.__name__}: published by publish_scheduled on its go-live date"

        run_publish_scheduled(now + timedelta(days=10))
        page = model.objects.get(pk=page.pk)
        assert not page.live and page.expired, f"{model.__name__}: unpublished once expired"


def test_every_page_type_has_a_working_preview(demo, client, superuser):
    client.force_login(superuser)
    for model, page in one_page_of_each_type().items():
        revision = page.save_revision(user=superuser)
        url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
        response = client.get(url)
        assert response.status_code == 200, f"{model.__name__}: preview failed"
        assert page.title in unescape(response.content.decode()), model.__name__
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200, model.__name__


def test_preview_of_unsaved_changes_in_the_editor(client, superuser, homes):
    home_fr, _home_en = homes
    page = StandardPage(title="Page d'essai", slug="essai", intro="Avant", locale=home_fr.locale)
    home_fr.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(url, standard_page_form(page, intro="Après modification, pas encore enregistrée"))
    assert response.json() == {"is_valid": True, "is_available": True}
    response = client.get(url)
    assert response.status_code == 200
    assert "Après modification, pas encore enregistrée" in response.content.decode()
    assert StandardPage.objects.get(pk=page.pk).intro == "Avant"


def test_new_pages_default_to_the_parents_language(client, superuser, homes):
    _home_fr, home_en = homes
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_en.pk]),
        standard_page_form(StandardPage(title="Contact", slug="contact", intro="")),
    )
    assert response.status_code == 302
    assert StandardPage.objects.get(slug="contact").locale.language_code == "en"

"""The project's page queryset: `public()` reads the view restrictions from the
site-wide data (Wagtail's runs a query on every call), hides a private section
at once, and every page type and `served_pages()` use it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage
from serving import tags
from serving.pages import ServedPageQuerySet, served_pages
from serving.specific import specific_pages
from tests.kit.pages import StandardPageFactory, make_private

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_fr):
    private = StandardPageFactory(parent=home_fr, title="Réservé", slug="reserve")
    below = StandardPageFactory(parent=private, title="Dessous", slug="dessous")
    public = StandardPageFactory(parent=home_fr, title="Ouvert", slug="ouvert")
    make_private(private)
    return private, below, public


@pytest.fixture
def request_memo():
    tags.start_request()
    yield
    tags.end_request()


def test_public_hides_a_private_section_with_one_query_per_request(pages, request_memo):
    private, below, public = pages
    with CaptureQueriesContext(connection) as first:
        assert set(StandardPage.objects.live().public()) == {public}
    with CaptureQueriesContext(connection) as again:
        assert set(served_pages().live().public().type(StandardPage)) == {public.page_ptr}
        assert set(served_pages().not_public()) == {private.page_ptr, below.page_ptr}
    assert len(first) == 2  # the restrictions (site-wide data), then the pages
    assert len(again) == 2  # the pages only


def test_a_page_made_private_leaves_public_at_once(pages, request_memo):
    _private, _below, public = pages
    assert public in StandardPage.objects.live().public()
    make_private(public)
    assert public not in StandardPage.objects.live().public()


def test_every_page_type_and_its_translations_use_it(home_fr):
    assert isinstance(HomePage.objects.all(), ServedPageQuerySet)
    assert isinstance(home_fr.get_translations(inclusive=True), ServedPageQuerySet)


def test_a_type_without_joined_foreign_keys_comes_specific_in_one_query(pages, home_fr):
    _private, _below, public = pages
    with CaptureQueriesContext(connection) as queries:
        (found,) = specific_pages(home_fr.get_children().filter(slug="ouvert"), [StandardPage], for_view=True)
    assert type(found) is StandardPage and found.intro == public.intro
    assert len(queries) == 1

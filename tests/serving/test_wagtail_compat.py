"""Each private Wagtail or Django attribute serving relies on
(`serving.wagtail_compat`) still does what serving expects: a release that
renames one fails here, not silently in production."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from serving.sitewide import sites
from serving.wagtail_compat import (
    routed_parent,
    set_parent,
    set_request_route,
    set_request_site,
    share_joined_relations,
    share_site_root_paths,
)
from tests.kit.pages import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_fr):
    return StandardPageFactory(parent=home_fr, title="À propos", slug="a-propos")


def test_wagtail_reads_the_site_given_to_the_request():
    request = RequestFactory().get("/", HTTP_HOST="unknown.example")
    site = Site(hostname="given.example", pk=999)
    set_request_site(request, site)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is site
    assert len(queries) == 0


def test_wagtail_reads_the_route_given_to_the_request(page):
    request = RequestFactory().get("/fr/elsewhere/")
    route = (page, [], {})
    set_request_route(request, route)
    with CaptureQueriesContext(connection) as queries:
        assert Page.route_for_request(request, "/fr/elsewhere/") is route
    assert len(queries) == 0


def test_treebeard_reads_the_parent_given_to_a_page(page, home_fr):
    fresh = Page.objects.get(pk=page.pk)
    set_parent(fresh, home_fr)
    with CaptureQueriesContext(connection) as queries:
        assert fresh.get_parent() is home_fr
    assert len(queries) == 0
    assert routed_parent(fresh) is home_fr


def test_a_specific_page_takes_the_relations_joined_to_its_base_page(page):
    base = Page.objects.select_related("locale").get(pk=page.pk)
    specific = type(page).objects.get(pk=page.pk)
    share_joined_relations(base, specific)
    with CaptureQueriesContext(connection) as queries:
        assert specific.locale == base.locale
    assert len(queries) == 0


def test_wagtail_reads_the_site_root_paths_given_to_it(home_fr, home_en):
    cache.clear()
    wagtails = Site.get_site_root_paths()
    cache.clear()
    ours = sites().root_paths()
    assert ours == wagtails
    share_site_root_paths([])
    with CaptureQueriesContext(connection) as queries:
        assert Site.get_site_root_paths() == []
    assert len(queries) == 0

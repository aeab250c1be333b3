"""The site-wide sites answer as Wagtail would, from one read of every site."""

import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from serving.sitewide import sites

pytestmark = pytest.mark.django_db


def wagtails(hostname, port):
    try:
        return get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        return None


def test_a_host_name_finds_the_site_wagtail_finds(home_fr):
    Site.objects.create(hostname="a.example", port=80, root_page=home_fr)
    Site.objects.create(hostname="a.example", port=8080, root_page=home_fr)
    Site.objects.create(hostname="b.example", port=80, root_page=home_fr)
    for default in (True, False):
        Site.objects.filter(hostname="testserver").update(is_default_site=default)
        cache.clear()
        known = sites()
        for hostname, port in itertools.product(("testserver", "a.example", "b.example", "c.example"), (80, 8080)):
            found = known.site_for(hostname, port)
            assert (found.pk if found else None) == wagtails(hostname, port), (default, hostname, port)


def test_sites_homes_sections_settings_and_locales_cost_two_queries(homes):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        known = sites()
        site = known.site_for("testserver", 80)
        assert known.home(site, "en").locale.language_code == "en"
        assert set(known.locales) == {"fr", "en"}
        assert {page.depth for page in known.sections} <= {3}
    assert len(queries) == 2

"""Every tag the page cache purges is purged in Varnish too: one PURGE per
change with the tags in its `xkey-purge` header (deploy/varnish/default.vcl
hands them to the xkey vmod), sent when the change commits."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from navigation.models import Menu
from tests.caching.site import build, english

pytestmark = pytest.mark.django_db


class FrontEndCache(BaseHTTPRequestHandler):
    """Stands for Varnish: records the PURGE requests it gets."""

    received = []

    def do_PURGE(self):
        self.received.append(self.headers["xkey-purge"])
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FrontEndCache)
    FrontEndCache.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    yield FrontEndCache.received
    server.shutdown()
    server.server_close()


def test_publishing_purges_both_languages_in_the_front_end_cache(varnish, editor_acts, homes, site_pages, reader):
    report = site_pages["report"]
    translation = english(report)
    shown_by = {url: set(reader.get(url)["xkey"].split()) for url in ("/fr/rapports/", "/en/reports/the-report/")}
    varnish.clear()
    with editor_acts():
        report.title = "Le rapport révisé"
        report.save_revision().publish()
    purged = {tag for header in varnish for tag in header.split()}
    assert {f"page-{report.pk}", f"page-{translation.pk}", f"list-{report.get_parent().pk}", "view-sitemap"} <= purged
    # Each page read before carries a tag the purge names.
    assert all(tags & purged for tags in shown_by.values())
    assert "site" not in purged, "a publication is not a purge of everything"


def test_a_menu_change_is_one_tag_in_the_front_end_cache(varnish, editor_acts, homes, reader):
    assert "menus" in reader.get("/fr/")["xkey"].split()
    with editor_acts():
        Menu.objects.create(locale=homes[0].locale, slot=Menu.Slot.MAIN)
    assert varnish == ["menus"]


@pytest.fixture
def site_pages(home_fr):
    return build(home_fr)

"""Every URL the page cache purges is purged in Varnish too, in both
languages, through wagtail.contrib.frontend_cache's HTTP backend (PURGE
requests; deploy/varnish/default.vcl turns each into a ban of its path)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.caching.site import build, english

pytestmark = pytest.mark.django_db


class FrontEndCache(BaseHTTPRequestHandler):
    """Stands for Varnish: records the PURGE requests it gets."""

    received = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FrontEndCache)
    FrontEndCache.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield FrontEndCache.received
    server.shutdown()
    server.server_close()


def test_publishing_purges_both_languages_in_the_front_end_cache(varnish, editor_acts, homes, site_pages):
    report = site_pages["report"]
    english(report)
    varnish.clear()
    with editor_acts():
        report.title = "Le rapport révisé"
        report.save_revision().publish()
    paths = {path for _host, path in varnish}
    expected = {"/fr/rapports/le-rapport/", "/en/reports/the-report/", "/fr/rapports/", "/fr/", "/sitemap.xml"}
    assert expected <= paths
    # Wagtail names the site's host, which the VCL leaves out of its bans.
    assert {host for host, _path in varnish} == {"testserver"}


@pytest.fixture
def site_pages(home_fr):
    return build(home_fr)

"""The kit's own promises: a missing service fails CI and skips elsewhere; the
HTML helpers read what a reader reads and check the status they are told."""

import pytest
from django.http import HttpResponse

from tests.kit.html import links, soup, text_of
from tests.kit.services import pytest_runtest_setup, required


class Marked:
    """A test item carrying `markers`."""

    def __init__(self, *markers):
        self.markers = markers

    def get_closest_marker(self, name):
        return name if name in self.markers else None


def test_a_missing_service_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="needs the node"):
        required("needs the node")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="needs the node"):
        required("needs the node")


def test_the_markers_name_what_to_start(monkeypatch):
    """The suite runs here on SQLite without REDIS_URL (CI sets both)."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Redis"):
        pytest_runtest_setup(Marked("redis"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Redis"):
        pytest_runtest_setup(Marked("redis"))
    pytest_runtest_setup(Marked())


def test_html_helpers():
    page = HttpResponse(
        '<main><h1>Les  rapports</h1><a href="/fr/a/">A</a> <a href="/fr/b/">B</a><a>sans lien</a></main>'
    )
    assert text_of(page, "h1") == "Les rapports"
    assert links(page) == ["/fr/a/", "/fr/b/"]
    assert links(soup(page), "a[href$='b/']") == ["/fr/b/"]
    with pytest.raises(AssertionError):
        soup(HttpResponse(status=404))
    assert soup(HttpResponse("<p>absent</p>", status=404), status=404).p.text == "absent"
    with pytest.raises(AssertionError, match="nothing matches"):
        text_of(page, "h2")

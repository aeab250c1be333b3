"""The pattern page answers only when `PATTERN_LIBRARY` is on, and draws every
kind of card and the body blocks in both languages without the database."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from editorial.patterns import patterns

pytestmark = pytest.mark.django_db


def test_pattern_page_is_absent_unless_switched_on(client, settings):
    settings.PATTERN_LIBRARY = False
    assert client.get("/patterns/", follow=True).status_code == 404


def test_pattern_page_needs_no_database(settings, django_assert_num_queries):
    settings.PATTERN_LIBRARY = True
    # The view and its templates; the middleware in front of every view may query.
    with django_assert_num_queries(0):
        assert patterns(RequestFactory().get("/patterns/")).status_code == 200


def test_pattern_page_draws_the_components_in_both_languages(client, settings):
    settings.PATTERN_LIBRARY = True
    response = client.get("/patterns/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    french, english = soup.select("section[lang=fr]"), soup.select("section[lang=en]")
    assert len(french) == len(english) == 1
    for section in (french[0], english[0]):
        modifiers = {cls for card in section.select("li.card") for cls in card["class"]}
        assert {
            "report-card",
            "event-card",
            "event-card--over",
            "article-card",
            "initiative-card",
            "person-card",
        } <= modifiers
        assert section.select_one(".date-block") and section.select_one(".badge--cancelled")
        assert (
            section.select_one(".callout") and section.select_one(".key-figures") and section.select_one("blockquote")
        )
    assert "Rapport" in french[0].text and "Report" in english[0].text
    assert english[0].select_one("h2").text == "Cards · English"

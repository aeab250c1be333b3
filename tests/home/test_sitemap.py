import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from editorial.localize import translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_public_pages_of_both_languages_only(client, homes):
    home_fr, _ = homes
    about = StandardPageFactory(parent=home_fr, title="À propos", slug="a-propos")
    translate(about, {"À propos": "About", "a-propos": "about"})
    draft = StandardPageFactory(parent=home_fr, title="Brouillon", slug="brouillon", live=False)
    private = StandardPageFactory(parent=home_fr, title="Interne", slug="interne")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft_translation = StandardPageFactory(parent=home_fr, title="Équipe", slug="equipe")
    translate(draft_translation, {"Équipe": "Team", "equipe": "team"}, publish=False)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    locs = {
        loc.text for loc in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    expected = {f"http://testserver{url}" for url in ("/fr/", "/en/", "/fr/a-propos/", "/en/about/", "/fr/equipe/")}
    assert expected <= locs, expected - locs
    assert draft.slug not in body
    assert "/interne/" not in body
    assert "/en/team/" not in body

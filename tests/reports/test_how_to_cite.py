"""How to cite a report: three bibliography styles in the reader's language, Scholar's tags."""

import pytest

from editorial.localize import translate
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup

from .factories import report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(homes):
    topic = TopicFactory(name="Éducation")
    people = [PersonFactory(name="Jean-François Lucas"), PersonFactory(name="Hind Ed-dbali")]
    french = report(
        report_index(homes[0]),
        "Déployer une littératie en IA",
        topics=[topic],
        authors=people,
        slug="litteratie",
        doi="10.1234/abcd",
    )
    translate(topic, {})
    for person in people:
        translate(person, {})
    translate(french.get_parent(), {"Rapports": "Reports", "rapports": "reports"})
    english = translate(french, {"Déployer une littératie en IA": "Building AI literacy"})
    return french, english


def styles(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response.content)
    return html, {dd["data-style"]: dd.text for dd in html.select(".report__styles dd")}


def test_three_styles_from_one_record_in_each_language(client, pages):
    french, english = pages
    _html, cited = styles(client, french)
    assert cited["apa"] == (
        "Lucas, J.-F., & Ed-dbali, H. (2025). Déployer une littératie en IA [Rapport]. "
        "Institut du numérique responsable. https://doi.org/10.1234/abcd"
    )
    assert cited["chicago"].startswith("Lucas, J.-F., et H. Ed-dbali. 2025. Déployer une littératie en IA.")
    assert cited["iso-690"].startswith("LUCAS, Jean-François et ED-DBALI, Hind, 2025. Déployer une littératie en IA")
    _html, cited = styles(client, english)
    assert cited["apa"].startswith("Lucas, J.-F., & Ed-dbali, H. (2025). Building AI literacy [Report].")
    assert "https://doi.org/10.1234/abcd" in cited["apa"]
    assert cited["chicago"].startswith("Lucas, J.-F., and H. Ed-dbali. 2025.")
    assert cited["iso-690"].startswith("LUCAS, Jean-François and ED-DBALI, Hind, 2025.")


def test_scholar_tags_are_complete(client, pages):
    _french, english = pages
    html, _cited = styles(client, english)
    tags = {}
    for meta in html.select('meta[name^="citation_"]'):
        tags.setdefault(meta["name"], []).append(meta["content"])
    assert tags["citation_title"] == ["Building AI literacy"]
    assert tags["citation_author"] == ["Jean-François Lucas", "Hind Ed-dbali"]
    assert tags["citation_doi"] == ["10.1234/abcd"]
    assert tags["citation_language"] == ["en"]
    assert tags["citation_publisher"] == tags["citation_technical_report_institution"]
    assert tags["citation_abstract_html_url"] == ["http://testserver/en/reports/litteratie/"]
    assert tags["citation_keywords"]

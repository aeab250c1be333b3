"""The DataCite record editors hand to their registration agency, for a report with a DOI."""

import xml.etree.ElementTree as ET

import pytest

from tests.kit.factories import PersonFactory
from tests.kit.html import soup

from .factories import report, report_index

pytestmark = pytest.mark.django_db

NS = {"d": "http://datacite.org/schema/kernel-4"}


def test_a_report_with_a_doi_offers_its_datacite_record(client, homes):
    authors = [PersonFactory(name="Jeanne de Martin"), PersonFactory(name="Paul Durand")]
    page = report(report_index(homes[0]), "Littératie & IA", authors=authors, doi="10.1234/abcd", isbn="978-2-1234")
    link = soup(client.get(page.url).content).select_one('a[href$="/citer/datacite/"]')
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "{http://datacite.org/schema/kernel-4}resource"
    assert root.find("d:identifier", NS).text == "10.1234/abcd"
    assert [c.find("d:familyName", NS).text for c in root.findall("d:creators/d:creator", NS)] == [
        "de Martin",
        "Durand",
    ]
    assert root.find("d:titles/d:title", NS).text == "Littératie & IA"
    assert root.find("d:publicationYear", NS).text == "2025"
    assert root.find("d:resourceType", NS).get("resourceTypeGeneral") == "Report"
    assert root.find("d:dates/d:date", NS).text == "2025-10-23"
    assert root.find("d:language", NS).text == "fr"
    assert root.find("d:relatedIdentifiers/d:relatedIdentifier", NS).text == "978-2-1234"


def test_without_a_doi_there_is_no_record(client, homes):
    page = report(report_index(homes[0]), "Sans DOI")
    assert not soup(client.get(page.url).content).select('a[href*="datacite"]')
    assert client.get(f"{page.url}citer/datacite/").status_code == 404

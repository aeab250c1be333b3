"""Recommendations in the admin: audiences as checkboxes, and numbered segments for translators."""

import json

import pytest

from editorial.localize import translate
from tests.kit.html import soup

from .factories import recommendations_block, report, report_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(homes):
    index = report_index(homes[0])
    french = report(
        index,
        "Rapport numéroté",
        body=[recommendations_block(1), ("paragraph", "<p>Entre deux.</p>"), recommendations_block(2, start=2)],
    )
    translate(index, {"Rapports": "Reports", "rapports": "reports"})
    return french, translate(french, {})


def field_block(packed, name):
    """The packed definition of the field block `name` in a stream's telepath definition."""
    if isinstance(packed, dict):
        if packed.get("_type") == "wagtail.blocks.FieldBlock" and packed["_args"][0] == name:
            return packed
        children = packed.values()
    elif isinstance(packed, list):
        children = packed
    else:
        return None
    return next((found for child in children if (found := field_block(child, name))), None)


def test_audiences_are_checkboxes(client, superuser, pages):
    client.force_login(superuser)
    french, _english = pages
    parsed = soup(client.get(f"/admin/pages/{french.pk}/edit/").content)
    packed = parsed.select_one("#body[data-w-block-data-value]")["data-w-block-data-value"]
    assert "cochez-en une ou plusieurs" in packed
    definition = json.loads(packed)
    audiences = field_block(definition, "audiences")
    widget = soup(audiences["_args"][1]["_args"][0])
    assert [box["value"] for box in widget.select("input[type=checkbox]")] == [
        "government",
        "schools",
        "local_authorities",
        "companies",
        "civil_society",
    ]


def test_translation_segments_are_labelled_by_recommendation_number(client, superuser, pages):
    client.force_login(superuser)
    _french, english = pages
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    props = json.loads(soup(response.content).find(attrs={"data-props": True})["data-props"])
    labels = [
        segment["location"]["subField"]
        for segment in props["segments"]
        if ".recommendations." in segment["contentPath"] and segment["contentPath"].endswith((".title", ".body"))
    ]
    # Numbered across the report's two recommendation blocks, as readers see them.
    assert labels == [f"Recommandation {number} — {part}" for number in (1, 2, 3) for part in ("titre", "texte")]

"""The search synonyms: the editors manage them, and only those who may see the menu item."""

import json

import pytest
from django.urls import reverse

from search.models import Synonym
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


def menu_labels(response):
    """Every label of the admin sidebar (its menu is drawn from this JSON)."""
    props = soup(response.content).select_one("#wagtail-sidebar-props")
    return json.dumps(json.loads(props.get_text()), ensure_ascii=False)


def test_editors_see_and_manage_synonyms(client, editor):
    client.force_login(editor)
    assert "Synonymes de recherche" in menu_labels(client.get("/admin/"))
    response = client.post(reverse("wagtailsnippets_search_synonym:add"), {"terms": "IA, intelligence artificielle"})
    assert response.status_code == 302
    assert Synonym.objects.get().terms == "IA, intelligence artificielle"


def test_others_do_not_see_the_synonyms_menu_item(client, registrations_manager, translator):
    for user in (registrations_manager, translator):
        client.force_login(user)
        assert "Synonymes de recherche" not in menu_labels(client.get("/admin/"))

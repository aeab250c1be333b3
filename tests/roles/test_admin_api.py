"""A translation's synchronised link to a French page shows that page's title
in the translator's editor: the admin's page API answers the translator for
that one page, without opening the French tree in the explorer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_translator_reads_the_french_page_a_synchronised_link_shows(client, translator, french_page):
    client.force_login(translator)
    response = client.get(reverse("wagtailadmin_api:pages:detail", args=[french_page.pk]))
    assert response.status_code == 200
    assert response.json()["title"] == "Nos engagements"


def test_the_explorer_does_not_list_the_french_tree_to_a_translator(client, translator, french_page):
    client.force_login(translator)
    response = client.get(
        reverse("wagtailadmin_api:pages:listing"), {"child_of": french_page.get_parent().pk, "for_explorer": 1}
    )
    assert french_page.pk not in [item["id"] for item in response.json().get("items", [])]


def test_a_reader_without_admin_access_reads_no_page_through_the_admin_api(client, french_page, django_user_model):
    reader = django_user_model.objects.create_user("lectrice", "lectrice@example.org", "motdepasse-solide-42")
    client.force_login(reader)
    response = client.get(reverse("wagtailadmin_api:pages:detail", args=[french_page.pk]))
    assert response.status_code in (302, 403)

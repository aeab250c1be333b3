"""Settings → Institut in the admin, for each role, on the project's database
(PostgreSQL with server-side parameter binding: its DISTINCT ... ORDER BY was a 500)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupSitePermission, Site

from navigation.models import InstituteSettings
from roles.setup import REVIEWERS
from tests.kit.html import soup

from .conftest import admin_messages

pytestmark = pytest.mark.django_db

URL = "/admin/settings/navigation/institutesettings/"


@pytest.mark.parametrize("role", ["editor", "reviewer", "translator", "registrations_manager"])
def test_staff_without_the_permission_are_told_they_are_not_allowed(client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "vous n'avez pas les autorisations pour accéder à cette zone" in admin_messages(response)


def test_a_group_given_the_site_edits_the_institute(client, reviewer):
    site = Site.objects.get()
    GroupSitePermission.objects.create(
        group=Group.objects.get(name=REVIEWERS),
        site=site,
        permission=Permission.objects.get(codename="change_institutesettings"),
    )
    client.force_login(reviewer)
    response = client.get(URL, follow=True)
    assert response.redirect_chain[-1][0] == f"{URL}{site.pk}/"
    form = soup(response.content).select_one("form[method=post]")
    assert form.select_one("input[name=name]")["value"] == "Institut du numérique responsable"


def test_a_superuser_edits_the_institute(client, admin_user, homes):
    client.force_login(admin_user)
    site = Site.objects.get()
    response = client.get(URL, follow=True)
    assert response.redirect_chain[-1][0] == f"{URL}{site.pk}/"
    data = {"name": "Institut renommé", "english_name": "Renamed Institute", "address": "", "email": ""}
    data["social_links-count"] = "0"
    response = client.post(f"{URL}{site.pk}/", data, follow=True)
    assert response.status_code == 200
    assert InstituteSettings.for_site(site).name == "Institut renommé"

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from events.models import Registration

from .factories import event_index, event_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_fr):
    return event_page(event_index(home_fr), "Atelier", registration_mode="form")


@pytest.fixture
def registrations(event):
    for name, email in [
        ('=HYPERLINK("http://evil")', "a@example.org"),
        ("+33 1 23", "b@example.org"),
        ("Ada", "c@example.org"),
    ]:
        Registration.objects.create(
            event=event,
            event_key=event.translation_key,
            name=name,
            email=email,
            organisation="@org",
            consent=True,
            language="fr",
        )


def staff(django_user_model, *codenames):
    user = django_user_model.objects.create_user(username="staff", password="pw", is_staff=False)
    group = Group.objects.create(name="Équipe")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def index_url():
    return reverse("registrations:index")


def test_staff_without_permission_cannot_read_registrations(client, django_user_model, registrations):
    client.force_login(staff(django_user_model))
    for url in (index_url(), f"{index_url()}?export=csv"):
        refused = client.get(url)
        assert refused.status_code == 302 and "Content-Disposition" not in refused
    assert "Inscriptions" not in client.get(reverse("wagtailadmin_home")).text


def test_view_permission_lists_registrations_without_export(client, django_user_model, registrations):
    client.force_login(staff(django_user_model, "view_registration"))
    response = client.get(index_url())
    assert response.status_code == 200
    assert "c@example.org" in response.text and "Atelier" in response.text
    assert "export=csv" not in response.text
    for export in ("csv", "xlsx"):
        # Wagtail turns a refusal into a redirect to the dashboard with a message.
        refused = client.get(f"{index_url()}?export={export}")
        assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
        assert "Content-Disposition" not in refused


def test_export_permission_downloads_csv_with_formulas_neutralised(client, django_user_model, registrations):
    client.force_login(staff(django_user_model, "view_registration", "export_registration"))
    assert "export=csv" in client.get(index_url()).text
    response = client.get(index_url() + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="inscriptions.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    names = sorted(row["Nom"] for row in rows)
    assert names == ["'+33 1 23", '\'=HYPERLINK("http://evil")', "Ada"]
    assert {row["Organisation"] for row in rows} == {"'@org"}
    assert {row["Événement"] for row in rows} == {"Atelier"}


def test_nobody_adds_registrations_in_the_admin(admin_client, registrations):
    response = admin_client.get(index_url())
    assert response.status_code == 200
    assert reverse("registrations:add") not in response.text
    assert admin_client.get(reverse("registrations:add")).status_code == 302


def test_editors_can_open_the_event_forms(admin_client, event):
    from events.blocks import session_data
    from tests.kit.factories import PersonFactory

    event.programme = [session_data("panel", "Table ronde", "10:00:00", "11:00:00", moderators=[PersonFactory()])]
    event.save_revision().publish()
    add = admin_client.get(reverse("wagtailadmin_pages:add", args=("events", "eventpage", event.get_parent().pk)))
    assert add.status_code == 200 and "Programme" in add.text and "Inscription" in add.text
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
    assert edit.status_code == 200 and "Table ronde" in edit.text

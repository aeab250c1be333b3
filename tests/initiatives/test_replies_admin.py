"""Staff reading replies to initiatives in the admin's Forms section, and their retention."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupPagePermission

from initiatives.models import InitiativeIndexPage
from tests.initiatives.factories import initiative
from tests.kit.html import soup
from tests.news.factories import add_child

from .test_replies import FORM_DATA

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def page(home_fr):
    return initiative(add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives")))


@pytest.fixture
def replied(client, page):
    assert client.post(page.url, FORM_DATA).status_code == 302
    return page


def sidebar(client):
    """The admin menu, which the dashboard hands to its sidebar as JSON."""
    return soup(client.get("/admin/")).select_one("#wagtail-sidebar-props").string


def staff(django_user_model, client_class, *permissions, pages=()):
    user = django_user_model.objects.create_user(username="staff", password="pw")
    group = Group.objects.create(name="Équipe")
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=name.split(".")[0], codename=name.split(".")[1])
            for name in permissions
        )
    )
    for page in pages:
        GroupPagePermission.objects.create(group=group, page=page, permission_type="change")
    user.groups.add(group)
    client = client_class()
    client.force_login(user)
    return client


def assert_lists_and_exports(client, page):
    listing = client.get(f"/admin/forms/submissions/{page.pk}/")
    assert listing.status_code == 200
    rows = [[cell.get_text(strip=True) for cell in row.select("td")] for row in soup(listing).select("tbody tr")]
    assert len(rows) == 1 and {"Alex Dupont", "alex@example.org", "Métropole de Lyon", "True", "fr"} <= set(rows[0])
    headings = [cell.get_text(strip=True) for cell in soup(listing).select("thead th")]
    assert {"Nom et prénom", "Collectivité ou structure", "Consentement", "Langue"} <= set(headings)

    export = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    header, row = b"".join(export.streaming_content).decode().splitlines()
    assert "Nom et prénom" in header and "Collectivité ou structure" in header
    assert "Alex Dupont" in row and "Métropole de Lyon" in row


def test_superuser_finds_replies_in_the_forms_section(admin_client, replied):
    forms_index = soup(admin_client.get("/admin/forms/"))
    assert [
        link.get_text(strip=True) for link in forms_index.select(f'a[href="/admin/forms/submissions/{replied.pk}/"]')
    ]
    assert_lists_and_exports(admin_client, replied)


def test_reply_permission_alone_reads_and_exports(django_user_model, client, replied):
    reader = staff(django_user_model, client.__class__, "wagtailadmin.access_admin", "initiatives.view_replies")
    assert "/admin/initiative-replies/" in sidebar(reader)
    index = reader.get("/admin/initiative-replies/")
    assert index.status_code == 200
    assert soup(index).select_one(f'a[href="/admin/forms/submissions/{replied.pk}/"]')
    assert_lists_and_exports(reader, replied)


def test_editing_the_page_does_not_open_its_replies(django_user_model, client, replied):
    editor = staff(django_user_model, client.__class__, "wagtailadmin.access_admin", pages=[replied])
    assert editor.get(f"/admin/pages/{replied.pk}/edit/").status_code == 200
    assert editor.get(f"/admin/forms/submissions/{replied.pk}/").status_code in (302, 403)
    assert editor.get(f"/admin/forms/submissions/{replied.pk}/?export=csv").status_code in (302, 403)
    assert editor.get("/admin/initiative-replies/").status_code in (302, 403)
    assert "/admin/initiative-replies/" not in sidebar(editor)


def test_editors_change_the_form_fields(admin_client, page):
    edit = soup(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    labels = [field["value"] for field in edit.select('input[name^="form_fields-"][name$="-label"]')]
    assert labels == ["Nom et prénom", "Adresse e-mail", "Collectivité ou structure", "Message"]


def test_purge_deletes_replies_after_the_retention_period(replied, client, settings):
    settings.INITIATIVES_REPLY_RETENTION_DAYS = 30
    assert client.post(replied.url, {**FORM_DATA, "name": "Récent"}).status_code == 302
    old = FormSubmission.objects.get(form_data__name="Alex Dupont")
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=31))

    out = io.StringIO()
    call_command("purge_initiative_replies", "--dry-run", stdout=out)
    assert "1 reply(ies) would be deleted." in out.getvalue()
    assert FormSubmission.objects.count() == 2

    call_command("purge_initiative_replies", stdout=out)
    assert "1 reply(ies) deleted." in out.getvalue()
    assert [s.form_data["name"] for s in FormSubmission.objects.all()] == ["Récent"]

    call_command("purge_initiative_replies", "--days", "0", stdout=out)
    assert not FormSubmission.objects.exists()


def test_exported_replies_are_never_formulas(admin_client, client, page):
    hostile = {**FORM_DATA, "name": '=HYPERLINK("http://evil.example","x")', "organisation": "+33 1 23"}
    hostile["message"] = "@SUM(A1)"
    assert client.post(page.url, hostile).status_code == 302
    export = admin_client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    _header, row = b"".join(export.streaming_content).decode().splitlines()
    assert "'=HYPERLINK" in row and "'+33 1 23" in row and "'@SUM(A1)" in row
    assert ",=" not in row and ",+" not in row and ",@" not in row


def test_names_stored_with_a_bidi_override_are_exported_without_it(admin_client, replied):
    reply = FormSubmission.objects.get()
    reply.form_data = {**reply.form_data, "name": "Alex \u202enopuD"}
    reply.save()
    export = admin_client.get(f"/admin/forms/submissions/{replied.pk}/?export=csv")
    _header, row = b"".join(export.streaming_content).decode().splitlines()
    assert "Alex nopuD" in row and "\u202e" not in row

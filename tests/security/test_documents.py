"""Documents of private pages are served only to those who may see the page."""

import pytest
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.reports.factories import document

pytestmark = pytest.mark.django_db


def page_linking(parent, slug, doc, restriction=None, publish=True, **restriction_fields):
    page = StandardPage(
        title=slug,
        slug=slug,
        locale=parent.locale,
        live=publish,
        body=[("paragraph", f'<p><a linktype="document" id="{doc.pk}">Le rapport</a></p>')],
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    if restriction:
        PageViewRestriction.objects.create(page=page, restriction_type=restriction, **restriction_fields)
    return page


@pytest.fixture
def private_doc(home_fr, django_capture_on_commit_callbacks):
    doc = document(title="Note interne", filename="note.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        page_linking(home_fr, "interne", doc, PageViewRestriction.LOGIN)
    return doc


def test_document_of_a_login_only_page_sends_anonymous_readers_to_login(client, private_doc):
    response = client.get(private_doc.url)
    assert response.status_code == 302
    assert "/login/" in response.url and "next=" in response.url


def test_document_of_a_login_only_page_is_served_to_a_logged_in_reader(client, private_doc):
    client.force_login(User.objects.create_user("lecteur", "l@example.org", "x"))
    response = client.get(private_doc.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_document_of_a_password_page_is_refused_until_the_password_is_given(
    client, home_fr, django_capture_on_commit_callbacks
):
    doc = document(title="Compte rendu", filename="cr.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        page = page_linking(home_fr, "membres", doc, PageViewRestriction.PASSWORD, password="sesame")
    response = client.get(doc.url)
    assert response.status_code == 403
    assert "Document réservé" in response.text
    restriction = PageViewRestriction.objects.get(page=page)
    client.post(
        f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "sesame", "return_url": page.url},
    )
    assert client.get(doc.url).status_code == 200


def test_document_of_a_group_page_is_refused_to_a_logged_in_outsider(
    client, home_fr, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    doc = document(title="Budget", filename="budget.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        page = page_linking(home_fr, "bureau", doc, PageViewRestriction.GROUPS)
    board = Group.objects.create(name="Bureau")
    PageViewRestriction.objects.get(page=page).groups.add(board)
    reader = User.objects.create_user("lecteur", "l@example.org", "x")
    client.force_login(reader)
    assert client.get(doc.url).status_code == 403
    reader.groups.add(board)
    assert client.get(doc.url).status_code == 200


def test_document_also_used_by_a_public_page_is_served(client, home_fr, django_capture_on_commit_callbacks):
    doc = document(title="Rapport public", filename="public.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        page_linking(home_fr, "interne", doc, PageViewRestriction.LOGIN)
        page_linking(home_fr, "publique", doc)
    assert client.get(doc.url).status_code == 200


def test_document_of_a_draft_page_only_is_not_served_to_anonymous_readers(
    client, home_fr, django_capture_on_commit_callbacks
):
    doc = document(title="Brouillon", filename="brouillon.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        page_linking(home_fr, "brouillon", doc, publish=False)
    assert client.get(doc.url).status_code == 403


def test_unused_document_is_served(client, home_fr):
    assert client.get(document(title="Seul", filename="seul.pdf").url).status_code == 200


def test_editors_get_private_documents_from_the_admin(client, editor, private_doc):
    client.force_login(editor)
    assert client.get(private_doc.url).status_code == 200

"""View restrictions of English pages follow their French source, and a
translator cannot remove them; the page chooser shows the registrations group
no page at all."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from editorial.localize import translate
from home.models import StandardPage
from roles.setup import REGISTRATIONS, TRANSLATORS, apply_roles
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory, make_private
from tests.kit.roles import member_of

pytestmark = pytest.mark.django_db

SECRET = "Texte réservé aux membres"


@pytest.fixture
def french(homes):
    apply_roles()
    home_fr, _home_en = homes
    page = StandardPageFactory(parent=home_fr, title="Espace membres", slug="espace-membres", intro=SECRET)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def set_privacy(client, page, restriction_type, **fields):
    data = {"restriction_type": restriction_type, "password": "", **fields}
    return client.post(reverse("wagtailadmin_pages:set_privacy", args=(page.pk,)), data)


def restrictions(page):
    return [
        (r.restriction_type, r.password, sorted(g.name for g in r.groups.all()))
        for r in PageViewRestriction.objects.filter(page=page)
    ]


def shows_content(client, page):
    response = client.get(page.url)
    return response.status_code == 200 and SECRET in response.text


def test_english_restrictions_follow_the_french_page(admin_client, client, french):
    english = translate(french, {"Espace membres": "Members", "espace-membres": "members"})
    assert shows_content(client, english)

    set_privacy(admin_client, french, "password", password="mot-de-passe-2030")
    assert restrictions(english) == [("password", "mot-de-passe-2030", [])]
    assert not shows_content(client, english) and not shows_content(client, french)

    set_privacy(admin_client, french, "groups", groups=[Group.objects.get(name=TRANSLATORS).pk])
    assert restrictions(english) == restrictions(french) == [("groups", "", [TRANSLATORS])]
    assert client.get(english.url).status_code == 302  # to the login page

    set_privacy(admin_client, french, "none")
    assert restrictions(english) == [] and shows_content(client, english)


def test_a_translation_made_after_the_restriction_is_private_from_the_start(admin_client, client, french):
    set_privacy(admin_client, french, "login")
    english = translate(french, {"Espace membres": "Members", "espace-membres": "members"})
    assert restrictions(english) == [("login", "", [])]
    assert client.get(english.url).status_code == 302


def test_a_translator_cannot_remove_or_change_the_restriction_of_an_english_page(client, french):
    english = translate(french, {"Espace membres": "Members", "espace-membres": "members"})
    make_private(french, password="mot-de-passe-2030")
    translator = member_of(TRANSLATORS, "traductrice")
    client.force_login(translator)
    # The privacy dialog of an English page says where its privacy is set, and
    # what is sent there changes nothing (and does not claim it did).
    dialog = client.get(reverse("wagtailadmin_pages:set_privacy", args=(english.pk,))).json()
    assert "suit celle de sa page source" in soup(dialog["html"]).get_text(" ")
    assert "restriction_type" not in dialog["html"]
    for restriction_type, fields in (("none", {}), ("password", {"password": "autre-mot-de-passe"})):
        answer = set_privacy(client, english, restriction_type, **fields).json()
        assert answer["step"] == "privacy_follows_source"
        assert restrictions(english) == [("password", "mot-de-passe-2030", [])]
    client.logout()
    assert not shows_content(client, english)
    # And no route changes the French page's restriction for them.
    assert set_privacy(client.__class__(), french, "none").status_code == 302
    client.force_login(translator)
    assert set_privacy(client, french, "none").status_code in (302, 403)
    assert restrictions(french) == [("password", "mot-de-passe-2030", [])]


def chooser_text(response):
    """What the chooser shows: a modal (JSON) or, for the search results, an HTML fragment."""
    assert response.status_code == 200
    html = response.json()["html"] if response["Content-Type"] == "application/json" else response.text
    return soup(html).get_text(" ")


def test_the_registrations_group_chooses_no_page(client, french):
    draft = StandardPageFactory(parent=french.get_parent(), title="Brouillon confidentiel", slug="brouillon")
    draft.unpublish()
    client.force_login(member_of(REGISTRATIONS, "inscriptions"))
    for url in (
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=(french.get_parent().pk,)),
        reverse("wagtailadmin_choose_page_search") + "?q=confidentiel",
        # Opened on a private page or a draft, the chooser would name it as the parent.
        reverse("wagtailadmin_choose_page_child", args=(french.pk,)),
        reverse("wagtailadmin_choose_page_child", args=(draft.pk,)),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "Brouillon confidentiel" not in response.text and "Espace membres" not in response.text


def test_editors_still_choose_pages(admin_client, french):
    response = admin_client.get(reverse("wagtailadmin_choose_page_child", args=(french.get_parent().pk,)))
    assert "Espace membres" in chooser_text(response)

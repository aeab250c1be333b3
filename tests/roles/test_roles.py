"""Each role's boundaries, tried through the admin as its members would."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, TaskState, Workflow, WorkflowState

from roles.setup import EDITORS, REGISTRATIONS, REVIEWERS, TRANSLATORS, WORKFLOW_NAME
from tests.kit.factories import TopicFactory

from .conftest import admin_messages, standard_page_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_migration_creates_the_four_groups_and_retires_wagtails_moderators(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, REVIEWERS, TRANSLATORS, REGISTRATIONS} <= names
    assert "Moderators" not in names
    assert Workflow.objects.get(name=WORKFLOW_NAME).active
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_page_permissions_follow_the_language_trees(roles):
    home_fr, home_en = roles

    def pages_of(group):
        return set(GroupPagePermission.objects.filter(group__name=group).values_list("page_id", "permission__codename"))

    assert pages_of(EDITORS) == {(home_fr.pk, "add_page"), (home_fr.pk, "change_page")}
    assert (home_fr.pk, "publish_page") in pages_of(REVIEWERS)
    assert {page_id for page_id, _codename in pages_of(REVIEWERS)} == {home_fr.pk}
    assert pages_of(TRANSLATORS) == {
        (home_en.pk, "add_page"),
        (home_en.pk, "change_page"),
        (home_en.pk, "publish_page"),
    }
    assert pages_of(REGISTRATIONS) == set()
    # Wagtail's default root permissions are gone: nobody edits every language.
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()


def test_roles_are_reset_by_setup_roles(roles):
    import io

    from django.core.management import call_command

    home_fr, _home_en = roles
    editors = Group.objects.get(name=EDITORS)
    GroupPagePermission.objects.create(
        group=editors, page=Page.get_first_root_node(), permission=GroupPagePermission.objects.first().permission
    )
    call_command("setup_roles", stdout=io.StringIO())
    assert not GroupPagePermission.objects.filter(group=editors, page__depth=1).exists()
    assert GroupPagePermission.objects.filter(group=editors, page=home_fr).count() == 2


def test_translator_cannot_edit_or_publish_a_french_page(client, translator, french_page):
    client.force_login(translator)
    response = client.get(edit_url(french_page), follow=True)
    assert response.redirect_chain, "the French page's editor must not open for a translator"
    assert "vous n'avez pas les autorisations" in admin_messages(response)

    response = client.post(
        edit_url(french_page), standard_page_form(french_page, title="Piraté", **{"action-publish": "1"})
    )
    assert response.status_code in (302, 403)
    french_page.refresh_from_db()
    assert french_page.title == "Nos engagements"
    assert not french_page.has_unpublished_changes


def test_translator_edits_and_publishes_english_pages(client, translator, roles):
    _home_fr, home_en = roles
    client.force_login(translator)
    response = client.get(edit_url(home_en))
    assert response.status_code == 200
    assert home_en.permissions_for_user(translator).can_publish()


def test_editor_cannot_touch_english_pages(client, editor, roles):
    _home_fr, home_en = roles
    client.force_login(editor)
    response = client.get(edit_url(home_en), follow=True)
    assert response.redirect_chain
    assert not home_en.permissions_for_user(editor).can_edit()


def test_editor_submits_for_review_and_cannot_publish(client, editor, french_page):
    client.force_login(editor)
    response = client.get(edit_url(french_page))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    # Trying to publish anyway only saves a draft.
    client.post(edit_url(french_page), standard_page_form(french_page, title="Brouillon", **{"action-publish": "1"}))
    french_page.refresh_from_db()
    assert french_page.title == "Nos engagements"

    response = client.post(
        edit_url(french_page), standard_page_form(french_page, title="Relu ?", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(french_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    french_page.refresh_from_db()
    assert french_page.title == "Nos engagements", "submitted content is not live before review"


def submit(client, editor, page, title):
    client.force_login(editor)
    client.post(edit_url(page), standard_page_form(page, title=title, **{"action-submit": "1"}))
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)


def test_reviewer_approves_and_the_page_goes_live(client, editor, reviewer, french_page):
    task_state = submit(client, editor, french_page, "Nos engagements révisés")
    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nos engagements révisés" in dashboard, "the reviewer sees what awaits review"
    url = reverse("wagtailadmin_pages:workflow_action", args=[french_page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Parfait."})
    assert response.status_code in (200, 302)
    french_page.refresh_from_db()
    assert french_page.title == "Nos engagements révisés"
    assert french_page.live
    assert client.get("/fr/nos-engagements/").status_code == 200


def test_reviewer_requests_changes_with_a_comment(client, editor, reviewer, french_page):
    task_state = submit(client, editor, french_page, "Titre à revoir")
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[french_page.pk, "reject", task_state.pk])
    client.post(url, {"comment": "Précisez la recommandation n° 2, s'il vous plaît."})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.get_comment() == "Précisez la recommandation n° 2, s'il vous plaît."
    french_page.refresh_from_db()
    assert french_page.title == "Nos engagements"
    # The editor sees the request on the page's editor.
    client.force_login(editor)
    assert "Modifications demandées par relecteur : « Précisez la recommandation n° 2" in admin_messages(
        client.get(edit_url(french_page))
    )


def test_editor_cannot_approve(client, editor, french_page):
    task_state = submit(client, editor, french_page, "Auto-validé ?")
    url = reverse("wagtailadmin_pages:workflow_action", args=[french_page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    french_page.refresh_from_db()
    assert french_page.title == "Nos engagements"


def topic_edit_url(topic):
    return reverse("wagtailsnippets_topics_topic:edit", args=[topic.pk])


def test_translator_cannot_edit_french_snippets_but_edits_english_ones(client, translator):
    from editorial.localize import translate

    topic = TopicFactory(name="Sobriété numérique", slug="sobriete-numerique")
    english = translate(
        topic, {"Sobriété numérique": "Digital sufficiency", "sobriete-numerique": "digital-sufficiency"}
    )
    client.force_login(translator)

    response = client.get(topic_edit_url(topic), follow=True)
    assert response.redirect_chain
    assert "Votre rôle ne vous permet pas de modifier les contenus dans cette langue : Français." in admin_messages(
        response
    )
    response = client.post(topic_edit_url(topic), {"name": "Piraté", "slug": "pirate"})
    topic.refresh_from_db()
    assert topic.name == "Sobriété numérique"

    create = reverse("wagtailsnippets_topics_topic:add")
    assert client.get(create, follow=True).redirect_chain, "creating a French topic is refused too"

    assert client.get(topic_edit_url(english)).status_code == 200


def test_editor_cannot_edit_english_snippets(client, editor):
    from editorial.localize import translate

    topic = TopicFactory(name="Données", slug="donnees")
    english = translate(topic, {"Données": "Data", "donnees": "data"})
    client.force_login(editor)
    assert client.get(topic_edit_url(topic)).status_code == 200
    assert client.get(topic_edit_url(english), follow=True).redirect_chain


def test_registrations_group_reads_and_exports_registrations_only(client, registrations_manager, french_page):
    from events.models import Registration
    from tests.events.factories import event_index, event_page

    event = event_page(event_index(french_page.get_parent().specific), title="Atelier", registration_mode="form")
    registration = Registration.objects.create(
        event=event,
        event_key=event.translation_key,
        name="Zoé Lefèvre",
        email="zoe@example.org",
        consent=True,
        language="fr",
    )
    client.force_login(registrations_manager)
    index = client.get(reverse("registrations:index"))
    assert index.status_code == 200
    assert "Zoé Lefèvre" in index.content.decode()
    export = client.get(reverse("registrations:index") + "?export=csv")
    assert export.status_code == 200
    assert "zoe@example.org" in b"".join(export.streaming_content).decode()
    edit = client.get(reverse("registrations:edit", args=[registration.pk]), follow=True)
    assert edit.redirect_chain, "reading is not editing"
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk]), follow=True).redirect_chain

    user = registrations_manager
    assert user.has_perm("events.view_registration")
    assert user.has_perm("events.export_registration")
    assert not user.has_perm("events.change_registration")
    assert not user.has_perm("events.delete_registration")
    assert not french_page.permissions_for_user(user).can_edit()


def test_translator_sees_the_to_translate_panel_editor_does_not(client, translator, editor, french_page):
    client.force_login(translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "À traduire" in html
    assert "Nos engagements" in html
    client.force_login(editor)
    assert "À traduire" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_no_group_manages_users(roles):
    for group in Group.objects.all():
        assert not group.permissions.filter(
            codename__in=["add_user", "change_user", "add_group", "change_group"]
        ).exists()


def test_groups_named_in_english_by_an_earlier_version_keep_their_members(db, django_user_model):
    Group.objects.filter(name=EDITORS).update(name="Editors")
    member = django_user_model.objects.create_user("ancienne", password="x")
    member.groups.add(Group.objects.get(name="Editors"))

    call_command("migrate", verbosity=0)

    assert list(member.groups.values_list("name", flat=True)) == [EDITORS]
    assert not Group.objects.filter(name="Editors").exists()

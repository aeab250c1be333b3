"""The admin's roles, defined once: their groups, permissions and the review
workflow. `apply_roles()` runs after every `migrate` (a `post_migrate` handler,
see `roles.apps`) and again, once the home pages exist, from `setup_roles` and
the demo loader. Running it again resets each group to exactly what is listed
here, so nobody holds more than their role gives."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

# Group names as the staff say them (the admin is in French).
EDITORS = "Rédaction"
REVIEWERS = "Relecture"
TRANSLATORS = "Traduction"
REGISTRATIONS = "Inscriptions"

# Names the groups had before; a database made then keeps its groups, members
# included, under the new names.
FORMER_NAMES = {
    EDITORS: "Editors",
    REVIEWERS: "Reviewers",
    TRANSLATORS: "Translators",
    REGISTRATIONS: "Registrations",
}

WORKFLOW_NAME = "Relecture avant publication"
TASK_NAME = "Relecture"

# What Wagtail's own migrations create and this project replaces: the
# "Moderators" group and its workflow, assigned to the root page (so to every
# language). Reviewers of the French pages take their place.
WAGTAIL_DEFAULT_GROUP = "Moderators"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

IMAGES = ["add_image", "change_image", "choose_image"]
DOCUMENTS = ["add_document", "change_document", "choose_document"]
# Snippets whose French changes go through the review workflow, as pages do.
REVIEWED_SNIPPETS = ["topics.topic", "people.person"]
SNIPPET_PUBLISHING = [
    f"{app_label}.{action}_{model}"
    for app_label, model in (name.split(".") for name in REVIEWED_SNIPPETS)
    for action in ("publish", "lock", "unlock")
]
# The search synonyms (a snippet per language, so limited to the French ones
# like the other snippets).
SYNONYMS = ["search.add_synonym", "search.change_synonym", "search.delete_synonym"]
FRENCH_SNIPPETS = [
    "topics.add_topic",
    "topics.change_topic",
    "people.add_person",
    "people.change_person",
    "people.add_organisation",
    "people.change_organisation",
]

ROLES = {
    # Write French content and submit it for review; never publish.
    EDITORS: {
        "permissions": ["wagtailadmin.access_admin", *FRENCH_SNIPPETS, *SYNONYMS],
        "collection": [*IMAGES, *DOCUMENTS],
        "pages": ("source", ["add_page", "change_page"]),
    },
    # Approve (or send back) what editors submit, publish, and look after the menus.
    REVIEWERS: {
        "permissions": [
            "wagtailadmin.access_admin",
            *FRENCH_SNIPPETS,
            "topics.delete_topic",
            "people.delete_person",
            "people.delete_organisation",
            *SNIPPET_PUBLISHING,
            *SYNONYMS,
            "navigation.add_menu",
            "navigation.change_menu",
            # Whether publishing reached the search engine (admin report of background tasks).
            "django_tasks_database.view_dbtaskresult",
        ],
        "collection": [*IMAGES, "delete_image", *DOCUMENTS, "delete_document"],
        "pages": ("source", ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
    },
    # Submit French content for translation, translate it and publish the English
    # version. Snippet rights apply to English snippets only (see roles.permissions
    # and the snippet hooks of roles.wagtail_hooks).
    TRANSLATORS: {
        "permissions": [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "topics.change_topic",
            "people.change_person",
            "people.change_organisation",
            "topics.publish_topic",
            "people.publish_person",
            "navigation.change_menu",
        ],
        "collection": ["choose_image", "choose_document"],
        "pages": ("translations", ["add_page", "change_page", "publish_page"]),
    },
    # Read and export who registered for events and who answered an initiative.
    REGISTRATIONS: {
        "permissions": [
            "wagtailadmin.access_admin",
            "events.view_registration",
            "events.export_registration",
            "initiatives.view_replies",
            # Whether the confirmation and notification e-mails went out.
            "django_tasks_database.view_dbtaskresult",
        ],
        "collection": [],
        "pages": (None, []),
    },
}


def _ensure_permissions():
    """Django creates permissions app by app after `migrate`, in INSTALLED_APPS
    order; the groups need those of every app, including the ones listed after
    this one."""
    from django.apps import apps

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)


def _permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _home_pages(which):
    """The root page of each language tree: the source language's or the others'."""
    # Wagtail's install page ("Welcome to your new Wagtail site!") is a plain Page: not a home.
    homes = Page.objects.filter(depth=2).exclude(content_type__app_label="wagtailcore", content_type__model="page")
    if which == "source":
        return list(homes.filter(locale__language_code=settings.LANGUAGE_CODE))
    if which == "translations":
        return list(homes.exclude(locale__language_code=settings.LANGUAGE_CODE))
    return []


def _set_page_permissions(group, pages, codenames):
    wanted = {(page.pk, _permission(f"wagtailcore.{codename}").pk) for page in pages for codename in codenames}
    for existing in GroupPagePermission.objects.filter(group=group):
        if (existing.page_id, existing.permission_id) not in wanted:
            existing.delete()
    for page_id, permission_id in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission_id=permission_id)


def _set_collection_permissions(group, codenames):
    root = Collection.objects.filter(depth=1).first()
    app_for = {"image": "wagtailimages", "document": "wagtaildocs"}
    wanted = set()
    if root is not None:
        for codename in codenames:
            wanted.add(_permission(f"{app_for[codename.split('_')[-1]]}.{codename}").pk)
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=root, permission_id__in=wanted).delete()
    for permission_id in wanted:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission_id=permission_id)


def _retire_wagtail_default_moderation():
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        if not WorkflowState.objects.filter(workflow=workflow, status="in_progress").exists():
            Workflow.objects.filter(pk=workflow.pk).update(active=False)
            Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, workflow_tasks__workflow=workflow).update(active=False)
    moderators = Group.objects.filter(name=WAGTAIL_DEFAULT_GROUP).first()
    if moderators is not None and not get_user_model().objects.filter(groups=moderators).exists():
        moderators.delete()


def _review_workflow(reviewers):
    """One approval step by the reviewers, on every page of the source language
    and on the reviewed snippets (their translations skip it, see
    `editorial.snippet_index.SourceReviewMixin`)."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=ContentType.objects.get_for_model(GroupApprovalTask), active=True
        )
    task.groups.set([reviewers])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in _home_pages("source"):
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    for name in REVIEWED_SNIPPETS:
        content_type = ContentType.objects.get_by_natural_key(*name.split("."))
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    return workflow


def _group(name):
    """The role's group, renamed from its former name if a database still has it."""
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.filter(name=FORMER_NAMES[name]).first()
        if group is not None:
            group.name = name
            group.save(update_fields=["name"])
    return group or Group.objects.create(name=name)


@transaction.atomic
def apply_roles():
    """Create or reset the groups; returns the permissions that do not exist (yet)."""
    _ensure_permissions()
    _retire_wagtail_default_moderation()
    missing = []
    groups = {}
    for name, role in ROLES.items():
        group = _group(name)
        groups[name] = group
        permissions = []
        for permission_name in role["permissions"]:
            permission = _permission(permission_name)
            if permission is None:
                missing.append(permission_name)
            else:
                permissions.append(permission)
        group.permissions.set(permissions)
        _set_collection_permissions(group, role["collection"])
        which, codenames = role["pages"]
        _set_page_permissions(group, _home_pages(which), codenames)
    _review_workflow(groups[REVIEWERS])
    return missing

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail_localize.models import Translation

from editorial.forms import unmet_publish_requirements
from editorial.snippet_admin import WORKING_LOCALES_HOOK

from . import admin_api, localize
from .permissions import can_change_locale, editable_locale_ids, may_remove_published
from .translation_editor import propose_slug
from .translation_status import incomplete_translations, out_of_date_translations, target_locales, untranslated_pages

PANEL_LIMIT = 10


class ToTranslatePanel(Component):
    """Dashboard panel for translators: what has no translation yet, and what changed."""

    name = "to_translate"
    template_name = "roles/to_translate_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        source_locale = Locale.get_default()
        languages = []
        for locale in target_locales():
            missing = untranslated_pages(source_locale, locale)
            outdated = out_of_date_translations(locale)
            incomplete = incomplete_translations(locale)
            languages.append(
                {
                    "locale": locale,
                    "missing": missing[:PANEL_LIMIT],
                    "missing_count": missing.count(),
                    "outdated": outdated[:PANEL_LIMIT],
                    "outdated_count": outdated.count(),
                    "incomplete": incomplete[:PANEL_LIMIT],
                    "incomplete_count": incomplete.count(),
                }
            )
        return {"languages": languages, "request": parent_context["request"]}


hooks.register("construct_admin_api", admin_api.register)


@hooks.register("register_admin_urls")
def register_localize_urls():
    return localize.urls()


@hooks.register(WORKING_LOCALES_HOOK)
def working_locales(user):
    return editable_locale_ids(user)


@hooks.register("construct_homepage_panels")
def add_to_translate_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(ToTranslatePanel())


def _refuse_other_language(request, model, locale_id):
    """Send the user back to the snippets of a language they work in."""
    allowed = editable_locale_ids(request.user)
    locale = Locale.objects.get(pk=locale_id)
    messages.error(
        request,
        _("Votre rôle ne vous permet pas de modifier les contenus dans cette langue : %(language)s.")
        % {"language": get_language_info(locale.language_code)["name_translated"]},
    )
    url = reverse(model.snippet_viewset.get_url_name("list"))
    own = Locale.objects.filter(pk__in=allowed).order_by("language_code").first()
    return redirect(f"{url}?locale={own.language_code}" if own else url)


@hooks.register("before_create_snippet")
def create_snippets_in_own_language(request, model):
    if issubclass(model, TranslatableMixin):
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
        if locale and not can_change_locale(request.user, locale.pk):
            return _refuse_other_language(request, model, locale.pk)
    return None


@hooks.register("before_edit_snippet")
def edit_snippets_in_own_language(request, instance):
    if isinstance(instance, TranslatableMixin) and not can_change_locale(request.user, instance.locale_id):
        return _refuse_other_language(request, type(instance), instance.locale_id)
    return None


@hooks.register("before_delete_snippet")
def delete_snippets_in_own_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not can_change_locale(request.user, instance.locale_id):
            return _refuse_other_language(request, type(instance), instance.locale_id)
    return None


@hooks.register("before_publish")
@hooks.register("before_unpublish")
def publish_snippets_in_own_language(request, instance):
    if isinstance(instance, TranslatableMixin) and not can_change_locale(request.user, instance.locale_id):
        return _refuse_other_language(request, type(instance), instance.locale_id)
    return None


def _refuse_removing_published(request, page):
    messages.error(
        request,
        _(
            "« %(title)s » est publiée (ou l'une de ses traductions) : seul un administrateur peut la supprimer "
            "ou la dépublier, traductions comprises. Demandez-le-lui, ou proposez la modification en relecture."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_delete_page")
@hooks.register("before_unpublish_page")
def published_pages_are_removed_by_a_superuser(request, page):
    if not may_remove_published(request.user, page):
        return _refuse_removing_published(request, page)
    translations = translations_go_with_their_source_page([page], "delete") or {}
    titles = [translation.get_admin_display_title() for translation in translations.get(page, [])]
    if request.method == "GET" and titles:
        # Wagtail's confirmation names translations only for pages with children.
        messages.warning(
            request,
            _("Ses traductions seront supprimées avec elle : %(titles)s.")
            % {"titles": ", ".join(f"« {title} »" for title in titles)},
        )
    return None


@hooks.register("construct_translated_pages_to_cascade_actions")
def translations_go_with_their_source_page(pages, action):
    """Deleting a French page deletes its translations with it: an English
    page never stays without its source. (Unpublishing keeps the source as a
    draft: the translation stays live, its hreflang to French gone.)"""
    if action != "delete":
        return None
    source_locale = Locale.get_default()
    return {page: list(page.get_translations()) for page in pages if page.locale_id == source_locale.pk}


@hooks.register("construct_page_action_menu")
def no_unpublish_item_without_the_right(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not may_remove_published(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]


@hooks.register("before_bulk_action")
def bulk_removal_of_published_pages_by_a_superuser(request, action_type, objects, action):
    if action_type not in ("delete", "unpublish"):
        return None
    for page in objects:
        if isinstance(page, Page) and not may_remove_published(request.user, page):
            return _refuse_removing_published(request, page)
    return None


@hooks.register("before_bulk_action")
def bulk_publish_meets_publish_requirements(request, action_type, objects, action):
    """Wagtail's bulk "publish" saves no form: check each page's latest version
    against the rules the editor's form applies, and publish nothing otherwise."""
    if action_type != "publish":
        return None
    refused = []
    for page in objects:
        latest = page.specific.get_latest_revision_as_object()
        problems = unmet_publish_requirements(latest)
        if problems:
            refused.append(f"« {latest.get_admin_display_title()} » : {' '.join(map(str, problems))}")
    if not refused:
        return None
    messages.error(
        request, _("Rien n'a été publié. Complétez d'abord ces pages : %(pages)s") % {"pages": " ; ".join(refused)}
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root"))


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """Wagtail keeps the reviewer's comment in the editor's collapsed status
    panel; the editor reads it at the top of the page instead."""
    if request.method != "GET":
        return None
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    comment = task_state.get_comment() if task_state else ""
    if comment:
        reviewer = (
            task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
            if task_state.finished_by
            else ""
        )
        messages.warning(
            request,
            _("Modifications demandées par %(reviewer)s : « %(comment)s »")
            % {"reviewer": reviewer, "comment": comment},
        )
    return None


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def translated_slug_proposed(request, instance):
    """A translation whose title was translated elsewhere (a PO file, a machine
    translator, or before this proposal existed) opens with its slug proposed.
    Runs before wagtail-localize's hook, which draws the translation editor."""
    if request.method == "GET" and isinstance(instance, TranslatableMixin):
        translation = (
            Translation.objects.filter(
                source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
            )
            .select_related("source", "target_locale")
            .first()
        )
        if translation is not None:
            propose_slug(translation)

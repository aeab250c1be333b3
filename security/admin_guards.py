"""Admin views Wagtail opens to every staff member, narrowed to what each
role may know. Wagtail's admin URLs cannot be replaced through hooks (ours come
after its own), so the narrowing happens when the view is chosen."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.deprecation import MiddlewareMixin
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.models import GroupPagePermission, Page

from .privacy import source_of


def may_choose_pages(user):
    """Staff with no permission on any page (the registrations officers) have
    nothing to choose, and the chooser would show them the titles of drafts and
    private pages (the parent of a listing, the results of a search)."""
    return user.is_superuser or GroupPagePermission.objects.filter(group__user=user).exists()


def privacy_of_a_translation(request, page_id):
    """A translation's view restriction follows its source page
    (security/privacy.py), so the privacy dialog of an English page changes
    nothing: it says so, and where to change it, instead of offering a form
    whose answer would be undone."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_set_view_restrictions():
        raise PermissionDenied
    source = source_of(page)
    if source is None:
        return None
    return render_modal_workflow(
        request,
        "security/privacy_follows_source.html",
        None,
        {"page": page, "source": source},
        json_data={"step": "privacy_follows_source"},
    )


class AdminGuardsMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None  # the admin's own login redirect comes first
        match = request.resolver_match
        name = match.view_name if match else ""
        if name.startswith("wagtailadmin_choose_page") and not may_choose_pages(request.user):
            raise PermissionDenied
        if name == "wagtailadmin_pages:set_privacy":
            return privacy_of_a_translation(request, view_kwargs["page_id"])
        return None

"""Documents follow the privacy of the pages that use them (before_serve_document)."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from wagtail.models import BaseViewRestriction, Page, ReferenceIndex

from .twofactor import needs_second_factor

ASKS_FOR_AN_ACCOUNT = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)


def document_access_response(document, request):
    """None when `request` may download `document`, else the login redirect or
    a 403.

    Served: documents nobody references, documents used outside pages
    (snippets, settings), documents used by one live page the request may
    view, and any document to staff (the admin links to them). Refused:
    documents used only by private or draft pages the request does not pass."""
    references = ReferenceIndex.get_references_to(document)
    page_type = ContentType.objects.get_for_model(Page)
    if not references.exists() or references.exclude(base_content_type=page_type).exists():
        return None
    user = request.user
    if user.has_perm("wagtailadmin.access_admin") and not needs_second_factor(user):
        return None
    page_ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    failed = []
    for page in Page.objects.live().filter(pk__in=page_ids):
        refused = [
            restriction for restriction in page.get_view_restrictions() if not restriction.accept_request(request)
        ]
        if not refused:
            return None
        failed += refused
    if not user.is_authenticated and any(restriction.restriction_type in ASKS_FOR_AN_ACCOUNT for restriction in failed):
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden(render_to_string("security/private_document.html", request=request))

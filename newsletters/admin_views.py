"""The communications staff's side of a newsletter issue: preview, a test sent
to oneself, the send to the list (run by the worker) and its progress; and the
GDPR requests on a subscriber (export, erasure)."""

import json
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import subscriptions
from .delivery import bulk_message, start_delivery
from .models import NewsletterIssue, Subscriber, SubscriberStatus
from .rendering import render_issue

SEND_PERMISSION = "newsletters.send_newsletterissue"


def base_url(request):
    return request.build_absolute_uri("/")


def _issue(request, pk, permission="newsletters.change_newsletterissue"):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(NewsletterIssue.objects.select_related("locale"), pk=pk)


def preview(request, pk):
    issue = _issue(request, pk)
    _subject, text, html = render_issue(issue, base_url(request))
    if request.GET.get("format") == "text":
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    return HttpResponse(html.replace("{{ unsubscribe_url }}", "#"))


@require_POST
def test_send(request, pk):
    issue = _issue(request, pk)
    if not request.user.email:
        messages.error(request, _("Votre compte n'a pas d'adresse e-mail : ajoutez-la dans votre profil."))
    else:
        # A stand-in subscriber: its links lead nowhere, its address is the editor's.
        editor = Subscriber(email=request.user.email, language=issue.locale.language_code, key=uuid.uuid4())
        subject, text, html = render_issue(issue, base_url(request))
        bulk_message(editor, subject=f"[TEST] {subject}", text=text, html=html, base_url=base_url(request)).send()
        messages.success(request, _("Un envoi de test est parti vers %(email)s.") % {"email": request.user.email})
    return redirect("newsletters_issue_deliveries", pk=issue.pk)


def deliveries(request, pk):
    """The issue's sends with their progress; and, for staff who may send, the send button."""
    issue = _issue(request, pk)
    if request.method == "POST":
        if not request.user.has_perm(SEND_PERMISSION):
            raise PermissionDenied
        delivery = start_delivery(issue, base_url=base_url(request), started_by=request.user.get_username())
        messages.success(
            request,
            _("Envoi lancé vers %(count)d abonnés ; il se poursuit en arrière-plan.") % {"count": delivery.total},
        )
        return redirect("newsletters_issue_deliveries", pk=issue.pk)
    recipients = Subscriber.objects.filter(
        status=SubscriberStatus.ACTIVE, newsletter=True, language=issue.locale.language_code
    ).count()
    rows = [{"delivery": delivery, **delivery.counts()} for delivery in issue.deliveries.all()]
    context = {
        "issue": issue,
        "rows": rows,
        "recipients": recipients,
        "can_send": request.user.has_perm(SEND_PERMISSION),
        "preview_url": reverse("newsletters_issue_preview", args=[issue.pk]),
    }
    return TemplateResponse(request, "newsletters/admin/deliveries.html", context)


def _subscriber(request, pk, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(Subscriber, pk=pk)


def export_subscriber(request, pk):
    """Everything kept about one subscriber, as a JSON file (an access request)."""
    subscriber = _subscriber(request, pk, "newsletters.view_subscriber")
    response = HttpResponse(
        json.dumps(subscriptions.export(subscriber), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="abonne-{subscriber.pk}.json"'
    return response

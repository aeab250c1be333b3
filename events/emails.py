"""The e-mails of a registration, in the language the reader registered in:
confirmation, "already registered", waitlist, seat offered, reminder. Built
in the request when there is one (its host), else from WAGTAILADMIN_BASE_URL
(the commands run by cron), and sent by the worker."""

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site

from background.mail import send_mail
from navigation.models import InstituteSettings

from .calendar import build_calendar
from .waitlist import registration_token


def request_for_site(language):
    """A request standing for the public site, for what is built without a
    reader's request (absolute URLs, the calendar's name)."""
    request = HttpRequest()
    scheme, _sep, host = settings.WAGTAILADMIN_BASE_URL.partition("://")
    request.META["HTTP_HOST"] = host.rstrip("/")
    request.META["wsgi.url_scheme"] = scheme
    if scheme == "https":
        request.META["HTTPS"] = "on"
    request.LANGUAGE_CODE = language
    return request


def institute_name(request, language):
    if request is None:
        site = Site.objects.filter(is_default_site=True).first()
        return InstituteSettings.for_site(site).name_in(language) if site else settings.WAGTAIL_SITE_NAME
    return InstituteSettings.cached_for_request(request).name_in(language)


def send_registration_mail(registration, page, request=None, template="confirmation", attach_calendar=False):
    language = registration.language
    name = institute_name(request, language)
    request = request or request_for_site(language)
    with translation.override(language):
        context = {
            "registration": registration,
            "page": page,
            "when": page.when(),
            "page_url": request.build_absolute_uri(page.url),
            "ics_url": request.build_absolute_uri(page.url + page.reverse_subpage("ics")),
            "manage_url": request.build_absolute_uri(
                page.url + page.reverse_subpage("registration", args=[registration_token(registration)])
            ),
            "institute_name": name,
        }
        subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
        body = render_to_string(f"events/email/{template}_body.txt", context)
        attachments = []
        if attach_calendar:
            ics = build_calendar(request, [page], page.title).to_ical().decode()
            attachments.append((f"{page.slug}.ics", ics, "text/calendar"))
    # Sent by the worker: the registration stands whatever the mail server does,
    # and a mail it refuses is tried again, then shown to staff (background.retry).
    send_mail.enqueue(subject, body, [registration.email], attachments)


def send_offer(registration):
    """A seat freed from the waitlist, offered until its deadline."""
    send_registration_mail(registration, registration.event, template="offer")

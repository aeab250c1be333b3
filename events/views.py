"""Registration through the built-in form of an event page."""

from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from background.mail import send_mail
from editorial.url_words import word
from navigation.models import InstituteSettings

from .forms import RegistrationForm
from .models import EventPage, Registration, RegistrationMode, RegistrationStatus

REFUSALS = {
    RegistrationStatus.FULL: _("Désolés, il n'y a plus de place pour cet événement."),
    RegistrationStatus.CLOSED: _("Les inscriptions à cet événement sont closes."),
    RegistrationStatus.NOT_NEEDED: _("Cet événement ne demande pas d'inscription."),
}


class RegistrationRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


class AlreadyRegistered(Exception):
    """The address was registered before; the page must not say so (anyone
    could test addresses), only the e-mail to that address does."""

    def __init__(self, registration):
        super().__init__(registration.email)
        self.registration = registration


def register_for_event(page, *, name, email, organisation, language):
    """Register `email` for the event of `page`, or raise `RegistrationRefused`.

    Every language version of the event is locked for the duration of the
    transaction, so concurrent registrations queue up and the seat count read
    here is the one the new registration is added to."""
    with transaction.atomic():
        locked = list(EventPage.objects.select_for_update().filter(translation_key=page.translation_key).order_by("pk"))
        event = next((version for version in locked if version.pk == page.pk), None)
        if event is None or not event.live:
            raise RegistrationRefused(REFUSALS[RegistrationStatus.CLOSED])
        if event.registration_mode != RegistrationMode.FORM:
            status = event.registration_status()
            raise RegistrationRefused(REFUSALS.get(status, REFUSALS[RegistrationStatus.CLOSED]))
        status = event.registration_status()
        if status != RegistrationStatus.OPEN:
            raise RegistrationRefused(REFUSALS[status])
        existing = Registration.objects.filter(event_key=event.translation_key, email=email).first()
        if existing is not None:
            raise AlreadyRegistered(existing)
        try:
            with transaction.atomic():
                return Registration.objects.create(
                    event=event,
                    event_key=event.translation_key,
                    name=name,
                    email=email,
                    organisation=organisation,
                    consent=True,
                    language=language,
                )
        except IntegrityError as error:
            # The same address won a race with this request.
            existing = Registration.objects.filter(event_key=event.translation_key, email=email).first()
            if existing is None:
                raise
            raise AlreadyRegistered(existing) from error


def send_confirmation(registration, page, request, template="confirmation"):
    """The confirmation e-mail (or, with template="already", the notice that the
    address was already registered), in the language the reader registered in."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "page": page,
            "when": page.when(),
            "page_url": request.build_absolute_uri(page.url),
            "ics_url": request.build_absolute_uri(page.url + page.reverse_subpage("ics")),
            "institute_name": InstituteSettings.cached_for_request(request).name_in(registration.language),
        }
        subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
        body = render_to_string(f"events/email/{template}_body.txt", context)
    # Sent by the worker: the registration stands whatever the mail server does,
    # and a mail it refuses is tried again, then shown to staff (background.retry).
    send_mail.enqueue(subject, body, [registration.email])


def register(page, request):
    if request.method != "POST" or page.registration_mode != RegistrationMode.FORM:
        return redirect(f"{page.url}#{word('register', page.locale.language_code)}")
    form = RegistrationForm(request.POST)
    if form.over_rate_limit(request):
        status = 429
    elif form.is_valid():
        done = redirect(page.url + page.reverse_subpage("registered"))
        if form.is_spam:
            return done
        try:
            registration = register_for_event(
                page,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                language=page.locale.language_code,
            )
        except AlreadyRegistered as already:
            # Told in the language and about the page of the first registration.
            send_confirmation(already.registration, already.registration.event, request, template="already")
            return done
        except RegistrationRefused as refusal:
            form.add_error(None, refusal.message)
            status = 409
        else:
            send_confirmation(registration, page, request)
            return done
    else:
        status = 400
    response = page.render(request, context_overrides={"registration_form": form})
    response.status_code = status
    return response

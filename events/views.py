"""Registration through the built-in form of an event page."""

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from editorial.url_words import word

from .choices import SeatStatus
from .emails import send_offer, send_registration_mail
from .forms import RegistrationForm
from .models import Registration, RegistrationMode, RegistrationStatus
from .models.registration import registration_state
from .waitlist import accept_offer, cancel, lock_event, registration_from_token

# On the confirmation page's URL: the reader joined the waitlist.
WAITLIST_PARAMETER = "attente"

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
    """Register `email` for the event of `page` (a seat, or a place in the
    waitlist once the seats are taken), or raise `RegistrationRefused`.

    Every language version of the event is locked for the duration of the
    transaction, so concurrent registrations queue up and the seat count read
    here is the one the new registration is added to; the waitlist's order is
    the order the lock was granted in."""
    with transaction.atomic():
        locked = lock_event(page.translation_key)
        event = next((version for version in locked if version.pk == page.pk), None)
        if event is None or not event.live:
            raise RegistrationRefused(REFUSALS[RegistrationStatus.CLOSED])
        if event.registration_mode != RegistrationMode.FORM:
            status = event.registration_status()
            raise RegistrationRefused(REFUSALS.get(status, REFUSALS[RegistrationStatus.CLOSED]))
        status, seats_left = registration_state(event)
        waiting = status == RegistrationStatus.FULL and seats_left == 0
        if status != RegistrationStatus.OPEN and not waiting:
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
                    status=SeatStatus.WAITING if waiting else SeatStatus.REGISTERED,
                )
        except IntegrityError as error:
            # The same address won a race with this request.
            existing = Registration.objects.filter(event_key=event.translation_key, email=email).first()
            if existing is None:
                raise
            raise AlreadyRegistered(existing) from error


def register(page, request):
    if request.method != "POST" or page.registration_mode != RegistrationMode.FORM:
        return redirect(f"{page.url}#{word('register', page.locale.language_code)}")
    form = RegistrationForm(request.POST)
    if form.over_rate_limit(request):
        status = 429
    elif form.is_valid():
        # The same page for a new and a known address: only the e-mail tells them apart.
        done_url = page.url + page.reverse_subpage("registered")
        waitlist_open = registration_state(page) == (RegistrationStatus.FULL, 0)
        done = redirect(done_url + f"?{WAITLIST_PARAMETER}=1" if waitlist_open else done_url)
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
            send_registration_mail(already.registration, already.registration.event, request, template="already")
            return done
        except RegistrationRefused as refusal:
            form.add_error(None, refusal.message)
            status = 409
        else:
            waiting = registration.status == SeatStatus.WAITING
            send_registration_mail(registration, page, request, template="waitlist" if waiting else "confirmation")
            return redirect(done_url + f"?{WAITLIST_PARAMETER}=1" if waiting else done_url)
    else:
        status = 400
    response = page.render(request, context_overrides={"registration_form": form})
    response.status_code = status
    return response


def manage_registration(page, request, token):
    """The page the links of a registration's e-mails open: cancel (freeing the
    seat for the waitlist), or take a seat offered from the waitlist."""
    registration = registration_from_token(token)
    if registration is None or registration.event_key != page.translation_key:
        raise Http404
    outcome = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel":
            cancel(registration, notify=send_offer)
            outcome = "cancelled"
        elif action == "accept":
            if accept_offer(registration):
                send_registration_mail(registration, page, request)
                outcome = "accepted"
            else:
                outcome = "expired"
    context = {"registration": registration, "outcome": outcome, "token": token}
    response = page.render(request, template="events/registration_manage.html", context_overrides=context)
    response["Cache-Control"] = "private, no-store"
    return response

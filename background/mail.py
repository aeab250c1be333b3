"""E-mails sent by the worker, off the reader's request."""

from django.core.mail import send_mail as django_send_mail
from django.utils.translation import gettext_lazy as _

from .retry import retried


@retried(_("Envoi d'un e-mail"))
def send_mail(subject, body, recipients):
    """Composed in the request (its language, its URLs), sent by the worker:
    a slow or down mail server neither delays nor fails the reader's page."""
    django_send_mail(subject, body, None, recipients)

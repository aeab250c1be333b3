"""E-mails sent by the worker, off the reader's request."""

from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy as _

from .retry import retried


@retried(_("Envoi d'un e-mail"))
def send_mail(subject, body, recipients, attachments=()):
    """Composed in the request (its language, its URLs), sent by the worker:
    a slow or down mail server neither delays nor fails the reader's page.
    `attachments`: (file name, text content, MIME type) triples."""
    message = EmailMessage(subject, body, None, recipients)
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()

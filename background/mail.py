"""E-mails sent by the worker, off the reader's request."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm

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


class QueuedPasswordResetForm(PasswordResetForm):
    """The admin's "forgotten password" form, whose e-mail goes through the
    retried queue like the others: sent directly, a mail server down lost it
    with only a line in the log, and the staff member never knew."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        send_mail.enqueue(subject, render_to_string(email_template_name, context), [to_email])

"""Replies to an initiative's built-in form, on `wagtail.contrib.forms`: the
fields editors set per initiative, plus the consent box and the shared form
protections; replies are Wagtail `FormSubmission`s, mailed to the contact and
deleted after the retention period."""

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from background.mail import send_mail
from editorial.protection import ProtectedFormMixin, single_line
from navigation.models import InstituteSettings

# Kept in `form_data` next to the editors' fields.
CONSENT = "consent"
LANGUAGE = "language"
# The tag of the message that replaces the form once a reply is saved.
REPLY_SENT = "reply-sent"


def default_reply_fields():
    """The fields of a new reply form (and of the forms created before editors
    could change them), in the active language: keyword arguments for
    `InitiativeFormField`. The clean names are the keys of the stored replies."""
    fields = [
        {"clean_name": "name", "label": gettext("Nom et prénom"), "field_type": "singleline", "required": True},
        {"clean_name": "email", "label": gettext("Adresse e-mail"), "field_type": "email", "required": True},
        {
            "clean_name": "organisation",
            "label": gettext("Collectivité ou structure"),
            "help_text": gettext("Par exemple « Métropole de Lyon »."),
            "field_type": "singleline",
            "required": True,
        },
        {"clean_name": "message", "label": gettext("Message"), "field_type": "multiline", "required": False},
    ]
    return [{**field, "sort_order": order} for order, field in enumerate(fields)]


class ReplyForm(ProtectedFormMixin, BaseForm):
    rate_limit_scope = "initiatives:reply"
    rate_limit_setting = "INITIATIVES_REPLY_RATE_LIMIT"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT] = forms.BooleanField(
            label=_("J'accepte que ces informations servent uniquement à me recontacter au sujet de cette initiative."),
            error_messages={"required": _("Cochez cette case pour envoyer le formulaire.")},
        )

    @property
    def reply_data(self):
        """What is stored: every field but the honeypot."""
        return {name: value for name, value in self.cleaned_data.items() if name != self.honeypot_field}


class ReplyFormBuilder(FormBuilder):
    def create_email_field(self, field, options):
        options["error_messages"] = {"invalid": _("Cette adresse e-mail n'est pas valide.")}
        return super().create_email_field(field, options)

    def create_multiline_field(self, field, options):
        options["max_length"] = 3000
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        return type("InitiativeReplyForm", (ReplyForm,), self.formfields)


def acknowledge(page, form, request):
    """The reader's receipt, in the language they replied in, to the first e-mail
    address of the form (none when editors removed it), sent by the worker."""
    address = next(
        (form.cleaned_data.get(name) for name, field in form.fields.items() if isinstance(field, forms.EmailField)),
        None,
    )
    if not address:
        return
    context = {
        "page": page,
        "confirmation": page.form_action["confirmation"],
        "page_url": request.build_absolute_uri(page.url),
        "institute_name": InstituteSettings.cached_for_request(request).name_in(page.locale.language_code),
    }
    subject = " ".join(render_to_string("initiatives/email/acknowledgment_subject.txt", context).split())
    send_mail.enqueue(subject, render_to_string("initiatives/email/acknowledgment_body.txt", context), [address])


def notify_contact(page, form):
    """Mail the reply to the initiative's contact, through the worker: the
    reply is saved and shown in the admin whatever the mail server does, and a
    mail the server refuses is tried again, then shown to staff (background.retry)."""
    contact = page.contact_value
    if not contact or not contact.get("email"):
        return
    answers = {name: value for name, value in form.reply_data.items() if name != CONSENT}
    values = [(form.fields[name].label, value) for name, value in answers.items()]
    first = next((value for _label, value in values if isinstance(value, str) and value), "")
    subject = single_line(f"[{page.title}] {first}")[:200]
    lines = [f"{label} : {', '.join(value) if isinstance(value, list) else value}" for label, value in values]
    send_mail.enqueue(subject, "\n".join([*lines, "", page.full_url or ""]), [contact["email"]])

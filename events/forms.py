from django import forms
from django.utils.translation import gettext_lazy as _

from editorial.protection import ProtectedFormMixin


class RegistrationForm(ProtectedFormMixin, forms.Form):
    rate_limit_scope = "events:registration"
    rate_limit_setting = "EVENTS_REGISTRATION_RATE_LIMIT"
    rate_limit_message = _("Trop de tentatives d'inscription depuis votre connexion. Réessayez dans quelques minutes.")

    name = forms.CharField(label=_("Nom et prénom"), max_length=200)
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        error_messages={"invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")},
    )
    organisation = forms.CharField(label=_("Organisation (facultatif)"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_("J'accepte que ces données servent à organiser cet événement."),
        error_messages={"required": _("Votre accord est nécessaire pour traiter votre inscription.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Indiquez votre nom."))
        return name

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    otp_token = forms.RegexField(
        label=_("Code à 6 chiffres"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Saisissez les 6 chiffres affichés par votre application.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_otp_token(self):
        return self.cleaned_data["otp_token"].strip()

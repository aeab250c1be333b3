"""What protects every public form readers post (event registration, replies
to initiatives): a honeypot field, a rate limit per client and the removal of
control characters, so that nothing typed can break an e-mail header."""

import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from security.client import client_ip
from serving.backends import available as cache_available

# Control characters, except tab and line feed which multi-line text keeps.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
LINE_BREAKS = re.compile(r"\s+")


def client_key(request):
    """Who is posting, as the rate limits count it: the client's address, read
    through the trusted proxies (`security.client`)."""
    return client_ip(request)


def single_line(value):
    """`value` without control characters or line breaks, safe in an e-mail header."""
    return LINE_BREAKS.sub(" ", CONTROL_CHARACTERS.sub(" ", value)).strip()


def without_control_characters(value):
    return CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


class ProtectedFormMixin:
    """Mix into a `forms.Form` posted by anonymous readers.

    Adds a honeypot field (`honeypot_field`, hidden by the template: people leave
    it empty, bots fill it in; check `is_spam` and pretend success), strips
    control characters from every text value (line breaks are kept in
    textareas only) and counts posts per client: call `over_rate_limit(request)`
    before `is_valid()`. Subclasses set `rate_limit_scope` and
    `rate_limit_setting`, the name of a `(posts, seconds)` setting."""

    honeypot_field = "website"
    rate_limit_scope = ""
    rate_limit_setting = ""
    default_rate_limit = (10, 600)
    rate_limit_message = _("Trop de tentatives depuis votre connexion. Réessayez dans quelques minutes.")
    cache_down_message = _(
        "Le formulaire est momentanément indisponible. Réessayez dans quelques minutes : ce que vous avez saisi est conservé."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            label=_("Ne pas remplir ce champ"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def honeypot(self):
        return self[self.honeypot_field]

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get(self.honeypot_field))

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            if isinstance(value, str):
                multiline = isinstance(self.fields[name].widget, forms.Textarea)
                cleaned_data[name] = without_control_characters(value) if multiline else single_line(value)
        return cleaned_data

    def over_rate_limit(self, request):
        """Count this post; once the client has posted more than allowed in the
        window, or while the cache that counts is down (no count, no limit:
        the form is refused rather than left open), add an error to the form
        and return True."""
        limit, window = getattr(settings, self.rate_limit_setting, self.default_rate_limit)
        key = f"{self.rate_limit_scope}:{client_key(request)}"
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, window)
            count = 1
        if not cache_available():
            self.add_error(None, self.cache_down_message)
            return True
        if count <= limit:
            return False
        self.add_error(None, self.rate_limit_message)
        return True

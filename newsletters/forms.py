"""The subscription form (footer, topic pages, the subscription page) and the
manage form a signed link opens."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from editorial.protection import ProtectedFormMixin
from topics.models import Topic

from .models import AlertFrequency

CONSENT_TEXT = _(
    "J'accepte de recevoir par e-mail les envois choisis ; je peux me désabonner à tout moment "
    "par le lien présent dans chaque message."
)


def topic_choices(language):
    return Topic.objects.filter(locale__language_code=language, live=True).order_by("name")


class TopicsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, topic):
        return topic.name


class SubscriptionChoicesMixin:
    """What a subscriber receives: the newsletter, topics, how often, in which language."""

    def add_choice_fields(self, language):
        self.fields["language"] = forms.ChoiceField(label=_("Langue des envois"), choices=settings.LANGUAGES)
        self.fields["newsletter"] = forms.BooleanField(label=_("La lettre d'information mensuelle"), required=False)
        self.fields["topics"] = TopicsField(
            label=_("Alertes sur les thèmes"), queryset=topic_choices(language), required=False
        )
        self.fields["alert_frequency"] = forms.ChoiceField(
            label=_("Fréquence des alertes"),
            choices=AlertFrequency.choices,
            initial=AlertFrequency.EACH,
            widget=forms.RadioSelect,
            required=False,
        )

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("newsletter") and not cleaned_data.get("topics"):
            raise forms.ValidationError(_("Choisissez la lettre d'information ou au moins un thème."))
        cleaned_data["alert_frequency"] = cleaned_data.get("alert_frequency") or AlertFrequency.EACH
        return cleaned_data


class SubscribeForm(ProtectedFormMixin, SubscriptionChoicesMixin, forms.Form):
    rate_limit_scope = "newsletters:subscribe"
    rate_limit_setting = "NEWSLETTERS_SUBSCRIBE_RATE_LIMIT"
    rate_limit_message = _("Trop de demandes d'abonnement depuis votre connexion. Réessayez dans quelques minutes.")

    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        error_messages={"invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")},
    )
    # The page the form was posted from, kept with the consent.
    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        language = language or get_language()
        self.add_choice_fields(language)
        self.fields["language"].initial = language
        self.fields["newsletter"].initial = True
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_source(self):
        source = self.cleaned_data["source"]
        # A path of this site only: it is shown to staff, never followed.
        return source if source.startswith("/") and not source.startswith("//") else ""


class ManageForm(SubscriptionChoicesMixin, forms.Form):
    def __init__(self, *args, subscriber, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_choice_fields(subscriber.language)
        self.initial = {
            "language": subscriber.language,
            "newsletter": subscriber.newsletter,
            # Topics are followed in every language: checked in the subscriber's language.
            "topics": [
                topic.pk
                for topic in self.fields["topics"].queryset
                if topic.translation_key in subscriber.followed_topic_keys()
            ],
            "alert_frequency": subscriber.alert_frequency,
        }

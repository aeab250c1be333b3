"""Blocks of an initiative page: its sections, call to action, contact,
participants and key dates. Texts are wagtail-localize segments; people and
organisations chosen here are replaced by their translation on the English page."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from editorial.blocks import PARAGRAPH_FEATURES, BodyBlock


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Titre de la section"), max_length=200, help_text=_("Par exemple « À qui s'adresse-t-elle ? ».")
    )
    text = blocks.RichTextBlock(label=_("Texte"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "initiatives/blocks/section.html"


class SectionsBlock(BodyBlock):
    """The shared body blocks plus titled sections (who it is for, how it works,
    what comes out of it...), in the order the editor chooses."""

    section = SectionBlock()


class LinkActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Libellé du bouton"), max_length=80, help_text=_("Par exemple « Inscrire mon territoire ».")
    )
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("Adresse externe"), required=False)

    class Meta:
        icon = "link"
        label = _("Bouton vers un lien")
        template = "initiatives/blocks/link_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList(
                        [ValidationError(_("Choisissez une page du site ou une adresse externe (l'une des deux)."))]
                    )
                }
            )
        return value


class FormActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Titre du formulaire"), max_length=80, help_text=_("Par exemple « Inscrire mon territoire ».")
    )
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    confirmation = blocks.TextBlock(
        label=_("Message de confirmation"),
        help_text=_("Affiché après l'envoi du formulaire."),
    )

    class Meta:
        icon = "form"
        label = _("Formulaire intégré")


class CallToActionBlock(blocks.StreamBlock):
    link = LinkActionBlock()
    form = FormActionBlock()

    class Meta:
        max_num = 1


class KeptTextBlock(blocks.CharBlock):
    """Text that reads the same in every language (a phone number, a person's
    name): copied to translations, never counted as a segment to translate."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class ContactBlock(blocks.StructBlock):
    person = SnippetChooserBlock("people.Person", label=_("Personne"), required=False)
    name = KeptTextBlock(label=_("Nom"), required=False, help_text=_("Si la personne n'est pas dans la base."))
    role = blocks.CharBlock(label=_("Fonction"), required=False)
    email = blocks.EmailBlock(label=_("Adresse e-mail"), required=False)
    phone = KeptTextBlock(label=_("Téléphone"), max_length=30, required=False)

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "initiatives/blocks/contact.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("person") and not value.get("name"):
            errors["name"] = ErrorList([ValidationError(_("Choisissez une personne ou indiquez un nom."))])
        if not value.get("email") and not value.get("phone"):
            errors["email"] = ErrorList([ValidationError(_("Indiquez au moins une adresse e-mail ou un téléphone."))])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ParticipantBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Nom"), max_length=200, help_text=_("Par exemple une collectivité engagée."))
    detail = blocks.CharBlock(
        label=_("Précision"), required=False, help_text=_("Par exemple la région ou la date d'engagement.")
    )
    url = blocks.URLBlock(label=_("Lien"), required=False)

    class Meta:
        icon = "group"
        label = _("Participant")


class KeyDateBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    end_date = blocks.DateBlock(label=_("Date de fin"), required=False)
    label = blocks.CharBlock(label=_("Étape"), max_length=200)

    class Meta:
        icon = "date"
        label = _("Date clé")

    def clean(self, value):
        value = super().clean(value)
        if value.get("end_date") and value["end_date"] < value["date"]:
            raise StructBlockValidationError(
                block_errors={
                    "end_date": ErrorList([ValidationError(_("La date de fin doit suivre la date de début."))])
                }
            )
        return value

"""The programme of an event: a stream of sessions, each with its people.

Sessions are StructBlocks in a StreamField (Wagtail cannot nest InlinePanels).
wagtail-localize translates their texts and replaces each person with their
translation; times, kinds and flags are kept from the French source. The block
id of a session, kept by translation, gives it the same anchor in every language.
"""

import uuid

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class SessionKind:
    CHOICES = [
        ("introduction", _("Introduction")),
        ("keynote", _("Grand témoin")),
        ("panel", _("Panel")),
        ("round_table", _("Table ronde")),
        ("plenary", _("Plénière")),
        ("break", _("Pause")),
    ]
    LABELS = dict(CHOICES)


class ParticipantBlock(blocks.StructBlock):
    person = SnippetChooserBlock("people.Person", label=_("Personne"))
    role = blocks.CharBlock(
        label=_("Fonction pour cette session"),
        required=False,
        max_length=255,
        help_text=_("Laissez vide pour afficher la fonction de la fiche de la personne."),
    )

    class Meta:
        icon = "user"
        label = _("Intervenant")


class ModeratorBlock(ParticipantBlock):
    class Meta:
        label = _("Modérateur ou modératrice")


class SessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(
        label=_("Jour"),
        required=False,
        help_text=_("Pour un événement sur plusieurs jours ; vide : le premier jour de l'événement."),
    )
    start_time = blocks.TimeBlock(label=_("Début"), required=False, help_text=_("Heure de Paris."))
    end_time = blocks.TimeBlock(label=_("Fin"), required=False)
    kind = blocks.ChoiceBlock(label=_("Type de séquence"), choices=SessionKind.CHOICES, default="panel")
    title = blocks.CharBlock(label=_("Titre"), max_length=300)
    description = blocks.TextBlock(label=_("Description"), required=False)
    moderators = blocks.ListBlock(ModeratorBlock(), label=_("Modération"), default=[])
    speakers = blocks.ListBlock(ParticipantBlock(), label=_("Intervenants"), default=[])
    our_people = blocks.BooleanBlock(
        label=_("Notre équipe intervient"),
        required=False,
        help_text=_("Mis en avant dans le programme. Coché d'office quand un membre de l'équipe intervient."),
    )

    class Meta:
        icon = "time"
        label = _("Séquence")

    def clean(self, value):
        value = super().clean(value)
        if value.get("start_time") and value.get("end_time") and value["end_time"] < value["start_time"]:
            raise blocks.StructBlockValidationError(
                block_errors={"end_time": blocks.BlockValidationError(_("La fin précède le début."))}
            )
        return value


class ProgrammeBlock(blocks.StreamBlock):
    session = SessionBlock()


def participant_data(person, role=""):
    """The stored data of a participant of a session (a ListBlock item)."""
    return {"type": "item", "id": str(uuid.uuid4()), "value": {"person": person.pk, "role": role}}


def session_data(kind, title, start=None, end=None, description="", moderators=(), speakers=(), ours=False):
    """The stored data of a programme session (times "HH:MM:SS"), as the admin's form saves it:
    what the demo and the tests write into `EventPage.programme`."""
    return {
        "type": "session",
        "id": str(uuid.uuid4()),
        "value": {
            "day": None,
            "start_time": start,
            "end_time": end,
            "kind": kind,
            "title": title,
            "description": description,
            "moderators": [participant_data(person) for person in moderators],
            "speakers": [participant_data(person) for person in speakers],
            "our_people": ours,
        },
    }

"""Initiatives for tests."""

import datetime

from django.utils import translation

from initiatives.models import InitiativeFormField
from initiatives.replies import default_reply_fields
from tests.kit.factories import OrganisationFactory, PersonFactory, TopicFactory
from tests.kit.pages import InitiativePageFactory


def initiative(index, title="Concertations territoriales de l'IA", status="open", publish=True, **fields):
    contact_person = fields.pop("contact_person", None) or PersonFactory(name="Camille Martin")
    with translation.override(index.locale.language_code):
        form_fields = [InitiativeFormField(locale=index.locale, **field) for field in default_reply_fields()]
    return InitiativePageFactory(
        parent=index,
        title=title,
        slug=fields.pop("slug", "concertations"),
        status=status,
        summary="Des concertations publiques sur l'IA.",
        partners=[("partner", OrganisationFactory(name="France urbaine"))],
        sections=[
            ("section", {"title": "À qui s'adresse-t-elle ?", "text": "<p>Aux collectivités.</p>"}),
            ("section", {"title": "Comment ça marche ?", "text": "<p>Une charte commune.</p>"}),
        ],
        call_to_action=fields.pop(
            "call_to_action",
            [("form", {"label": "Inscrire mon territoire", "intro": "", "confirmation": "Merci, c'est noté !"})],
        ),
        contact=[
            (
                "contact",
                {
                    "person": contact_person,
                    "name": "",
                    "role": "Coordination",
                    "email": "camille.martin@example.org",
                    "phone": "+33 1 23 45 67 89",
                },
            )
        ],
        participants=[("participant", {"name": "Métropole pilote", "detail": "Engagée en janvier", "url": ""})],
        key_dates=[
            (
                "key_date",
                {"date": datetime.date(2025, 3, 10), "end_date": datetime.date(2025, 3, 11), "label": "Forum"},
            ),
        ],
        live=publish,
        topics=[TopicFactory()],
        form_fields=form_fields,
        **fields,
    )

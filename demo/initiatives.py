"""Demo initiative (content brief, section 5): the « Concertations territoriales
de l'IA », a call for participation to local authorities."""

import datetime

from django.utils import translation
from wagtail.models import Locale

from editorial.models import PageTopic
from initiatives.models import InitiativeFormField, InitiativeIndexPage, InitiativePage
from initiatives.replies import default_reply_fields

from .helpers import child_page, english_version
from .images import Cover

INDEX_INTRO = (
    "Nos appels à participation et nos projets menés avec les territoires et nos partenaires.",
    "Our calls for participation and the projects we run with local authorities and our partners.",
)
SLUG = ("concertations-territoriales-de-l-ia", "local-ai-consultations")
TITLE = ("Concertations territoriales de l'IA", "Local consultations on AI")
SUMMARY = (
    "Les collectivités organisent des concertations publiques sur l'intelligence artificielle avec les "
    "habitants, les élus, les entreprises et les chercheurs, selon une charte commune. Leur synthèse "
    "nourrit un manifeste présenté au Forum des Interconnectés à Rennes.",
    "Local authorities hold public consultations on artificial intelligence with residents, elected "
    "officials, companies and researchers, under a shared charter. Their synthesis feeds a manifesto "
    "presented at the Forum des Interconnectés in Rennes.",
)
COVER = Cover("Concertations territoriales de l'IA", "Local consultations on AI", colour="ochre")
COVER_ALT = (COVER.alt("fr"), COVER.alt("en"))
SECTIONS = [
    (
        ("À qui s'adresse-t-elle ?", "Who is it for?"),
        (
            "Aux communes, intercommunalités, métropoles, départements et régions qui veulent ouvrir le débat "
            "sur l'intelligence artificielle avec leur population, quelle que soit leur taille.",
            "Municipalities, groups of municipalities, metropolitan areas, departments and regions that want "
            "to open the debate on artificial intelligence with their residents, whatever their size.",
        ),
    ),
    (
        ("Comment ça marche ?", "How does it work?"),
        (
            "Chaque territoire organise une ou plusieurs réunions publiques réunissant habitants, élus, "
            "entreprises et chercheurs, dans le respect d'une charte commune. Il restitue ensuite les "
            "échanges dans une grille de résultats partagée par tous les participants.",
            "Each territory holds one or more public meetings bringing together residents, elected "
            "officials, companies and researchers, following a shared charter. It then reports the "
            "discussions in a results grid shared by every participant.",
        ),
    ),
    (
        ("Qu'en sort-il ?", "What comes out of it?"),
        (
            "Les grilles sont rassemblées dans une synthèse nationale qui nourrit un manifeste présenté au "
            "Forum des Interconnectés, à Rennes, les 10 et 11 mars 2025.",
            "The grids are gathered into a national synthesis that feeds a manifesto presented at the Forum "
            "des Interconnectés in Rennes on 10 and 11 March 2025.",
        ),
    ),
]
RUN_BY = (
    "La démarche est portée par la commission numérique commune aux Interconnectés, à France urbaine et "
    "à Intercommunalités de France.",
    "The initiative is run by the digital commission shared by Les Interconnectés, France urbaine and "
    "Intercommunalités de France.",
)
FORM = {
    "label": ("Inscrire mon territoire", "Register my territory"),
    "intro": (
        "Indiquez-nous votre collectivité : nous vous enverrons la charte, la grille de résultats et le kit "
        "d'animation.",
        "Tell us about your local authority: we will send you the charter, the results grid and the facilitation kit.",
    ),
    "confirmation": (
        "Merci ! Votre inscription est bien reçue ; nous revenons vers vous sous quelques jours.",
        "Thank you! Your registration has been received; we will get back to you within a few days.",
    ),
}
CONTACT_ROLE = ("Coordination des concertations", "Consultations coordination")
# Made-up territories (demo content): ((name), (detail)), each in French and English.
PARTICIPANTS = [
    (("Métropole de démonstration", "Demonstration metropolitan area"), ("Territoire pilote", "Pilot territory")),
    (
        ("Communauté de communes de démonstration", "Demonstration group of municipalities"),
        ("Engagée en janvier 2025", "Joined in January 2025"),
    ),
    (
        ("Département de démonstration", "Demonstration department"),
        ("Engagé en février 2025", "Joined in February 2025"),
    ),
]
KEY_DATE = (
    "Présentation du manifeste au Forum des Interconnectés, Rennes",
    "Manifesto presented at the Forum des Interconnectés, Rennes",
)


# The call went out in March 2025, ahead of the forum (not on the day the demo is loaded).
PUBLISHED_AT = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)


def reply_field_strings():
    """The reply form's labels and help texts: French source -> English."""
    with translation.override("fr"):
        french = default_reply_fields()
    with translation.override("en"):
        english = default_reply_fields()
    return {
        source[key]: target[key]
        for source, target in zip(french, english, strict=True)
        for key in ("label", "help_text")
        if source.get(key)
    }


def load(context):
    home = context["home"]
    english = Locale.objects.get(language_code="en")
    organisations = context["organisations"]
    index = child_page(home, InitiativeIndexPage, "initiatives", title="Initiatives", intro=INDEX_INTRO[0])
    english_version(index, {"Initiatives": "Initiatives", "initiatives": "initiatives", INDEX_INTRO[0]: INDEX_INTRO[1]})

    initiative = index.get_children().filter(slug=SLUG[0]).first()
    if initiative is None:
        sections = [("paragraph", f"<p>{RUN_BY[0]}</p>")] + [
            ("section", {"title": title[0], "text": f"<p>{text[0]}</p>"}) for title, text in SECTIONS
        ]
        initiative = InitiativePage(
            title=TITLE[0],
            slug=SLUG[0],
            locale=index.locale,
            status=InitiativePage.Status.OPEN,
            summary=SUMMARY[0],
            cover_image=COVER.image("fr"),
            cover_alt=COVER_ALT[0],
            partners=[
                ("partner", organisations[key]) for key in ("interconnectes", "france_urbaine", "intercommunalites")
            ],
            sections=sections,
            call_to_action=[("form", {key: value[0] for key, value in FORM.items()})],
            contact=[
                (
                    "contact",
                    {
                        "person": context["people"]["martin"],
                        "name": "",
                        "role": CONTACT_ROLE[0],
                        "email": "camille.martin@example.org",
                        "phone": "+33 1 23 45 67 89",
                    },
                )
            ],
            participants=[
                ("participant", {"name": name[0], "detail": detail[0], "url": ""}) for name, detail in PARTICIPANTS
            ],
            key_dates=[
                (
                    "key_date",
                    {"date": datetime.date(2025, 3, 10), "end_date": datetime.date(2025, 3, 11), "label": KEY_DATE[0]},
                )
            ],
        )
        with translation.override("fr"):
            initiative.form_fields = [
                InitiativeFormField(locale=index.locale, **field) for field in default_reply_fields()
            ]
        initiative.page_topics = [
            PageTopic(topic=context["topics"][key], locale=index.locale) for key in ("democracy", "governance")
        ]
        # Dated as the call was: the date readers see is the first publication's.
        initiative.first_published_at = PUBLISHED_AT
        index.add_child(instance=initiative)
        initiative.save_revision().publish()
    initiative = initiative.specific
    if not initiative.has_translation(english):
        strings = dict([TITLE, SLUG, SUMMARY, COVER_ALT, RUN_BY, CONTACT_ROLE, KEY_DATE, *FORM.values()])
        for title, text in SECTIONS:
            strings.update([title, text])
        for name, detail in PARTICIPANTS:
            strings.update([name, detail])
        strings.update(reply_field_strings())
        translated = english_version(initiative, strings, images={COVER.image("fr"): COVER.image("en")})
        InitiativePage.objects.filter(pk=translated.pk).update(first_published_at=PUBLISHED_AT)
    context["initiatives"] = {"consultations": initiative}
    context["initiative_index"] = index
    context.setdefault("menu_links", []).append(("Initiatives", index))

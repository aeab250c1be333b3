"""Demo events of the content brief (sections 2 and 3) and an upcoming workshop
readers can register for, in French with their wagtail-localize translations.

Numérique en Commun[s] 2025: the source gives two date pairs; we use 28–29
October 2025 (its header), a few days after the report of section 1
(23 October 2025)."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from editorial.localize import translate
from editorial.models import PageTopic, RelatedPin
from events.blocks import session_data
from events.models import EventFormat, EventIndexPage, EventPage, OurRole, RegistrationMode, paris
from people.models import Organisation

from .helpers import english_version, use_other_images
from .images import Cover

INDEX_INTRO_FR = (
    "Les rencontres que nous organisons et celles auxquelles nous participons : programmes, intervenants "
    "et inscriptions."
)
INDEX_INTRO_EN = "The events we organise and those we take part in: programmes, speakers and registration."


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=paris())


# French source text: English translation.
SUMMIT = {
    "title": (
        "Réinventer l'IA : pour une révolution numérique au service de l'humain et de la planète",
        "Reinventing AI: for a digital revolution that serves people and the planet",
    ),
    "slug": ("reinventer-l-ia", "reinventing-ai"),
    "cover": Cover("Réinventer l'IA", "Reinventing AI", colour="purple"),
    "summary": (
        "Une journée de débats pour reprendre la main sur l'intelligence artificielle : souveraineté européenne, "
        "limites planétaires, droits fondamentaux, santé mentale, création et travail.",
        "A day of debates on taking back control of artificial intelligence: European sovereignty, planetary "
        "limits, fundamental rights, mental health, creative work and employment.",
    ),
    "body": (
        "Chercheurs, juristes, associations, syndicats et élus se succèdent pour examiner ce que l'IA fait à nos "
        "sociétés et proposer d'autres choix que ceux imposés par quelques grandes plateformes.",
        "Researchers, lawyers, civil society, trade unions and elected officials take turns examining what AI "
        "does to our societies and proposing choices other than those imposed by a few large platforms.",
    ),
    "sessions": [
        ("introduction", ("10:00:00", None), ("Ouverture", "Opening"), ["cormand"]),
        (
            "keynote",
            ("10:10:00", "11:00:00"),
            ("La souveraineté numérique européenne", "European digital sovereignty"),
            ["breton"],
        ),
        (
            "panel",
            ("11:00:00", "12:10:00"),
            (
                "IA et limites planétaires : extractivisme et empreinte carbone",
                "AI and planetary limits: extractivism and carbon footprint",
            ),
            ["maenda", "montenay", "terras"],
        ),
        (
            "panel",
            ("12:10:00", "13:00:00"),
            (
                "De la promesse libérale au capitalisme de surveillance : IA et droits fondamentaux",
                "From the liberal promise to surveillance capitalism: AI and fundamental rights",
            ),
            ["roux", "tiyavorabun", "piedallu"],
        ),
        ("break", ("13:00:00", "14:00:00"), ("Pause déjeuner", "Lunch break"), []),
        (
            "panel",
            ("14:00:00", "15:30:00"),
            ("Algorithmes et addiction : IA et santé mentale", "Algorithms and addiction: AI and mental health"),
            ["guyon", "massiet", "boutron", "michaelsen"],
        ),
        (
            "panel",
            ("16:00:00", "17:30:00"),
            ("IA générative et droits d'auteur", "Generative AI and authors' rights"),
            ["rogard", "prissard", "benabou"],
        ),
        (
            "keynote",
            ("17:30:00", "18:15:00"),
            ("IA, travail et dialogue social", "AI, work and social dialogue"),
            ["howayeck"],
        ),
        (
            "plenary",
            ("18:30:00", "20:30:00"),
            ("Quelle souveraineté numérique européenne ?", "Which European digital sovereignty?"),
            ["duflot", "devillers", "cormand"],
        ),
    ],
}

ROUND_TABLE_TITLE = (
    "Face à l'avalanche des ressources en IA, faut-il converger sur un cadre partagé ?",
    "Faced with an avalanche of AI resources, should we converge on a shared framework?",
)
ROUND_TABLE_DESCRIPTION = (
    "Référentiels, parcours de formation, outils d'évaluation : les ressources pour se former à l'IA se "
    "multiplient. Acteurs publics et associatifs confrontent leurs approches d'un cadre commun.",
    "Frameworks, training paths, assessment tools: resources for learning about AI keep multiplying. Public "
    "and non-profit actors compare their approaches to a common framework.",
)
NEC = {
    "title": ("Numérique en Commun[s] 2025", "Numérique en Commun[s] 2025"),
    "slug": ("numerique-en-communs-2025", "numerique-en-communs-2025"),
    "cover": Cover("Table ronde à Numérique en Commun[s]", "Round table at Numérique en Commun[s]", colour="teal"),
    "summary": (
        "Nous participons au rendez-vous national de la médiation et de l'inclusion numériques, qui réunit "
        "environ 1 800 personnes, avec une table ronde sur la littératie en IA.",
        "We take part in the national gathering on digital inclusion and mediation, which brings together "
        "about 1,800 people, with a round table on AI literacy.",
    ),
    "body": (
        "Notre délégué général y présente les conclusions de notre rapport sur la littératie en IA, publié "
        "quelques jours plus tôt.",
        "Our executive director presents the conclusions of our report on AI literacy, published a few days earlier.",
    ),
}

WORKSHOP = {
    "title": (
        "Atelier : la littératie en IA dans les collectivités",
        "Workshop: AI literacy in local government",
    ),
    "slug": ("atelier-litteratie-ia-collectivites", "workshop-ai-literacy-local-government"),
    "cover": Cover("Atelier littératie en IA", "AI literacy workshop", colour="green"),
    "summary": (
        "Deux heures pour découvrir nos recommandations et construire, avec d'autres agents et élus, un plan "
        "de formation à l'IA adapté à votre collectivité.",
        "Two hours to discover our recommendations and build, with other officials and elected "
        "representatives, an AI training plan suited to your local authority.",
    ),
    "body": (
        "L'atelier se tient sur place et en ligne. Le nombre de places est limité : inscrivez-vous avec le "
        "formulaire ci-dessous.",
        "The workshop takes place on site and online. Places are limited: register with the form below.",
    ),
    "sessions": [
        (
            "introduction",
            ("18:00:00", "18:20:00"),
            ("Nos recommandations en bref", "Our recommendations in brief"),
            [],
            ["lucas"],
        ),
        (
            "round_table",
            ("18:20:00", "20:00:00"),
            ("Construire un plan de formation local", "Building a local training plan"),
            ["eddbali"],
            ["martin"],
        ),
    ],
}

ANCT = ("Agence nationale de la cohésion des territoires", "ANCT", "https://agence-cohesion-territoires.gouv.fr")
ANCT_EN = "National Agency for Territorial Cohesion"


def with_topics_and_pins(page, context, topic_keys, pin_report):
    page.page_topics = [PageTopic(topic=context["topics"][key], locale=page.locale) for key in topic_keys]
    report = (context.get("reports") or {}).get("literacy")
    if pin_report and report is not None:
        page.related_pins = [RelatedPin(target=report, locale=page.locale)]


def create_event(index, slug, context, topic_keys, pin_report=False, **fields):
    existing = index.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = EventPage(slug=slug, locale=index.locale, **fields)
    with_topics_and_pins(page, context, topic_keys, pin_report)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def strings(spec, extra=()):
    cover = spec["cover"]
    pairs = [spec[key] for key in ("title", "slug", "summary", "body")] + [(cover.alt("fr"), cover.alt("en"))]
    return dict([*pairs, *extra])


def cover_fields(spec):
    return {"cover_image": spec["cover"].image("fr"), "cover_alt": spec["cover"].alt("fr")}


def translate_event(page, spec, extra=()):
    """The English version of an event, with the English cover."""
    use_other_images(page, {spec["cover"].image("fr"): spec["cover"].image("en")})
    translate(page, strings(spec, extra))


def load(context):
    home = context["home"]
    people = context["people"]
    english = Locale.objects.get(language_code="en")

    index = home.get_children().type(EventIndexPage).filter(slug="evenements").first()
    if index is None:
        index = EventIndexPage(
            title="Événements",
            slug="evenements",
            locale=home.locale,
            intro=INDEX_INTRO_FR,
            privacy_page=context["standard_pages"].get("confidentialite"),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    index = index.specific
    english_version(index, {"Événements": "Events", "evenements": "events", INDEX_INTRO_FR: INDEX_INTRO_EN})

    # Section 3: the summit we organised, with its full programme.
    summit_day = date(2025, 2, 7)
    summit, _created = create_event(
        index,
        SUMMIT["slug"][0],
        context,
        ["sovereignty", "environment", "rights", "health", "culture"],
        title=SUMMIT["title"][0],
        summary=SUMMIT["summary"][0],
        body=f"<p>{SUMMIT['body'][0]}</p>",
        **cover_fields(SUMMIT),
        starts_at=at(summit_day, 10),
        ends_at=at(summit_day, 20, 30),
        event_format=EventFormat.SUMMIT,
        our_role=OurRole.ORGANISER,
        venue_name="Digital Village",
        street_address="21 rue Albert Bayet",
        postcode="75013",
        city="Paris",
        country="France",
        programme=[
            session_data(kind, title[0], start, end, speakers=[people[key] for key in keys])
            for kind, (start, end), title, keys in SUMMIT["sessions"]
        ],
        registration_mode=RegistrationMode.CLOSED,
    )
    if not summit.has_translation(english):
        translate_event(summit, SUMMIT, [title for _k, _t, title, _p in SUMMIT["sessions"]] + [("France", "France")])

    # Section 2: our round table at someone else's event.
    anct, _created = Organisation.objects.get_or_create(
        locale=home.locale, name=ANCT[0], defaults={"acronym": ANCT[1], "website": ANCT[2]}
    )
    if not anct.has_translation(english):
        translate(anct, {ANCT[0]: ANCT_EN})
    nec, _created = create_event(
        index,
        NEC["slug"][0],
        context,
        ["literacy", "governance"],
        pin_report=True,
        title=NEC["title"][0],
        summary=NEC["summary"][0],
        body=f"<p>{NEC['body'][0]}</p>",
        **cover_fields(NEC),
        starts_at=at(date(2025, 10, 28), 0),
        ends_at=at(date(2025, 10, 29), 23, 59),
        all_day=True,
        event_format=EventFormat.CONFERENCE,
        our_role=OurRole.PARTICIPANT,
        organiser=anct,
        venue_name="Palais universitaire",
        street_address="9 place de l'Université",
        postcode="67000",
        city="Strasbourg",
        country="France",
        programme=[
            session_data(
                "round_table",
                ROUND_TABLE_TITLE[0],
                description=ROUND_TABLE_DESCRIPTION[0],
                moderators=[people["quatrebarbes"]],
                speakers=[people[key] for key in ("lucas", "bancal", "corcoral", "jean")],
                ours=True,
            )
        ],
        registration_mode=RegistrationMode.CLOSED,
    )
    if not nec.has_translation(english):
        translate_event(nec, NEC, [ROUND_TABLE_TITLE, ROUND_TABLE_DESCRIPTION])

    # An upcoming workshop with open registration, so readers can try the form.
    workshop_day = (timezone.localtime(timezone.now(), paris()) + timedelta(days=45)).date()
    workshop, _created = create_event(
        index,
        WORKSHOP["slug"][0],
        context,
        ["literacy", "democracy"],
        pin_report=True,
        title=WORKSHOP["title"][0],
        summary=WORKSHOP["summary"][0],
        body=f"<p>{WORKSHOP['body'][0]}</p>",
        **cover_fields(WORKSHOP),
        starts_at=at(workshop_day, 18),
        ends_at=at(workshop_day, 20),
        event_format=EventFormat.WORKSHOP,
        our_role=OurRole.ORGANISER,
        venue_name="Digital Village",
        street_address="21 rue Albert Bayet",
        postcode="75013",
        city="Paris",
        country="France",
        online_url="https://example.org/atelier-litteratie-ia",
        programme=[
            session_data(
                kind,
                title[0],
                start,
                end,
                moderators=[people[key] for key in moderators],
                speakers=[people[key] for key in speakers],
            )
            for kind, (start, end), title, moderators, speakers in WORKSHOP["sessions"]
        ],
        registration_mode=RegistrationMode.FORM,
        capacity=30,
        registration_closes_at=at(workshop_day - timedelta(days=1), 12),
    )
    if not workshop.has_translation(english):
        translate_event(
            workshop, WORKSHOP, [title for _k, _t, title, _m, _s in WORKSHOP["sessions"]] + [("France", "France")]
        )

    context["events"] = {"summit": summit, "participation": nec, "workshop": workshop}
    context["event_index"] = index
    context.setdefault("menu_links", []).append(("Événements", index))

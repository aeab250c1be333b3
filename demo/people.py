from wagtail.models import Locale

from editorial.localize import translate
from people.models import Organisation, PeopleIndexPage, Person

from .helpers import child_page, english_version
from .images import portrait

# key: (name, acronym, website, English name or None when it is the same)
ORGANISATIONS = {
    "us": (
        "Institut du numérique responsable",
        "INR",
        "",
        "Institute for Responsible Digital Policy",
    ),
    "pix": ("Pix", "", "https://pix.fr", None),
    "cnum": (
        "Conseil de l'intelligence artificielle et du numérique",
        "",
        "",
        "Council for Artificial Intelligence and Digital Affairs",
    ),
    "men": (
        "Ministère de l'Éducation nationale, Direction du numérique pour l'éducation",
        "DNE",
        "",
        "French Ministry of Education, Digital Directorate for Education",
    ),
    "parliament": (
        "Parlement européen",
        "",
        "https://www.europarl.europa.eu",
        "European Parliament",
    ),
    "commission": ("Commission européenne", "", "", "European Commission"),
    "generation_lumiere": ("Génération Lumière", "", "", None),
    "greenit": ("GreenIT", "", "", None),
    "beyond": ("Beyond Fossil Fuels", "", "", None),
    "amnesty": ("Amnesty France", "", "", None),
    "edri": ("European Digital Rights", "EDRi", "https://edri.org", None),
    "lqdn": ("La Quadrature du Net", "", "https://www.laquadrature.net", None),
    "cnrs": (
        "Centre national de la recherche scientifique",
        "CNRS",
        "https://www.cnrs.fr",
        "French National Centre for Scientific Research",
    ),
    "backseat": ("Backseat", "", "", None),
    "algos": ("Algos Victima", "", "", None),
    "ufc": ("UFC-Que Choisir", "", "", None),
    "sacd": (
        "Société des auteurs et compositeurs dramatiques",
        "SACD",
        "",
        "Society of Dramatic Authors and Composers",
    ),
    "eurocinema": ("EUROCINEMA", "", "", None),
    "saclay": ("Université Paris-Saclay", "", "", "Paris-Saclay University"),
    "iae": ("IAE Paris", "", "", None),
    "oxfam": ("Oxfam France", "", "", None),
    "ouest_france": ("Ouest-France", "", "https://www.ouest-france.fr", None),
    "interconnectes": ("Les Interconnectés", "", "", None),
    "france_urbaine": ("France urbaine", "", "", None),
    "intercommunalites": ("Intercommunalités de France", "", "", None),
}

# key: (name, slug, organisation key, French role, English role, staff?)
PEOPLE = {
    "lucas": (
        "Jean-François Lucas",
        "jean-francois-lucas",
        "us",
        "Délégué général",
        "Executive director",
        True,
    ),
    "eddbali": (
        "Hind Ed-dbali",
        "hind-ed-dbali",
        "us",
        "Chargée d'études",
        "Policy analyst",
        True,
    ),
    "bancal": (
        "Marie Bancal",
        "marie-bancal",
        "pix",
        "Directrice des partenariats et du développement",
        "Director of partnerships and development",
        False,
    ),
    "corcoral": (
        "Joséphine Corcoral",
        "josephine-corcoral",
        "cnum",
        "Secrétaire générale adjointe",
        "Deputy secretary",
        False,
    ),
    "jean": (
        "Axel Jean",
        "axel-jean",
        "men",
        "Chef du bureau de l'innovation numérique et de la recherche appliquée",
        "Head of the office for digital innovation and applied research",
        False,
    ),
    "quatrebarbes": (
        "Sophie de Quatrebarbes",
        "sophie-de-quatrebarbes",
        None,
        "Consultante en éducation et numérique",
        "Education and digital consultant",
        False,
    ),
    "cormand": (
        "David Cormand",
        "david-cormand",
        "parliament",
        "Député européen",
        "Member of the European Parliament",
        False,
    ),
    "breton": (
        "Thierry Breton",
        "thierry-breton",
        "commission",
        "Ancien commissaire européen au marché intérieur",
        "Former European Commissioner for the internal market",
        False,
    ),
    "maenda": (
        "David Maenda Kithoko",
        "david-maenda-kithoko",
        "generation_lumiere",
        "Président",
        "President",
        False,
    ),
    "montenay": (
        "Lorraine De Montenay",
        "lorraine-de-montenay",
        "greenit",
        "Experte numérique responsable",
        "Sustainable digital expert",
        False,
    ),
    "terras": (
        "Pierre Terras",
        "pierre-terras",
        "beyond",
        "Chargé de campagne",
        "Campaigner",
        False,
    ),
    "roux": (
        "Katia Roux",
        "katia-roux",
        "amnesty",
        "Chargée de plaidoyer",
        "Advocacy officer",
        False,
    ),
    "tiyavorabun": (
        "Blue Duangdjai Tiyavorabun",
        "blue-duangdjai-tiyavorabun",
        "edri",
        "Chargée de politiques publiques",
        "Policy advisor",
        False,
    ),
    "piedallu": (
        "Benoît Piédallu",
        "benoit-piedallu",
        "lqdn",
        "Membre",
        "Member",
        False,
    ),
    "guyon": (
        "Alice Guyon",
        "alice-guyon",
        "cnrs",
        "Neuroscientifique",
        "Neuroscientist",
        False,
    ),
    "massiet": (
        "Jean Massiet",
        "jean-massiet",
        "backseat",
        "Fondateur",
        "Founder",
        False,
    ),
    "boutron": (
        "Laure Boutron-Marmion",
        "laure-boutron-marmion",
        "algos",
        "Avocate",
        "Lawyer",
        False,
    ),
    "michaelsen": (
        "Frithjof Michaelsen",
        "frithjof-michaelsen",
        "ufc",
        "Chargé de mission numérique",
        "Digital policy officer",
        False,
    ),
    "rogard": (
        "Pascal Rogard",
        "pascal-rogard",
        "sacd",
        "Directeur général",
        "Director general",
        False,
    ),
    "prissard": (
        "Juliette Prissard",
        "juliette-prissard",
        "eurocinema",
        "Déléguée générale",
        "Executive director",
        False,
    ),
    "benabou": (
        "Valérie-Laure Benabou",
        "valerie-laure-benabou",
        "saclay",
        "Professeure de droit",
        "Professor of law",
        False,
    ),
    "howayeck": (
        "Pierrette Howayeck",
        "pierrette-howayeck",
        "iae",
        "Enseignante-chercheuse",
        "Lecturer and researcher",
        False,
    ),
    "duflot": (
        "Cécile Duflot",
        "cecile-duflot",
        "oxfam",
        "Directrice générale",
        "Executive director",
        False,
    ),
    "devillers": (
        "Laurence Devillers",
        "laurence-devillers",
        "cnrs",
        "Professeure en intelligence artificielle",
        "Professor of artificial intelligence",
        False,
    ),
    "martin": (
        "Camille Martin",
        "camille-martin",
        "us",
        "Chargée des concertations territoriales",
        "Local consultations coordinator",
        True,
    ),
}


def load(context):
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    organisations = {}
    for key, (name, acronym, website, name_en) in ORGANISATIONS.items():
        organisation, _ = Organisation.objects.get_or_create(
            locale=french, name=name, defaults={"acronym": acronym, "website": website}
        )
        if not organisation.has_translation(english):
            translate(organisation, {name: name_en} if name_en else {})
        organisations[key] = organisation

    people = {}
    for key, (name, slug, organisation_key, role_fr, role_en, staff) in PEOPLE.items():
        organisation = organisations.get(organisation_key)
        where_fr = f" ({organisation.name})" if organisation else ""
        bio_fr = f"{name} est {role_fr.lower()}{where_fr}."
        person, _created = Person.objects.get_or_create(
            locale=french,
            slug=slug,
            defaults={
                "name": name,
                "role": role_fr,
                "organisation": organisation,
                "is_staff_member": staff,
                "bio": bio_fr,
                "photo": portrait(name),
            },
        )
        if not person.has_translation(english):
            where_en = ""
            if organisation:
                where_en = f" ({organisation.get_translation(english).name})"
            translate(
                person,
                # English needs an article before most roles ("a neuroscientist", "the
                # president"): a title line reads right without one.
                {role_fr: role_en, bio_fr: f"{name} — {role_en}{where_en}."},
            )
        people[key] = person
    context["organisations"] = organisations
    context["people"] = people


INDEX_INTRO_FR = "Les membres de l'équipe, les auteurs de nos rapports et les intervenants de nos événements."
INDEX_INTRO_EN = "Our team, the authors of our reports and the speakers at our events."


def load_index(context):
    """The people index page (`/fr/personnes/`, `/en/people/`), which gives every person their page."""
    index = child_page(context["home"], PeopleIndexPage, "personnes", title="Personnes", intro=INDEX_INTRO_FR)
    english_version(index, {"Personnes": "People", "personnes": "people", INDEX_INTRO_FR: INDEX_INTRO_EN})
    context["people_index"] = index
    context.setdefault("menu_links", []).append(("Personnes", index))

"""Demo content: the report index and the AI literacy report of the content
brief (section 1), in French with its wagtail-localize English translation; its
PDF is printed from the page (reports/pdf.py), in each language."""

import datetime

from wagtail.models import Locale

from editorial.localize import translate
from editorial.models import PageTopic
from reports.models import ReportAuthor, ReportIndexPage, ReportPage, ReportSeries, ReportType

from .helpers import child_page, english_version
from .images import Cover, Diagram

TITLE_FR = "Déployer une littératie en IA pour une société inclusive et émancipatrice"
TITLE_EN = "Building AI literacy for an inclusive and emancipating society"
COVER = Cover("Littératie en IA", "AI literacy", colour="blue")
COVER_ALT = (COVER.alt("fr", prefix="Couverture du rapport"), COVER.alt("en", prefix="Report cover"))
FIGURE = Diagram(("Comprendre", "Évaluer", "Décider"), ("Understanding", "Assessing", "Deciding"))


INTRO_FR = (
    "Nos analyses, rapports et notes : des propositions argumentées pour des politiques publiques du numérique "
    "et de l'intelligence artificielle au service de l'intérêt général."
)
INTRO_EN = (
    "Our analyses, reports and briefs: reasoned proposals for digital and artificial intelligence public policy "
    "in the public interest."
)

SUMMARY_FR = (
    "Comment faire de l'intelligence artificielle un facteur d'inclusion et d'émancipation plutôt qu'un "
    "amplificateur des inégalités existantes ? Ce rapport propose de bâtir une littératie en IA partagée, "
    "de l'école aux entreprises, et formule des recommandations pour l'État, les collectivités et la société civile."
)
SUMMARY_EN = (
    "How can artificial intelligence become a driver of inclusion and emancipation rather than an amplifier of "
    "existing inequalities? This report proposes building a shared AI literacy, from schools to companies, and "
    "makes recommendations to government, local authorities and civil society."
)

# key: (French, English) of every text of the report's body.
TEXT = {
    "issue": ("Un enjeu démocratique", "A democratic issue"),
    "issue_1": (
        "L'intelligence artificielle générative est entrée en quelques mois dans les salles de classe, les "
        "administrations et les entreprises. Savoir ce qu'elle fait, ce qu'elle ne fait pas et comment l'interroger "
        "devient une condition de la participation à la vie sociale et civique.",
        "Generative artificial intelligence entered classrooms, public services and companies within a few months. "
        "Knowing what it does, what it does not do and how to question it is becoming a condition for taking part "
        "in social and civic life.",
    ),
    "issue_2": (
        "Sans politique volontariste, les personnes les plus éloignées du numérique risquent d'être une nouvelle fois "
        "laissées de côté, tandis que d'autres tireront pleinement parti de ces outils.",
        "Without a deliberate policy, the people furthest from digital technology risk being left behind once again, "
        "while others take full advantage of these tools.",
    ),
    "issue_note": (
        "Selon les enquêtes publiques sur les usages du numérique, une personne sur trois manque d'au moins une "
        "compétence numérique de base.",
        "According to public surveys of digital practices, one person in three lacks at least one basic digital skill.",
    ),
    "act_note": (
        "Le règlement européen sur l'IA demande aux fournisseurs et déployeurs de veiller à la maîtrise de l'IA de "
        "leur personnel (article 4).",
        "The EU AI Act asks providers and deployers to ensure their staff's AI literacy (Article 4).",
    ),
    "scope": ("Ce que recouvre la littératie en IA", "What AI literacy covers"),
    "understand": ("Comprendre", "Understanding"),
    "understand_1": (
        "La littératie en IA ne se réduit pas à l'usage des outils. Elle associe une compréhension des principes de "
        "fonctionnement, une capacité à évaluer les résultats produits et une conscience des enjeux sociaux, "
        "environnementaux et juridiques.",
        "AI literacy is not just about using tools. It combines an understanding of how they work, the ability to "
        "assess what they produce and an awareness of the social, environmental and legal stakes.",
    ),
    "act": ("Agir", "Acting"),
    "act_1": (
        "Elle donne à chacun les moyens de choisir quand recourir à l'IA, de contester une décision automatisée et de "
        "participer au débat public sur ses usages.",
        "It gives everyone the means to choose when to use AI, to challenge an automated decision and to take part "
        "in the public debate on how it is used.",
    ),
    "figure_alt": (
        "Schéma : trois cercles qui se chevauchent, comprendre, évaluer et décider",
        "Diagram: three overlapping circles, understanding, assessing and deciding",
    ),
    "figure_caption": (
        "Les trois dimensions de la littératie en IA",
        "The three dimensions of AI literacy",
    ),
    "figure_source": ("Institut du numérique responsable", "Institute for Responsible Digital Policy"),
    "table": ("Trois compétences à construire ensemble", "Three skills to build together"),
    "col_1": ("Compétence", "Skill"),
    "col_2": ("Ce qu'elle permet", "What it makes possible"),
    "col_3": ("Qui peut la transmettre", "Who can teach it"),
    "row_1_1": ("Comprendre le fonctionnement", "Understanding how it works"),
    "row_1_2": ("Démystifier les promesses et les peurs", "Demystifying promises and fears"),
    "row_1_3": ("École, médiation numérique", "Schools, digital outreach"),
    "row_2_1": ("Évaluer les résultats", "Assessing outputs"),
    "row_2_2": ("Repérer erreurs, biais et inventions", "Spotting errors, biases and fabrications"),
    "row_2_3": ("Enseignants, bibliothécaires", "Teachers, librarians"),
    "row_3_1": ("Décider des usages", "Deciding on uses"),
    "row_3_2": ("Choisir, refuser, contester", "Choosing, refusing, challenging"),
    "row_3_3": ("Collectivités, entreprises, associations", "Local authorities, companies, associations"),
    "table_source": ("Travaux de l'Institut, 2025.", "Institute research, 2025."),
    "quote": (
        "La littératie en IA n'est pas une compétence technique réservée à quelques-uns : c'est une culture commune "
        "à construire.",
        "AI literacy is not a technical skill reserved for a few: it is a common culture to build.",
    ),
    "quote_by": ("Conclusion des auteurs", "The authors' conclusion"),
    "key": ("À retenir", "Key point"),
    "key_1": (
        "Former sans outiller ne suffit pas : la littératie en IA suppose aussi des lieux, du temps et des "
        "médiateurs formés, en particulier dans les territoires les moins équipés.",
        "Training without equipping is not enough: AI literacy also requires places, time and trained mediators, "
        "especially in the least equipped areas.",
    ),
    "recs": ("Nos recommandations", "Our recommendations"),
    "recs_intro": (
        "Nos propositions s'adressent à l'ensemble des acteurs qui peuvent faire de la littératie en IA une réalité "
        "pour toutes et tous.",
        "Our proposals are addressed to everyone who can make AI literacy a reality for all.",
    ),
    "rec_1": (
        "Adopter un cadre national de référence de la littératie en IA",
        "Adopt a national AI literacy reference framework",
    ),
    "rec_1_text": (
        "Définir, avec les acteurs de l'éducation et de la médiation, un cadre commun de compétences qui serve de "
        "repère aux formations, plutôt que de multiplier les référentiels concurrents.",
        "Define, with education and outreach stakeholders, a common skills framework to guide training, rather than "
        "multiplying competing frameworks.",
    ),
    "rec_2": ("Former tous les enseignants d'ici à trois ans", "Train every teacher within three years"),
    "rec_2_text": (
        "Intégrer la littératie en IA à la formation initiale et continue des enseignants, avec du temps dédié et "
        "des ressources ouvertes.",
        "Include AI literacy in initial and continuing teacher training, with dedicated time and open resources.",
    ),
    "rec_3": (
        "Ouvrir des lieux de médiation à l'IA dans chaque territoire",
        "Open AI outreach spaces in every area",
    ),
    "rec_3_text": (
        "S'appuyer sur les médiathèques, les tiers-lieux et les espaces France services pour proposer un "
        "accompagnement gratuit et de proximité.",
        "Build on libraries, community hubs and France services centres to offer free, local support.",
    ),
    "rec_4": ("Associer les salariés aux choix d'outils d'IA", "Involve employees in choosing AI tools"),
    "rec_4_text": (
        "Inscrire l'introduction des outils d'IA au dialogue social et former les salariés concernés avant tout "
        "déploiement.",
        "Make the introduction of AI tools part of social dialogue and train the employees concerned before any "
        "rollout.",
    ),
    "rec_5": (
        "Soutenir les associations d'éducation populaire au numérique",
        "Support community digital education associations",
    ),
    "rec_5_text": (
        "Financer dans la durée les associations qui accompagnent les publics éloignés du numérique, pour qu'elles "
        "intègrent l'IA à leurs actions.",
        "Provide long-term funding to associations supporting people far from digital technology, so that they "
        "include AI in their work.",
    ),
    "refs": ("Notes et références", "Notes and references"),
    "ref_1": (
        "Règlement (UE) 2024/1689 du Parlement européen et du Conseil établissant des règles harmonisées concernant "
        "l'intelligence artificielle, article 4 (maîtrise de l'IA).",
        "Regulation (EU) 2024/1689 of the European Parliament and of the Council laying down harmonised rules on "
        "artificial intelligence, Article 4 (AI literacy).",
    ),
    "subtitle": (
        "Faire de l'IA un facteur d'inclusion plutôt qu'un amplificateur d'inégalités",
        "Making AI a driver of inclusion rather than an amplifier of inequalities",
    ),
    "role_coordination": ("coordination", "coordination"),
}


# The series of the report: (French name, slug), (English name, slug).
SERIES = (("Cahiers de l'Institut", "cahiers"), ("Institute Papers", "papers"))


def series(locale, english):
    (name_fr, slug_fr), (name_en, slug_en) = SERIES
    found, _created = ReportSeries.objects.get_or_create(locale=locale, slug=slug_fr, defaults={"name": name_fr})
    if not found.has_translation(english):
        translate(found, {name_fr: name_en, slug_fr: slug_en})
    return found


def fr(key):
    return TEXT[key][0]


def body():
    def recommendation(number, audiences):
        return {
            "title": fr(f"rec_{number}"),
            "body": f"<p>{fr(f'rec_{number}_text')}</p>",
            "audiences": audiences,
        }

    return [
        ("heading", {"text": fr("issue"), "level": "h2"}),
        # Notes (reports/notes.py): a segment of their own, translated like the text.
        (
            "paragraph",
            f'<p>{fr("issue_1")}</p><p>{fr("issue_2")}<span class="footnote">{fr("issue_note")}</span></p>',
        ),
        ("heading", {"text": fr("scope"), "level": "h2"}),
        ("heading", {"text": fr("understand"), "level": "h3"}),
        ("paragraph", f"<p>{fr('understand_1')}</p>"),
        ("heading", {"text": fr("act"), "level": "h3"}),
        ("paragraph", f'<p>{fr("act_1")}<span class="footnote">{fr("act_note")}</span></p>'),
        (
            "figure",
            {
                "image": FIGURE.image("fr"),
                "alt_text": fr("figure_alt"),
                "caption": fr("figure_caption"),
                "source": fr("figure_source"),
                "source_url": "",
            },
        ),
        (
            "table",
            {
                "table": {
                    "table_caption": fr("table"),
                    "table_header_choice": "row",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [[fr(f"col_{col}") for col in (1, 2, 3)]]
                    + [[fr(f"row_{row}_{col}") for col in (1, 2, 3)] for row in (1, 2, 3)],
                },
                "source": fr("table_source"),
            },
        ),
        ("quote", {"quote": fr("quote"), "attribution": fr("quote_by")}),
        ("callout", {"title": fr("key"), "text": f"<p>{fr('key_1')}</p>", "tone": "key"}),
        (
            "recommendations",
            {
                "title": fr("recs"),
                "intro": f"<p>{fr('recs_intro')}</p>",
                "recommendations": [
                    recommendation(1, ["government", "schools"]),
                    recommendation(2, ["government", "schools"]),
                    recommendation(3, ["local_authorities", "civil_society"]),
                    recommendation(4, ["companies"]),
                    recommendation(5, ["government", "local_authorities", "civil_society"]),
                ],
            },
        ),
        (
            "references",
            {
                "title": fr("refs"),
                "references": [
                    {"text": f"<p>{fr('ref_1')}</p>", "url": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                ],
            },
        ),
    ]


def load(context):
    home = context["home"]
    english = Locale.objects.get(language_code="en")
    index = child_page(home, ReportIndexPage, "rapports", title="Rapports", intro=INTRO_FR)
    english_version(index, {"Rapports": "Reports", "rapports": "reports", INTRO_FR: INTRO_EN})

    slug = "deployer-une-litteratie-en-ia"
    report = index.get_children().filter(slug=slug).first()
    if report is None:
        report = ReportPage(
            title=TITLE_FR,
            slug=slug,
            subtitle=fr("subtitle"),
            publication_date=datetime.date(2025, 10, 23),
            report_type=ReportType.REPORT,
            series=series(index.locale, english),
            series_number="3",
            summary=SUMMARY_FR,
            cover_image=COVER.image("fr"),
            cover_alt=COVER_ALT[0],
            body=body(),
            locale=index.locale,
        )
        report.page_topics = [
            PageTopic(topic=context["topics"][key], locale=index.locale, sort_order=i)
            for i, key in enumerate(("literacy", "governance", "democracy"))
        ]
        report.authors = [
            ReportAuthor(
                person=context["people"]["lucas"], role=fr("role_coordination"), locale=index.locale, sort_order=0
            ),
            ReportAuthor(person=context["people"]["eddbali"], locale=index.locale, sort_order=1),
        ]
        index.add_child(instance=report)
        report.save_revision().publish()
    report = report.specific
    if not report.has_translation(english):
        english_version(
            report,
            {
                TITLE_FR: TITLE_EN,
                slug: "building-ai-literacy",
                SUMMARY_FR: SUMMARY_EN,
                COVER_ALT[0]: COVER_ALT[1],
                **dict(TEXT.values()),
            },
            images={COVER.image("fr"): COVER.image("en"), FIGURE.image("fr"): FIGURE.image("en")},
        )
    context["reports"] = {"literacy": report}
    context["report_index"] = index
    context.setdefault("menu_links", []).append(("Rapports", index))

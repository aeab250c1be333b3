"""Demo news (content brief, section 4): the AI Action Summit article, signed by
Hind Ed-dbali, with Ouest-France credited as its source."""

import datetime

from wagtail.models import Locale

from editorial.models import PageTopic, RelatedPin
from news.models import NewsArticlePage, NewsIndexPage

from .helpers import child_page, english_version
from .images import Cover

INDEX_INTRO = (
    "Ce qui se passe dans le numérique et l'intelligence artificielle, vu par notre équipe.",
    "What is happening in digital technology and artificial intelligence, seen by our team.",
)

SLUG = ("sommet-pour-l-action-sur-l-ia", "ai-action-summit")
TITLE = (
    "Sommet pour l'action sur l'IA : Paris réunit le monde au Grand Palais",
    "AI Action Summit: Paris brings the world together at the Grand Palais",
)
SUMMARY = (
    "Les 10 et 11 février 2025, la France et l'Inde coprésident au Grand Palais un sommet mondial sur "
    "l'intelligence artificielle : une centaine de pays, plus de 1\u00a0000 participants et une question, "
    "celle d'une IA utile à tous.",
    "On 10 and 11 February 2025, France and India co-chair a global summit on artificial intelligence at "
    "the Grand Palais: about a hundred countries, over 1,000 participants and one question, that of AI "
    "that serves everyone.",
)
COVER = Cover("Sommet pour l'action sur l'IA", "AI Action Summit", colour="red")
COVER_ALT = (COVER.alt("fr"), COVER.alt("en"))
# (French, English) strings of the body, in order.
TEXT = {
    "intro": (
        "Paris accueille les 10 et 11 février 2025, au Grand Palais, le Sommet pour l'action sur "
        "l'intelligence artificielle, coprésidé par la France et l'Inde. Une centaine de pays et plus de "
        "1\u00a0000 participants, chefs d'État, chercheurs, entreprises et société civile, y discutent d'une IA "
        "au service de l'intérêt général.",
        "Paris hosts the Artificial Intelligence Action Summit at the Grand Palais on 10 and 11 February "
        "2025, co-chaired by France and India. About a hundred countries and over 1,000 participants, heads "
        "of state, researchers, companies and civil society, discuss AI in the public interest.",
    ),
    "ecosystem": ("Un écosystème français en chiffres", "The French ecosystem in figures"),
    "ecosystem_text": (
        "Le gouvernement met en avant les moyens engagés depuis 2018 et la vitalité des entreprises "
        "françaises, des licornes comme Mistral AI et Qonto aux centres de calcul comme Jean Zay.",
        "The government highlights the means committed since 2018 and the vitality of French companies, "
        "from unicorns such as Mistral AI and Qonto to computing centres such as Jean Zay.",
    ),
    "figures_title": ("Les chiffres cités", "The figures quoted"),
    "invested": ("investis par la France dans l'IA depuis 2018", "invested in AI by France since 2018"),
    "unicorns": ("licornes françaises, dont Mistral AI et Qonto", "French unicorns, among them Mistral AI and Qonto"),
    "startups": (
        "start-up de l'IA, qui ont levé près de 2 milliards d'euros en 2024",
        "AI start-ups, which raised close to €2 billion in 2024",
    ),
    "countries": ("pays représentés au sommet", "countries represented at the summit"),
    "around": ("Autour du sommet", "Around the summit"),
    "around_text": (
        "Le sommet s'accompagne d'une semaine d'événements : journées scientifiques à Paris-Saclay les 6 et "
        "7 février, week-end culturel à la Bibliothèque nationale de France et à la Conciergerie les 8 et "
        "9 février, et journée des entreprises à Station F le 11 février.",
        "The summit comes with a week of events: research days at Paris-Saclay on 6 and 7 February, a "
        "cultural weekend at the Bibliothèque nationale de France and the Conciergerie on 8 and 9 February, "
        "and a business day at Station F on 11 February.",
    ),
    "our_view": ("Notre regard", "Our view"),
    "our_view_text": (
        "Au-delà des annonces d'investissement, nous suivrons ce que le sommet dit de la gouvernance de l'IA, "
        "de la souveraineté numérique européenne et de la place laissée aux citoyens dans ces choix.",
        "Beyond the investment announcements, we will follow what the summit says about AI governance, "
        "European digital sovereignty and the room left to citizens in these choices.",
    ),
}
FIGURES = [
    ("2,5 Md€", "€2.5 bn", "invested"),
    ("16", "16", "unicorns"),
    ("≈ 1\u00a0000", "≈ 1,000", "startups"),
    ("≈ 100", "≈ 100", "countries"),
]


def body():
    def fr(key):
        return TEXT[key][0]

    return [
        ("paragraph", f"<p>{fr('intro')}</p>"),
        ("heading", {"text": fr("ecosystem"), "level": "h2"}),
        ("paragraph", f"<p>{fr('ecosystem_text')}</p>"),
        (
            "key_figures",
            {
                "title": fr("figures_title"),
                "figures": [{"figure": figure, "label": fr(key), "source": ""} for figure, _en, key in FIGURES],
            },
        ),
        ("heading", {"text": fr("around"), "level": "h2"}),
        ("paragraph", f"<p>{fr('around_text')}</p>"),
        ("heading", {"text": fr("our_view"), "level": "h2"}),
        ("paragraph", f"<p>{fr('our_view_text')}</p>"),
    ]


def load(context):
    home = context["home"]
    english = Locale.objects.get(language_code="en")
    index = child_page(home, NewsIndexPage, "actualites", title="Actualités", intro=INDEX_INTRO[0])
    english_version(index, {"Actualités": "News", "actualites": "news", INDEX_INTRO[0]: INDEX_INTRO[1]})

    article = index.get_children().filter(slug=SLUG[0]).first()
    if article is None:
        article = NewsArticlePage(
            title=TITLE[0],
            slug=SLUG[0],
            locale=index.locale,
            date=datetime.date(2025, 2, 10),
            author=context["people"]["eddbali"],
            summary=SUMMARY[0],
            cover_image=COVER.image("fr"),
            cover_alt=COVER_ALT[0],
            body=body(),
            source_organisation=context["organisations"]["ouest_france"],
            source_url=context["organisations"]["ouest_france"].website,
            source_date=datetime.date(2025, 2, 10),
        )
        article.page_topics = [
            PageTopic(topic=context["topics"][key], locale=index.locale) for key in ("governance", "sovereignty")
        ]
        summit = (context.get("events") or {}).get("summit")
        if summit is not None:
            article.related_pins = [RelatedPin(target=summit, locale=index.locale)]
        index.add_child(instance=article)
        article.save_revision().publish()
    article = article.specific
    if not article.has_translation(english):
        strings = dict([TITLE, SLUG, SUMMARY, COVER_ALT, *TEXT.values()])
        strings.update({fr: en for fr, en, _key in FIGURES})
        english_version(article, strings, images={COVER.image("fr"): COVER.image("en")})
    context["news"] = {"summit": article}
    context["news_index"] = index
    context.setdefault("menu_links", []).append(("Actualités", index))

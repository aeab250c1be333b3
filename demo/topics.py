from wagtail.models import Locale

from editorial.localize import translate
from topics.models import Topic, TopicIndexPage

from .helpers import child_page, english_version

# (key, French name, French slug, English name, English slug)
TOPICS = [
    (
        "literacy",
        "Littératie en IA et éducation",
        "litteratie-ia-education",
        "AI literacy and education",
        "ai-literacy-education",
    ),
    (
        "sovereignty",
        "Souveraineté numérique",
        "souverainete-numerique",
        "Digital sovereignty",
        "digital-sovereignty",
    ),
    (
        "environment",
        "Environnement et numérique",
        "environnement-numerique",
        "Environment and digital",
        "environment-digital",
    ),
    (
        "rights",
        "Droits fondamentaux et surveillance",
        "droits-fondamentaux-surveillance",
        "Fundamental rights and surveillance",
        "fundamental-rights-surveillance",
    ),
    (
        "culture",
        "Culture et droits d'auteur",
        "culture-droits-auteur",
        "Culture and authors' rights",
        "culture-authors-rights",
    ),
    ("work", "Travail", "travail", "Work", "work"),
    (
        "governance",
        "Gouvernance de l'IA",
        "gouvernance-ia",
        "AI governance",
        "ai-governance",
    ),
    (
        "democracy",
        "Démocratie locale",
        "democratie-locale",
        "Local democracy",
        "local-democracy",
    ),
    (
        "health",
        "Santé mentale et numérique",
        "sante-mentale-numerique",
        "Mental health and digital",
        "mental-health-digital",
    ),
]


def load(context):
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    topics = {}
    for key, name_fr, slug_fr, name_en, slug_en in TOPICS:
        topic, _ = Topic.objects.get_or_create(locale=french, slug=slug_fr, defaults={"name": name_fr})
        if not topic.has_translation(english):
            translate(topic, {name_fr: name_en, slug_fr: slug_en})
        topics[key] = topic
    context["topics"] = topics


INDEX_INTRO_FR = "Nos rapports, événements et actualités rassemblés par thème."
INDEX_INTRO_EN = "Our reports, events and news gathered by topic."


def load_index(context):
    """The topic index page (`/fr/themes/`, `/en/topics/`), which gives every topic its page."""
    index = child_page(context["home"], TopicIndexPage, "themes", title="Thèmes", intro=INDEX_INTRO_FR)
    english_version(index, {"Thèmes": "Topics", "themes": "topics", INDEX_INTRO_FR: INDEX_INTRO_EN})
    context["topic_index"] = index
    context.setdefault("menu_links", []).append(("Thèmes", index))

"""Demo search settings: the synonyms of the brief's vocabulary (French, and
their English translations) and one editor's pick per language."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from editorial.localize import translate
from search.models import Synonym

# French rule -> its English translation. Hyphenated compounds are listed with
# their joined and split forms: the analysers split "start-up" into two words,
# so "startup" only meets it through a rule.
SYNONYMS = {
    "IA, intelligence artificielle": "AI, artificial intelligence",
    "IAG, IA générative, intelligence artificielle générative": "GenAI, generative AI, generative artificial intelligence",
    "numérique, digital": "digital, numeric",
    "RGPD, règlement général sur la protection des données": "GDPR, General Data Protection Regulation",
    "droit d'auteur, droits d'auteur, copyright": "copyright, authors' rights, author's rights",
    # Plurals too: synonyms apply before stemming.
    "start-up, start-ups, startup, startups, start up, jeune pousse": "start-up, start-ups, startup, startups, start up",
    "école, enseignement, scolaire": "school, education, schooling",
    # Readers type the English words on the French site too, and the other way round.
    "souverain, souveraineté, sovereign, sovereignty": "sovereign, sovereignty, souverain, souveraineté",
}

# Query -> slug of the page pinned for it, per language.
PROMOTIONS = {"fr": ("littératie", "deployer-une-litteratie-en-ia"), "en": ("literacy", None)}


def load(context):
    french = Locale.objects.get(language_code="fr")
    for rule, english in SYNONYMS.items():
        synonym = Synonym.objects.filter(locale=french, terms=rule).first()
        if synonym is None:
            synonym = Synonym.objects.create(locale=french, terms=rule)
        if synonym.get_translation_or_none(Locale.objects.get(language_code="en")) is None:
            translate(synonym, {rule: english})

    query_fr, slug = PROMOTIONS["fr"]
    page = Page.objects.filter(locale=french, slug=slug).first()
    if page is None:
        return
    _pin(query_fr, page)
    english_page = page.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english_page is not None:
        _pin(PROMOTIONS["en"][0], english_page)


def _pin(query_string, page):
    query = Query.get(query_string)
    SearchPromotion.objects.get_or_create(
        query=query,
        page=page,
        defaults={"sort_order": 0, "description": ""},
    )

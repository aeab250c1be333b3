"""Words readers use interchangeably, per language: the editors' synonyms
(Settings → Synonymes de recherche) and, shipped with the code, the English
forms of the site's vocabulary that readers type on the French site ("AI
literacy", "deepfake", "data centre", "February"). Editors extend both with
synonyms of their own; the engine applies them when searching (no reindex),
the database backend searches each variant of the query."""

from .models import Synonym

# The French site's words and their common English forms. Synonyms apply
# before stemming: plurals are listed.
ENGLISH_FORMS = {
    "fr": [
        ["intelligence artificielle", "artificial intelligence"],
        ["littératie", "literacy"],
        ["littératie en IA", "littératie de l'IA", "AI literacy"],
        ["hypertrucage", "hypertrucages", "deepfake", "deepfakes", "deep fake", "deep fakes"],
        [
            "centre de données",
            "centres de données",
            "data centre",
            "data centres",
            "data center",
            "data centers",
            "datacenter",
            "datacenters",
            "centre de calcul",
            "centres de calcul",
        ],
        ["droit d'auteur", "droits d'auteur", "copyright"],
        ["désinformation", "disinformation", "misinformation", "infox", "fake news"],
        ["souveraineté numérique", "digital sovereignty"],
        ["protection des données", "data protection"],
        ["vie privée", "privacy"],
        ["santé mentale", "mental health"],
        ["gouvernance", "governance"],
        ["régulation", "réglementation", "regulation"],
        ["algorithme", "algorithmes", "algorithm", "algorithms"],
        ["enseignant", "enseignants", "teacher", "teachers"],
        # Readers' word for the recommendations' audience « Établissements d'enseignement ».
        [
            "école",
            "écoles",
            "établissement d'enseignement",
            "établissements d'enseignement",
            "school",
            "schools",
        ],
        ["collectivités", "collectivités territoriales", "local authorities", "local government"],
        ["sommet", "sommets", "summit", "summits"],
        ["atelier", "ateliers", "workshop", "workshops"],
        ["rapport", "rapports", "report", "reports"],
        ["événement", "événements", "event", "events"],
        ["janvier", "january"],
        ["février", "february"],
        ["mars", "march"],
        ["avril", "april"],
        ["mai", "may"],
        ["juin", "june"],
        ["juillet", "july"],
        ["août", "august"],
        ["septembre", "september"],
        ["octobre", "october"],
        ["novembre", "november"],
        ["décembre", "december"],
    ],
}


# English words read as a French one, not the other way round: "ai" is also
# French ("j'ai"), and searching it for each "IA" drowned the titles naming IA.
ENGLISH_ONLY_ONE_WAY = {"fr": [("AI", "IA")]}


def _editors(language):
    return [synonym.term_list for synonym in Synonym.objects.filter(locale__language_code=language)]


def synonym_groups(language):
    """[[term, ...]] readers use interchangeably in `language`: shipped, then the
    editors'. The database backend searches each as a variant of the query (a
    one-way pair too: its French words are stop words there)."""
    one_way = [list(pair) for pair in ENGLISH_ONLY_ONE_WAY.get(language, [])]
    return [*ENGLISH_FORMS.get(language, []), *one_way, *_editors(language)]


def _term(text):
    return text.replace("=>", " ").replace("#", " ")


def synonym_rules(language):
    """The engine's Solr-format rules, shipped then the editors'; commas, "=>" and "#" are its syntax."""
    shipped = [", ".join(map(_term, group)) for group in ENGLISH_FORMS.get(language, [])]
    one_way = [f"{_term(source)} => {_term(target)}" for source, target in ENGLISH_ONLY_ONE_WAY.get(language, [])]
    editors = [", ".join(map(_term, group)) for group in _editors(language)]
    return [*shipped, *one_way, *editors]

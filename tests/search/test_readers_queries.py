"""What readers type, written from the demo pages as a reader would before the
search was tuned: names with and without accents, with a typo or in part, an
organisation's acronym, dates in both languages, English words on the French
site, questions. Each must find the page readers expect in the first three
results of their language, on the engine and on the database backend.
SQLite has neither accent folding nor trigram similarity: SQLITE_MISSES lists
what it cannot find, and why."""

import pytest

from .test_relevance import assert_all_found

PERSON_FR = "/fr/personnes/"
PERSON_EN = "/en/people/"
SUMMIT_EVENT = ("/fr/evenements/reinventer-l-ia/", "/en/events/reinventing-ai/")
NEC_EVENT = ("/fr/evenements/numerique-en-communs-2025/", "/en/events/numerique-en-communs-2025/")
REPORT = ("/fr/rapports/deployer-une-litteratie-en-ia/", "/en/reports/building-ai-literacy/")
INITIATIVE = ("/fr/initiatives/concertations-territoriales-de-l-ia/", "/en/initiatives/local-ai-consultations/")
NEWS = ("/fr/actualites/sommet-pour-l-action-sur-l-ia/", "/en/news/ai-action-summit/")

# (language, query, expected path or paths: any of them in the first three)
READERS_QUERIES = [
    # Names, with and without accents, with a typo, in part
    ("fr", "Pierrette Howayeck", PERSON_FR + "pierrette-howayeck/"),
    ("fr", "pierrette howayek", PERSON_FR + "pierrette-howayeck/"),
    ("fr", "Thiery Bretton", PERSON_FR + "thierry-breton/"),
    ("fr", "benoit piedallu", PERSON_FR + "benoit-piedallu/"),
    ("en", "Cecile Duflot", PERSON_EN + "cecile-duflot/"),
    ("fr", "quatrebarbe", PERSON_FR + "sophie-de-quatrebarbes/"),
    ("en", "Jean-François Lucas", PERSON_EN + "jean-francois-lucas/"),
    # Organisations by their acronym
    ("fr", "SACD", PERSON_FR + "pascal-rogard/"),
    ("fr", "EDRi", PERSON_FR + "blue-duangdjai-tiyavorabun/"),
    ("fr", "CNRS", (PERSON_FR + "alice-guyon/", PERSON_FR + "laurence-devillers/")),
    ("en", "UFC-Que Choisir", PERSON_EN + "frithjof-michaelsen/"),
    # Partial words and typos
    ("fr", "interconnect", INITIATIVE[0]),
    ("fr", "literatie", REPORT[0]),
    ("fr", "concertasions", INITIATIVE[0]),
    ("en", "survelliance", SUMMIT_EVENT[1]),
    # Dates, in both languages
    ("fr", "février 2025", SUMMIT_EVENT[0]),
    ("fr", "7 février", SUMMIT_EVENT[0]),
    ("fr", "fevrier 2025", SUMMIT_EVENT[0]),
    ("en", "February 2025", SUMMIT_EVENT[1]),
    ("en", "7 February", SUMMIT_EVENT[1]),
    ("fr", "octobre 2025", NEC_EVENT[0]),
    ("en", "October 2025", NEC_EVENT[1]),
    ("fr", "rapport 2025", REPORT[0]),
    ("fr", "mars 2025", INITIATIVE[0]),
    # English words on the French site
    ("fr", "AI literacy", REPORT[0]),
    ("fr", "February 2025", SUMMIT_EVENT[0]),
    ("fr", "surveillance capitalism", SUMMIT_EVENT[0]),
    ("fr", "mental health", SUMMIT_EVENT[0]),
    ("fr", "teachers", REPORT[0]),
    ("fr", "data centre", NEWS[0]),
    ("fr", "digital sovereignty", (SUMMIT_EVENT[0], "/fr/themes/souverainete-numerique/")),
    # Questions
    ("fr", "comment former les enseignants à l'IA ?", REPORT[0]),
    ("en", "how can local authorities consult residents on AI?", INITIATIVE[1]),
    ("fr", "qui parle de souveraineté européenne ?", SUMMIT_EVENT[0]),
    # Places and sources
    ("fr", "Rennes", INITIATIVE[0]),
    ("en", "Strasbourg", NEC_EVENT[1]),
    ("en", "Ouest-France", NEWS[1]),
]

# What SQLite's full-text search cannot find: it neither folds accents nor
# measures how close two spellings are, and matches whole words only.
SQLITE_MISSES = {
    ("fr", "pierrette howayek"): "a typo: no similarity search",
    ("fr", "Thiery Bretton"): "typos: no similarity search",
    ("fr", "benoit piedallu"): "no accent folding (Benoît Piédallu)",
    ("en", "Cecile Duflot"): "no accent folding (Cécile)",
    ("fr", "quatrebarbe"): "a partial word",
    ("fr", "interconnect"): "a partial word",
    ("fr", "literatie"): "a typo, and no accent folding",
    ("fr", "concertasions"): "a typo",
    ("en", "survelliance"): "a typo",
    ("fr", "fevrier 2025"): "no accent folding (février)",
}


@pytest.mark.search_engine
def test_readers_queries_on_the_engine(client, demo_indexed):
    assert_all_found(client, "readers' queries on the engine", READERS_QUERIES)


def test_readers_queries_on_the_database_backend(client, demo):
    assert_all_found(client, "readers' queries on the database backend", READERS_QUERIES, SQLITE_MISSES)

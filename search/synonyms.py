"""The synonyms the demo ships, for editors to extend (search.models.Synonym).

French rule -> its English translation. Hyphenated compounds are listed with
their joined and split forms: the analysers split "start-up" into two words,
so "startup" only meets it through a rule.
"""

DEMO_SYNONYMS = {
    "IA, intelligence artificielle": "AI, artificial intelligence",
    "IAG, IA générative, intelligence artificielle générative": "GenAI, generative AI, generative artificial intelligence",
    "numérique, digital": "digital, numeric",
    "RGPD, règlement général sur la protection des données": "GDPR, General Data Protection Regulation",
    "droit d'auteur, droits d'auteur, copyright": "copyright, authors' rights, author's rights",
    "start-up, startup, start up, jeune pousse": "start-up, startup, start up",
    "école, enseignement, scolaire": "school, education, schooling",
    # Readers type the English words on the French site too, and the other way round.
    "souverain, souveraineté, sovereign, sovereignty": "sovereign, sovereignty, souverain, souveraineté",
}

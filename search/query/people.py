"""People on the database backend, found as the engine finds them: by name
(on PostgreSQL whatever the accents, with a typo or in part: `unaccent` and
`pg_trgm`'s word similarity), by their organisation's name or acronym ("SACD",
"EDRi"), by the words of their role and biography."""

from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Q, Value
from django.db.models.functions import Lower, Replace
from modelsearch.backends import get_search_backend

from ..indexing import people_with_page
from .entries import WORD
from .promotions import folded

# How close a query must be to a name for the name to match (pg_trgm's word
# similarity, 0 to 1): "pierrette howayek" is 0.7 from "Pierrette Howayeck",
# "quatrebarbe" 0.8 from "Sophie de Quatrebarbes", "ouest france" 0.4 from "Cécile Duflot".
NAME_SIMILARITY = 0.55
# People a search shows at most.
MAX_PEOPLE = 50


def _named(text, people):
    """People whose name or organisation holds every word of `text`, or whose
    organisation's acronym is one of its words; on PostgreSQL, also the names close to `text`."""
    words = WORD.findall(folded(text))
    if not words:
        return people.none(), set()
    acronyms = Q()
    for word in words:
        acronyms |= Q(organisation__acronym__iexact=word)
    if connection.vendor != "postgresql":
        every_word = Q()
        for word in words:
            # "Hind Eddbali" for « Hind Ed-dbali »: a name's hyphens are often left out.
            every_word &= (
                Q(name__icontains=word) | Q(unhyphenated__contains=word) | Q(organisation__name__icontains=word)
            )
        unhyphenated = Replace(Lower("name"), Value("-"), Value(""))
        found = list(people.annotate(unhyphenated=unhyphenated).filter(every_word | acronyms)[:MAX_PEOPLE])
        return found, {person.pk for person in found if all(w in folded(person.name).replace("-", "") for w in words)}
    every_word = Q()
    for word in words:
        every_word &= Q(folded_name__contains=word) | Q(folded_organisation__contains=word)
    found = list(
        people.annotate(
            folded_name=Unaccent(Lower("name")),
            folded_organisation=Unaccent(Lower("organisation__name")),
            similarity=TrigramWordSimilarity(" ".join(words), Unaccent(Lower("name"))),
        )
        .filter(every_word | acronyms | Q(similarity__gte=NAME_SIMILARITY))
        .order_by("-similarity", "name")[:MAX_PEOPLE]
    )
    return found, {person.pk for person in found if person.similarity >= NAME_SIMILARITY}


def matching_people(text, language):
    """(people readers name with `text` by name first, the others) of `language`:
    the first go before pages, the others after."""
    people = people_with_page(language)
    named, by_name = _named(text, people)
    seen = {person.pk for person in named}
    # The words of their role and biography, through Wagtail's database backend.
    others = [
        person for person in get_search_backend("default").search(text, people)[:MAX_PEOPLE] if person.pk not in seen
    ]
    first = [person for person in named if person.pk in by_name]
    return first, [person for person in named if person.pk not in by_name] + others

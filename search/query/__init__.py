"""Running a reader's search: on the engine when there is one, on Wagtail's
database backend otherwise or when the engine fails (the results then say so).
Both give the same `SearchResults`, so the page and the JSON API do not care
which answered. URLs are not built here: `search.links` gives them."""

import logging
from dataclasses import replace

from ..breaker import describe
from ..indexing import get_engine
from .database import database_search
from .engine import engine_search
from .promotions import promotions
from .results import SearchResults
from .suggestions import suggestions
from .value import SearchQuery, requested_language
from .visibility import hidden_page_ids

__all__ = ["SearchQuery", "SearchResults", "requested_language", "search", "suggestions"]

logger = logging.getLogger(__name__)


def search(query):
    """The results of `query`, editors' picks first; None when there is nothing to search for."""
    if not query.text:
        return None
    picked = promotions(query.text, query.language)
    exclude = [hit.page_id for hit in picked if hit.page_id]
    engine = get_engine()
    if engine is None:
        results = database_search(query, exclude)
    else:
        try:
            results = engine_search(engine, query, exclude + hidden_page_ids(query.language))
        except Exception as error:  # noqa: BLE001 - whatever the engine's failure, the database answers
            # One line: the breaker logs the traceback of the failure that opened it.
            logger.warning("Search engine unavailable (%s), answering from the database", describe(error))
            results = replace(database_search(query, exclude), degraded=True)
    return replace(results, promotions=picked if results.page == 1 else [], pinned=len(picked))
